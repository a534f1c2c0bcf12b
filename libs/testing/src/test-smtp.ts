import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  mail: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server on a fixed local port, for tests and benchmarks: keeps what it receives
 * (parsed by mailparser, as a mail client would read it), refuses `bounce-*` recipients for good
 * (550), and can be killed and brought back on the same port.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    /** false: count the messages without parsing them (a benchmark's catcher). */
    private readonly parse = true,
  ) {}

  /** Raw messages accepted, parsed or not. */
  accepted = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo: (address, _session, cb) =>
        address.address.startsWith('bounce-')
          ? cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
          : cb(),
      onData: (stream, _session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.accepted++;
          if (!this.parse) {
            this.received.push({ mail: { headers: new Map() } as unknown as ParsedMail, raw });
            return cb();
          }
          simpleParser(raw).then((mail) => {
            this.received.push({ mail, raw });
            cb();
          }, cb);
        });
      },
    });
    (server as unknown as { server: Server }).server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((ok, fail) => {
      server.on('error', fail);
      server.listen(this.port, '127.0.0.1', () => ok());
    });
    this.server = server;
  }

  /** Stops at once: open connections are cut, new ones refused. */
  async kill(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((ok) => server.close(() => ok()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((r) => r.mail.to && JSON.stringify(r.mail.to).includes(address));
  }
}

/** A TCP port free on 127.0.0.1 at the time of the call. */
export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createNetServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}
