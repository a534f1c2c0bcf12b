import { addMonths, meetingStage } from './follow-up.js';

describe('meetingStage', () => {
  it('takes the furthest stage either side reported', () => {
    expect(meetingStage([null, null])).toBe('NOT_REPORTED');
    expect(meetingStage(['NO_SHOW', null])).toBe('NO_SHOW');
    expect(meetingStage(['NO_SHOW', 'HELD'])).toBe('HELD');
    expect(meetingStage(['CONTRACT_SIGNED', 'NEGOTIATION_STARTED'])).toBe('CONTRACT_SIGNED');
    expect(meetingStage(['FOLLOW_UP', 'AGREEMENT_SIGNED'])).toBe('AGREEMENT_SIGNED');
  });
});

describe('addMonths', () => {
  it('moves by calendar months and keeps to the last day of a shorter month', () => {
    expect(addMonths('2027-03-11', 3)).toBe('2027-06-11');
    expect(addMonths('2027-03-11', 6)).toBe('2027-09-11');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});
