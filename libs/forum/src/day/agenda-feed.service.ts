import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, notFound, parseId } from '#platform';
import { accounts, AuditService, organizationsOf } from '#identity';
import { audit, type Actor } from '../common/audit.js';
import { AgendaFeedRepository, type FeedOwner } from './agenda-feed.repository.js';

/** Feed tokens: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a delegate's calendar feed is served, relative to the api's address. */
export const feedPath = (token: string) => `/forum/feeds/${token}.ics`;

/**
 * Private calendar feed URLs. Calendar apps cannot send an Authorization header, so the URL itself is
 * the secret: a random token of which only a SHA-256 hash is stored. Asking again rotates the token
 * and the previous URL stops working. A URL also stops working when the delegate withdraws, when the
 * delegate's address changes, and when the person who asked for it is neither a member of the
 * delegate's organisation any more nor the delegate themselves (the account linked to it).
 */
@Injectable()
export class AgendaFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditService,
    private readonly feeds: AgendaFeedRepository,
  ) {}

  async rotate(
    delegateId: string,
    actor: Actor = null,
  ): Promise<{ token: string; path: string; delegateId: string }> {
    const id = parseId(delegateId, 'delegateId');
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (m) => {
      const d = await this.feeds.lockDelegate(m, id);
      if (!d) throw notFound('Delegate', id);
      if (d.status !== 'REGISTERED') throw new AppError('CONFLICT', 'this delegate has withdrawn');
      const oldCreatedAt = await this.feeds.createdAt(m, id);
      await this.feeds.replace(m, {
        delegateId: id,
        tokenHash: hashOf(token),
        createdBy: actor?.userId ?? null,
        delegateEmail: d.email,
      });
      await audit(
        this.auditLog,
        m,
        actor,
        oldCreatedAt ? 'forum_agenda_feed.rotate' : 'forum_agenda_feed.create',
        'forum_delegate',
        id,
        oldCreatedAt ? { feedCreatedAt: oldCreatedAt } : null,
        { feedCreatedAt: 'now' },
      );
      return { token, path: feedPath(token), delegateId: id };
    });
  }

  /**
   * The delegate a feed token belongs to, or null for an unknown, revoked or malformed token, and for
   * one whose delegate withdrew or changed address, or whose creator has left the organisation.
   */
  async delegateOf(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const tokenHash = hashOf(token);
    const feed = await this.feeds.ownerOf(this.db.manager, tokenHash);
    if (!feed || !(await this.creatorMayRead(feed))) return null;
    await this.feeds.touch(this.db.manager, tokenHash);
    return feed.delegateId;
  }

  /**
   * Whether the person who asked for a feed may still read it: the delegate's linked account; for an
   * unlinked delegate, the account that verified the delegate's address; or a member of the
   * delegate's organisation.
   */
  private async creatorMayRead(feed: FeedOwner): Promise<boolean> {
    if (!feed.createdBy) return false;
    if (feed.createdBy === feed.userId) return true;
    if (feed.userId === null) {
      const creator = (await accounts.contacts(this.db.manager, [feed.createdBy])).get(feed.createdBy);
      if (creator?.verified && creator.email === feed.delegateEmail) return true;
    }
    return (await organizationsOf(this.db.manager, feed.createdBy)).includes(feed.organizationId);
  }
}
