import type { Runs } from '../runs.js';
import { MailOutboxRepository, WATCHED_MAIL_STATES } from './mail-outbox.repository.js';

export { WATCHED_MAIL_STATES } from './mail-outbox.repository.js';

/** How many mails of the outbox are in each watched state (0 for a state with none). */
export function mailCountsByStatus(
  db: Runs,
): Promise<{ status: (typeof WATCHED_MAIL_STATES)[number]; n: number }[]> {
  return new MailOutboxRepository().countsByStatus(db);
}
