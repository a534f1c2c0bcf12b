import { describe, expect, it } from 'vitest';
import { emptyEdition, toEditionInput } from './editionForm';

describe('toEditionInput', () => {
  it('turns filled-in values into the api input, breaks included, empty quotas as null', () => {
    const v = {
      ...emptyEdition(),
      nameAr: ' منتدى ',
      startsOn: '2031-03-14',
      endsOn: '2031-03-15',
      maxMeetings: '12',
      sessions: [
        {
          day: '2031-03-14',
          kind: 'MORNING' as const,
          start: '09:00',
          end: '12:00',
          breaks: '10:00-10:20، 11:00 - 11:10',
        },
      ],
    };
    expect(toEditionInput(v)).toEqual({
      input: {
        name: { ar: 'منتدى', fr: null, en: null },
        startsOn: '2031-03-14',
        endsOn: '2031-03-15',
        slotMinutes: 20,
        timezone: 'Africa/Algiers',
        venue: null,
        fairness: 2,
        maxMeetingsPerDelegate: 12,
        maxRequestsPerDelegate: null,
        requestExpiryHours: 72,
        reminderMinutes: 15,
        sessions: [
          {
            day: '2031-03-14',
            kind: 'MORNING',
            start: '09:00',
            end: '12:00',
            breaks: [
              { start: '10:00', end: '10:20' },
              { start: '11:00', end: '11:10' },
            ],
          },
        ],
      },
    });
  });

  it('names each field that does not read right', () => {
    const v = {
      ...emptyEdition(),
      startsOn: '2031-03-15',
      endsOn: '2031-03-14',
      slotMinutes: 'twenty',
      maxRequests: '-1',
      sessions: [
        { day: '14/03/2031', kind: 'AFTERNOON' as const, start: '15:00', end: '14:00', breaks: '16:00' },
      ],
    };
    expect(toEditionInput(v)).toEqual({
      problems: {
        name: 'name',
        endsOn: 'order',
        slotMinutes: 'number',
        maxRequests: 'number',
        'sessions.0.day': 'date',
        'sessions.0.end': 'order',
        'sessions.0.breaks': 'breaks',
      },
    });
  });
});
