import type { EntitySubscriberInterface, EntityManager, QueryRunner, TransactionCommitEvent } from 'typeorm';

const CALLBACKS = new WeakMap<QueryRunner, (() => void)[]>();

/**
 * Runs callbacks once the outermost transaction of a query runner commits; a rollback drops them.
 * Registered on the DataSource by NotificationsModule.
 */
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const qr = event.queryRunner;
    if (qr.isTransactionActive) return;
    const callbacks = CALLBACKS.get(qr);
    CALLBACKS.delete(qr);
    for (const cb of callbacks ?? []) cb();
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) CALLBACKS.delete(event.queryRunner);
  }
}

/** Calls `cb` after the transaction of `m` commits, or now when `m` is not in a transaction. */
export function afterCommit(m: EntityManager | undefined, cb: () => void): void {
  const qr = m?.queryRunner;
  if (!qr || !qr.isTransactionActive) return cb();
  const list = CALLBACKS.get(qr) ?? [];
  list.push(cb);
  CALLBACKS.set(qr, list);
}
