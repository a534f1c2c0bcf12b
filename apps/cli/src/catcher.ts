import { join } from 'node:path';
import { startMailCatcher, type MailCatcher } from '#notifications';
import type { AppConfig } from '#platform';

/**
 * For `npm start` without SMTP_URL: the local mail catcher (MailDev) under `<data dir>/mail`, so
 * every mail the platform sends can be read in a browser. A catcher that cannot start leaves mail
 * waiting in the outbox, which the start-up message says.
 */
export async function startCatcherIfNeeded(config: AppConfig): Promise<MailCatcher | null> {
  if (config.smtpUrl) return null;
  const info = console.info;
  // MailDev announces itself on the console; the start-up message names its address instead.
  console.info = () => undefined;
  try {
    return await startMailCatcher(join(config.dataDir, 'mail'));
  } catch (e) {
    process.stderr.write(`mail catcher not started (${(e as Error).message}): mail waits in mail_outbox\n`);
    return null;
  } finally {
    console.info = info;
  }
}

/** The start-up line about mail. */
export function mailLine(config: AppConfig, catcher: MailCatcher | null): string {
  if (catcher) return `\n  Mail:    ${catcher.webUrl}  (local mail catcher: every email sent lands here)`;
  if (config.smtpUrl) return `\n  Mail:    ${config.smtpUrl.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@')}`;
  return `\n  Mail:    not sent (no SMTP_URL): kept in the mail_outbox table`;
}
