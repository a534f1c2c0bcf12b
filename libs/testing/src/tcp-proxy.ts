import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * Forwards a local port to a TCP service (PostgreSQL in the fault tests) and can freeze the path:
 * while frozen, connections are still accepted and bytes still read from both ends, but nothing is
 * passed on, as when a network path stalls or the server is stopped (SIGSTOP); `thaw` passes on
 * what was held. A connection an end closes while frozen is dropped with what it held, so a client
 * that gave up leaves nothing for the server to run later.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly links = new Set<{ flush(): void; drop(): void }>();
  private frozen = false;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Connections open through the proxy now. */
  get connections(): number {
    return this.links.size;
  }

  async open(): Promise<void> {
    const server = createServer((client) => this.link(client));
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => ok());
    });
    this.server = server;
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const l of this.links) l.flush();
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const l of this.links) l.drop();
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
  }

  private link(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const held: { to: Socket; chunk: Buffer }[] = [];
    const link = {
      flush: () => {
        for (const { to, chunk } of held.splice(0)) to.write(chunk);
      },
      drop: () => {
        held.length = 0;
        client.destroy();
        upstream.destroy();
      },
    };
    this.links.add(link);
    const pass = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (this.frozen) {
          held.push({ to, chunk });
          return;
        }
        link.flush();
        to.write(chunk);
      });
      from.on('close', () => {
        this.links.delete(link);
        if (this.frozen) {
          link.drop();
          return;
        }
        link.flush();
        to.end();
      });
      from.on('error', () => {
        this.links.delete(link);
        link.drop();
      });
    };
    pass(client, upstream);
    pass(upstream, client);
  }
}
