import { createServer } from 'node:net';
import { join } from 'node:path';

export interface MailCatcher {
  /** Where the api and worker send mail: `smtp://127.0.0.1:PORT`. */
  smtpUrl: string;
  /** The catcher's web inbox. */
  webUrl: string;
  stop(): Promise<void>;
}

/** `preferred` when it is free on 127.0.0.1, otherwise a port the system picks. */
async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0))!;
}

/**
 * Starts MailDev (from npm) on 127.0.0.1 for `npm start` without SMTP_URL: an SMTP server that
 * keeps every message under `dir` and a web inbox to read them. Ports 1025 and 1080 when free.
 */
export async function startMailCatcher(dir: string): Promise<MailCatcher> {
  const [smtp, web] = [await freePort(1025), await freePort(1080)];
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp,
    web,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: join(dir),
    silent: true,
    maxEmails: 1000,
  });
  await maildev.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    webUrl: `http://127.0.0.1:${web}`,
    stop: () => maildev.stop(),
  };
}
