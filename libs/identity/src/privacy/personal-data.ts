import type { Runs } from '../runs.js';
import {
  auditedContactsSql,
  auditedRecordsEraseSql,
  IDENTITY_PERSONAL_DATA,
} from './personal-data.repository.js';

/**
 * Where personal data about a user lives, for the export (`exportMyData`) and the erasure
 * (`deleteMyAccount`). `exportSql` and `deleteSql` take the account id as $1 and its email address
 * as $2 (either may be left out). $2 is the address only once the account has verified it, and NULL
 * before: a record is matched to a person by address only when that person has proved they own the
 * mailbox, so an account registered with someone else's address reaches nothing but its own rows.
 * `deleteSql` runs, in order, before the account row is deleted (whose foreign keys then cascade or
 * set NULL).
 */
export interface PersonalDataSource {
  name: string;
  /**
   * The `table.column`s holding personal data that this source exports and erases or anonymises
   * (a link to the account cut by its foreign key counts). The schema test
   * (test/e2e/privacy-data.e2e.spec.ts) fails on a personal-looking column no source covers and
   * the keep-list does not name.
   */
  covers: string[];
  /** Empty for a source that only erases (nothing exported under its name). */
  exportSql: string;
  /**
   * Completes the exported rows with what another library holds about them (e.g. the names of the
   * organisations of memberships), on the export's transaction: the rows as exported.
   */
  completeExport?: (db: Runs, rows: Record<string, unknown>[]) => Promise<Record<string, unknown>[]>;
  deleteSql?: string;
  /**
   * Texts the person wrote that notices copied into mails, as rows `(template, text, request_id)`
   * (`request_id`, when given, is the `requestId` the mail's params carry; without it, a mail of the
   * template carrying the text is a copy): read before any erasure runs, and handed to the sources
   * with `eraseCopiesSql` (the mail outbox's owner).
   */
  copiedTextsSql?: string;
  /**
   * Erases the copies of the texts every `copiedTextsSql` found: takes them as $1, a JSON array of
   * `{ template, text, request_id? }`; runs only when there are some.
   */
  eraseCopiesSql?: string;
  /** One row, exported as an object rather than a list. */
  single?: boolean;
  /**
   * Erased after every other source: for a statement that forgets who did what (the audit log's
   * authors), which other sources' statements may read first.
   */
  eraseLast?: boolean;
}

const SOURCES: PersonalDataSource[] = [];
const KEPT = new Map<string, string>();

/** Lets a module declare personal data it holds, for export and erasure. */
export function registerPersonalDataSource(source: PersonalDataSource): void {
  if (!SOURCES.some((s) => s.name === source.name)) SOURCES.push(source);
}

/**
 * Lets a module declare columns whose names look personal but which are kept on erasure, each with
 * the reason (e.g. an organisation's name: about an organisation, not a person).
 */
export function registerKeptColumns(columns: Record<string, string>): void {
  for (const [column, reason] of Object.entries(columns)) KEPT.set(column, reason);
}

/**
 * Lets a module declare that its audit entries about `entityType` carry, under `field` of their
 * before/after values, a list of entries naming people by address (`email`), such as the contact
 * persons of an organisation. Identity owns the audit log: it exports those entries that carry the
 * account's verified address ($2), and on erasure replaces each such list entry by
 * `{"erased": true}`, keeping the rest of the audit entry.
 */
export function registerAuditedContacts(spec: { name: string; entityType: string; field: string }): void {
  const { name, entityType, field } = spec;
  registerPersonalDataSource({ name, covers: [], ...auditedContactsSql(entityType, field) });
}

/**
 * Lets a module declare that the values of the audit entries about its `entityType` records whose
 * ids `idsSql` selects ($1 the account id, $2 its verified address) are personal data: erased (the
 * entries keep which fields changed), not exported under this name (the module exports them with
 * its records). Register it before the module's own sources, so it sees their records unchanged.
 */
export function registerAuditedRecords(spec: { name: string; entityType: string; idsSql: string }): void {
  registerPersonalDataSource({
    name: spec.name,
    covers: [],
    exportSql: '',
    deleteSql: auditedRecordsEraseSql(spec.entityType, spec.idsSql),
  });
}

export const personalDataSources = (): readonly PersonalDataSource[] => SOURCES;

/** The sources in the order their erasure runs: as registered, those marked `eraseLast` at the end. */
export const erasureOrder = (): PersonalDataSource[] => [
  ...SOURCES.filter((s) => !s.eraseLast),
  ...SOURCES.filter((s) => s.eraseLast),
];
export const keptColumns = (): ReadonlyMap<string, string> => KEPT;

const PERSONAL_WORDS = new Set([
  'email',
  'phone',
  'name',
  'message',
  'note',
  'comment',
  'ip',
  'recipient',
  'actor',
]);

/** Whether a column's name suggests it holds personal data (names, addresses, texts, links to a user). */
export function looksPersonal(column: string): boolean {
  const c = column.toLowerCase();
  if (c.endsWith('_by') || c === 'user_id' || c.includes('user_agent')) return true;
  return c.split('_').some((w) => PERSONAL_WORDS.has(w));
}

/**
 * The personal-looking columns of a schema that no source covers and the keep-list does not name,
 * and the declarations naming columns the schema does not have.
 */
export function personalDataGaps(columns: { table: string; column: string }[]): {
  uncovered: string[];
  unknown: string[];
} {
  const covered = new Set([...SOURCES.flatMap((s) => s.covers), ...KEPT.keys()]);
  const all = new Set(columns.map((c) => `${c.table}.${c.column}`));
  return {
    uncovered: [...all].filter((c) => looksPersonal(c.split('.')[1]) && !covered.has(c)).sort(),
    unknown: [...covered].filter((c) => !all.has(c)).sort(),
  };
}

// The account's own data, held by identity (its statements live in its repository).
for (const source of IDENTITY_PERSONAL_DATA) registerPersonalDataSource(source);

registerKeptColumns({
  'migrations.name': 'the name of a schema migration',
});
