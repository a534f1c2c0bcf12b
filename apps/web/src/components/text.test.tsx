import { render } from '@testing-library/react';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { CATALOGUES } from '../i18n/catalogues';
import { errorMessage, Highlighted, pickText } from './text';

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

describe('errorMessage', () => {
  it('tells the database outage apart from a fault, in the interface language', () => {
    const outage = new ApiError('DATABASE_UNAVAILABLE', 'The database is not answering');
    const say = (locale: 'ar' | 'fr' | 'en', e: ApiError) =>
      errorMessage(createIntl({ locale, messages: CATALOGUES[locale] }), e);
    expect(say('ar', outage)).toBe('الخدمة غير متاحة مؤقتًا، ولم يُغيَّر شيء. أعد المحاولة بعد قليل.');
    expect(say('fr', outage)).toMatch(/^Le service est momentanément indisponible/);
    expect(say('en', outage)).toMatch(/^The service is briefly unavailable; nothing was changed/);
    expect(say('en', new ApiError('INTERNAL_SERVER_ERROR', 'x'))).toBe('Something went wrong. Try again.');
  });
});
