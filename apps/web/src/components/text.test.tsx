import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlighted, pickText } from './text';

describe('Highlighted', () => {
  it('marks the matched words and shows any other markup as text', () => {
    const { container } = render(
      <p>
        <Highlighted snippet={'<mark>Méca</mark>nique <img src=x onerror=alert(1)> <mark>لحام</mark>'} />
      </p>,
    );
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Méca', 'لحام']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('pickText', () => {
  it('prefers the interface language, then Arabic, French, English', () => {
    expect(pickText({ ar: 'ع', fr: 'f', en: 'e' }, 'fr')).toBe('f');
    expect(pickText({ ar: null, fr: 'f', en: 'e' }, 'en')).toBe('e');
    expect(pickText({ ar: 'ع', fr: 'f', en: null }, 'en')).toBe('ع');
    expect(pickText({ ar: null, fr: null, en: 'e' }, 'ar')).toBe('e');
    expect(pickText(null, 'ar')).toBe('');
  });
});
