import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type Change, OutboxService, problemsOf } from '#platform';
import {
  createOrganizationSchema,
  type CreateOrganizationData,
} from '../organisation/organisation.schema.js';
import { createOpportunitySchema, type CreateOpportunityData } from '../opportunity/opportunity.schema.js';
import { OrganizationRepository } from '../organisation/organisation.repository.js';
import type { RawRecord } from './record-source.js';

export interface ImportRejection {
  line: number;
  ref: string | null;
  reasons: string[];
}

export interface ImportReport {
  read: number;
  imported: number;
  skipped: number;
  rejected: ImportRejection[];
}

interface ValidRecord {
  line: number;
  ref: string | null;
  organization: CreateOrganizationData;
  opportunities: CreateOpportunityData[];
}

const refSchema = z.string().trim().min(1).max(120).nullish();
const BATCH = 500;

/** Accepts `{ ref, organization, opportunities }` or a flat organisation with optional `ref` and `opportunities`. */
function validate(raw: RawRecord): ValidRecord | ImportRejection {
  if (raw.error) return { line: raw.line, ref: null, reasons: [raw.error] };
  const v = raw.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return { line: raw.line, ref: null, reasons: ['not an object'] };
  const nested = typeof v.organization === 'object' && v.organization !== null;
  const { opportunities: opps, ref: rawRef, ...flat } = v;
  const orgInput = nested ? v.organization : flat;
  const reasons: string[] = [];
  const ref = refSchema.safeParse(rawRef);
  if (!ref.success) reasons.push('ref: must be a string of 1 to 120 characters');
  const org = createOrganizationSchema.safeParse(orgInput);
  if (!org.success)
    reasons.push(...problemsOf(org.error, 'organization').map((p) => `${p.path}: ${p.message}`));
  const oppList = opps == null ? [] : Array.isArray(opps) ? opps : null;
  if (!oppList) reasons.push('opportunities: must be a list');
  if (oppList && oppList.length > 50) reasons.push('opportunities: at most 50 per organisation');
  const opportunities: CreateOpportunityData[] = [];
  (oppList ?? []).slice(0, 50).forEach((o, i) => {
    const p = createOpportunitySchema.safeParse(o);
    if (p.success) opportunities.push(p.data);
    else reasons.push(...problemsOf(p.error, `opportunities.${i}`).map((x) => `${x.path}: ${x.message}`));
  });
  const refValue = ref.success ? (ref.data ?? null) : null;
  if (reasons.length || !org.success) return { line: raw.line, ref: refValue, reasons };
  return { line: raw.line, ref: refValue, organization: org.data, opportunities };
}

/**
 * Bulk import: every record is validated on its own, good ones are written in batches, each
 * record with its contacts, opportunities and outbox rows in one transaction, so a record is
 * either wholly imported or not at all. Records whose `ref` is already stored are skipped, which
 * makes re-running an import harmless.
 */
@Injectable()
export class ImporterService {
  private readonly logger = new Logger(ImporterService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    @Optional() private readonly organizations: OrganizationRepository = new OrganizationRepository(),
  ) {}

  async import(
    records: AsyncIterable<RawRecord> | Iterable<RawRecord>,
    onProgress?: (r: ImportReport) => void,
  ): Promise<ImportReport> {
    const report: ImportReport = { read: 0, imported: 0, skipped: 0, rejected: [] };
    let batch: ValidRecord[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await this.writeBatch(batch, report);
      batch = [];
      onProgress?.(report);
      await this.outbox.wake();
    };
    for await (const raw of records) {
      report.read++;
      const v = validate(raw);
      if ('reasons' in v) report.rejected.push(v);
      else batch.push(v);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    onProgress?.(report);
    return report;
  }

  private async writeBatch(batch: ValidRecord[], report: ImportReport): Promise<void> {
    try {
      const written = await this.db.transaction((m) => this.insertMany(m, batch));
      report.imported += written;
      report.skipped += batch.length - written;
    } catch (e) {
      // One bad record must not sink its batch: retry record by record, each in its own transaction.
      this.logger.warn(
        { err: (e as Error).message, size: batch.length },
        'batch failed; importing one by one',
      );
      for (const r of batch) {
        try {
          const written = await this.db.transaction((m) => this.insertMany(m, [r]));
          if (written) report.imported++;
          else report.skipped++;
        } catch (err) {
          report.rejected.push({
            line: r.line,
            ref: r.ref,
            reasons: [`could not be stored: ${(err as Error).message}`],
          });
        }
      }
    }
  }

  /** Multi-row inserts; returns how many records were new. */
  private async insertMany(m: EntityManager, records: ValidRecord[]): Promise<number> {
    const refs = records.map((r) => r.ref).filter((r): r is string => r != null);
    const existing = await this.organizations.existingRefs(m, refs);
    const fresh = records.filter((r) => !r.ref || !existing.has(r.ref));
    if (!fresh.length) return 0;
    const ids = await this.organizations.insertImported(
      m,
      fresh.map(({ organization: { contacts, ...o }, ref, opportunities }) => ({
        organization: {
          ...o,
          processes: [...new Set(o.capabilities.map((c) => c.process))],
          externalRef: ref,
        },
        contacts,
        opportunities,
      })),
    );
    // An organisation's outbox row re-derives its opportunities too, so they need no rows of their own.
    const changes: Change[] = ids.map((entityId) => ({ entityType: 'organization' as const, entityId }));
    await this.outbox.record(m, changes);
    return fresh.length;
  }
}
