import type { EntityManager } from 'typeorm';
import type { OrganizationChangeRepository } from './organisation-change.repository.js';
import { isOrganiser, type AuditService, type Viewer } from '#identity';

/**
 * An approved organisation's identity: what the public and the search index know it by. A change
 * its members make to these waits for an organiser; `kind` is set at creation and is not part of
 * the update input, so in practice name, country and website are held.
 */
export const IDENTITY_FIELDS = ['name', 'kind', 'country', 'website'] as const;
/** Checked against the country, so they wait with a country change. */
const PLACE_FIELDS = ['regionCode', 'region'] as const;

export type FieldValues = Record<string, unknown>;

/** Whether the identity changes of this organisation, made by this actor, wait for review. */
export const identityReviewed = (status: string, actor: Viewer | null): boolean =>
  status === 'ACTIVE' && actor != null && !isOrganiser(actor);

/** JSON with object keys sorted: jsonb does not keep the order in which keys were written. */
function canonical(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
}
export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * Splits an update of an approved organisation: identity fields that differ from the approved
 * values join the open change request (a field sent back with its approved value leaves it), place
 * fields join it while it holds a country; everything else applies at once.
 *
 * `approved` holds the stored values, `merged` the validated result of applying the whole update,
 * `sent` the fields the update names, `open` the proposed values of the open request.
 */
export function planReview(
  approved: FieldValues,
  merged: FieldValues,
  sent: FieldValues,
  open: FieldValues,
): { now: FieldValues; proposed: FieldValues } {
  const proposed: FieldValues = { ...open };
  const now: FieldValues = { ...sent };
  for (const k of IDENTITY_FIELDS) {
    if (!(k in sent)) continue;
    delete now[k];
    if (sameValue(merged[k], approved[k])) delete proposed[k];
    else proposed[k] = merged[k];
  }
  for (const k of PLACE_FIELDS) {
    if ('country' in proposed) {
      if (k in sent) {
        delete now[k];
        proposed[k] = merged[k];
      }
    } else delete proposed[k];
  }
  return { now, proposed };
}

export interface OpenChange {
  id: string;
  after: FieldValues;
}

/**
 * Writes the open change request as planned, in the caller's transaction (which also writes the
 * organisation's outbox row): created, replaced, or withdrawn when nothing is left to review.
 */
export async function saveChangeRequest(
  m: EntityManager,
  audit: AuditService,
  changes: OrganizationChangeRepository,
  organizationId: string,
  approved: FieldValues,
  open: OpenChange | null,
  proposed: FieldValues,
  actor: Viewer,
): Promise<void> {
  const fields = Object.keys(proposed).sort();
  if (open && sameValue(open.after, proposed)) return;
  if (!fields.length) {
    if (!open) return;
    await changes.withdraw(m, open.id);
    await audit.record(m, {
      actor,
      action: 'organization_change.withdraw',
      entityType: 'organization_change',
      entityId: open.id,
      before: { status: 'PENDING' },
      after: { status: 'WITHDRAWN' },
    });
    return;
  }
  const before = Object.fromEntries(fields.map((k) => [k, approved[k] ?? null]));
  const after = Object.fromEntries(fields.map((k) => [k, proposed[k] ?? null]));
  const change = { fields, before, after, requestedBy: actor.userId };
  const id = open ? await changes.replace(m, open.id, change) : await changes.open(m, organizationId, change);
  await audit.record(m, {
    actor,
    action: open ? 'organization_change.update' : 'organization_change.request',
    entityType: 'organization_change',
    entityId: id,
    before: open ? { organizationId, ...open.after } : null,
    after: { organizationId, ...after },
  });
}
