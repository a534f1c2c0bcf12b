import { Redis } from 'ioredis';

/** What the SMTP server said when it took a mail: its Message-ID and its answer. */
export interface Acceptance {
  smtpId: string;
  response: string;
}

/** How long Redis keeps an acceptance the database has not recorded yet. */
const KEEP_S = 7 * 24 * 3600;
/** How long one Redis command may take: a stalled Redis must not hold a delivery. */
const REDIS_TIMEOUT_MS = 1000;

/**
 * Mails the SMTP server accepted and PostgreSQL has not recorded as SENT yet, keyed by the
 * mail_outbox id, kept in this process's memory and in Redis (so another worker, or this one after
 * a restart, knows it too). Written before the database is asked to record the mail, removed once
 * it has; while an acceptance is known the mail is recorded SENT, never sent again or marked FAILED.
 */
export class AcceptedMail {
  private readonly known = new Map<string, Acceptance>();
  private redis: Redis | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {}

  private client(): Redis {
    this.redis ??= new Redis(this.redisUrl, {
      commandTimeout: REDIS_TIMEOUT_MS,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
    });
    return this.redis;
  }

  private key(id: string): string {
    return `${this.prefix}:mail:accepted:${id}`;
  }

  /** Keeps an acceptance; Redis failing leaves it in memory only, which is logged by the caller. */
  async remember(id: string, acceptance: Acceptance): Promise<boolean> {
    this.known.set(id, acceptance);
    try {
      await this.client().set(this.key(id), JSON.stringify(acceptance), 'EX', KEEP_S);
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets recorded acceptances; a key Redis keeps by mistake expires, and is harmless once the row is SENT. */
  async forget(ids: string[]): Promise<void> {
    if (!ids.length) return;
    for (const id of ids) this.known.delete(id);
    await this.client()
      .del(...ids.map((id) => this.key(id)))
      .catch(() => undefined);
  }

  /**
   * The acceptances known for these ids, from memory and Redis. `complete` is false when Redis could
   * not be asked: then an id missing from `known` may still have been accepted.
   */
  async find(ids: string[]): Promise<{ known: Map<string, Acceptance>; complete: boolean }> {
    const known = new Map<string, Acceptance>();
    for (const id of ids) {
      const mine = this.known.get(id);
      if (mine) known.set(id, mine);
    }
    if (!ids.length) return { known, complete: true };
    try {
      const stored = await this.client().mget(...ids.map((id) => this.key(id)));
      ids.forEach((id, i) => {
        const value = stored[i];
        if (value && !known.has(id)) known.set(id, JSON.parse(value) as Acceptance);
      });
      return { known, complete: true };
    } catch {
      return { known, complete: false };
    }
  }

  /** The acceptance of one id, when known in memory or Redis. */
  async get(id: string): Promise<Acceptance | null> {
    return (await this.find([id])).known.get(id) ?? null;
  }

  close(): void {
    this.redis?.disconnect();
    this.redis = null;
  }
}
