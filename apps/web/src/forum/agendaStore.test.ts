import { describe, expect, it } from 'vitest';
import type { AgendaMeeting } from '../api/operations';
import {
  byDay,
  clearAgendas,
  dayTitle,
  loadAgenda,
  saveAgenda,
  timeOf,
  zoneName,
  type StoredAgenda,
} from './agendaStore';

const meeting = (id: string, start: string): AgendaMeeting => ({
  meetingId: id,
  start,
  end: start,
  timezone: 'Africa/Algiers',
  tableLabel: 'T-12',
  delegateId: 'd1',
  delegateName: 'Amina',
  counterpartDelegateName: 'Karim',
  counterpartOrganizationName: 'Mécanique du Sahel',
  status: 'PUBLISHED',
});

describe('the agenda', () => {
  it('says times in the venue’s zone, 24-hour, with Latin digits in Arabic too', () => {
    // 22:30 UTC is 23:30 in Algiers (UTC+1), whatever the browser's own zone.
    expect(timeOf('2027-03-15T22:30:00.000Z', 'ar-u-nu-latn', 'Africa/Algiers')).toMatch(/^23:30$/);
    expect(timeOf('2027-03-15T13:05:00.000Z', 'fr', 'Africa/Algiers')).toBe('14:05');
    expect(dayTitle('2027-03-15T22:30:00.000Z', 'ar-u-nu-latn', 'Africa/Algiers')).toMatch(/15/);
    expect(dayTitle('2027-03-15T22:30:00.000Z', 'ar-u-nu-latn', 'Africa/Algiers')).not.toMatch(/[٠-٩]/);
  });

  it('groups meetings by the venue’s day, in time order', () => {
    const days = byDay(
      [
        meeting('b', '2027-03-16T08:00:00.000Z'),
        meeting('a', '2027-03-15T23:30:00.000Z'), // 00:30 on the 16th in Algiers
        meeting('c', '2027-03-15T09:00:00.000Z'),
      ],
      'Africa/Algiers',
    );
    expect(days.map(([day, ms]) => [day, ms.map((m) => m.meetingId)])).toEqual([
      ['2027-03-15', ['c']],
      ['2027-03-16', ['a', 'b']],
    ]);
  });

  it('is kept per edition and forgotten at sign-out', () => {
    const stored: StoredAgenda = {
      userId: 'u1',
      savedAt: '2027-03-15T08:00:00.000Z',
      edition: {
        id: 'e1',
        name: { ar: 'منتدى', fr: 'Forum', en: 'Forum' },
        timezone: 'Africa/Algiers',
        startsOn: '2027-03-15',
        endsOn: '2027-03-17',
        venue: null,
        publishedAt: '2027-03-01T00:00:00.000Z',
      },
      organizations: [],
      meetings: [meeting('a', '2027-03-15T09:00:00.000Z')],
    };
    saveAgenda(stored);
    expect(loadAgenda('e1')).toEqual(stored);
    localStorage.setItem('tashbik.locale', 'fr');
    clearAgendas();
    expect(loadAgenda('e1')).toBeNull();
    expect(localStorage.getItem('tashbik.locale')).toBe('fr');
  });

  it('names the venue’s time zone in the interface language, never by its IANA identifier', () => {
    const day = '2027-03-16T09:00:00Z';
    expect(zoneName('Africa/Algiers', 'en', day)).toBe('Central European Standard Time (GMT+1)');
    expect(zoneName('Africa/Algiers', 'fr', day)).toBe('heure normale d’Europe centrale (UTC+1)');
    expect(zoneName('Africa/Algiers', 'ar-u-nu-latn', day)).toBe('توقيت وسط أوروبا الرسمي (غرينتش+1)');
    // Morocco moves its clocks back for Ramadan, which newer time zone data (Node 24's ICU) foresees
    // for 2027: either answer names the zone and its offset, never the identifier.
    expect(zoneName('Africa/Casablanca', 'en', day)).toMatch(
      /^(Morocco Time \(GMT\+1\)|Western European (Standard )?Time \(GMT\+0\))$/,
    );
    for (const locale of ['ar-u-nu-latn', 'fr', 'en'])
      expect(zoneName('Africa/Algiers', locale, day)).not.toContain('Algiers');
  });
});
