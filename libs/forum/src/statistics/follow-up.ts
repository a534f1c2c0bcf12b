/** Stages of a meeting as the forum follows it, from nothing reported to a contract; pure, no framework. */
export const FOLLOW_UP_STAGES = [
  'NOT_REPORTED',
  'NO_SHOW',
  'HELD',
  'FOLLOW_UP',
  'NEGOTIATION_STARTED',
  'AGREEMENT_SIGNED',
  'CONTRACT_SIGNED',
] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];

/** Months after an edition's last day when both sides of its meetings are asked how they went on. */
export const FOLLOW_UP_MONTHS = [3, 6] as const;

/** Days after its date a follow-up request may still go out (a worker that was down catches up, an old edition does not). */
export const FOLLOW_UP_GRACE_DAYS = 30;

/** The furthest stage either side reached: a later stage outweighs an earlier one, held outweighs no-show. */
export function meetingStage(sides: (string | null | undefined)[]): FollowUpStage {
  let best = 0;
  for (const s of sides) {
    const i = FOLLOW_UP_STAGES.indexOf((s ?? 'NOT_REPORTED') as FollowUpStage);
    if (i > best) best = i;
  }
  return FOLLOW_UP_STAGES[best];
}

/** The calendar date `months` after `day` (YYYY-MM-DD), clamped to the month's last day as Postgres does. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
