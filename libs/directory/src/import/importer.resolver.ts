import {
  Args,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { Logger } from '@nestjs/common';
import { badInput } from '#platform';
import { Authorize, Organiser } from '#identity';
import { ImporterService, type ImportReport } from './importer.service.js';
import { readChunk, type ImportFormat } from './record-source.js';

export const ImportFormatEnum = { CSV: 'CSV', JSONL: 'JSONL' } as const;
registerEnumType(ImportFormatEnum, {
  name: 'ImportFormat',
  description:
    'CSV (a header line, lists separated by ;, name_ar etc.) or JSON Lines, as `npm run import` reads them',
  valuesMap: {
    CSV: { description: 'Comma-separated values with a header line' },
    JSONL: { description: 'JSON Lines: one JSON object per line' },
  },
});

/** The largest part accepted, in characters (the request body is limited to 256 kB anyway). */
export const IMPORT_CHUNK_MAX_CHARS = 200_000;

@InputType({ description: 'A part of an import file: a whole number of records, sent one after the other' })
export class ImportChunkInput {
  @Field(() => ImportFormatEnum, { description: 'Format of the file' }) format: ImportFormat;
  @Field({ description: `The records, at most ${IMPORT_CHUNK_MAX_CHARS} characters` }) text: string;
  @Field(() => Int, { defaultValue: 1, description: 'The line of the file the text starts on' })
  firstLine: number;
  @Field(() => String, {
    nullable: true,
    description: "CSV: the file's header line, for parts after the first (the first part starts with it)",
  })
  header?: string | null;
}

@ObjectType({ description: 'A record that was not imported, and why' })
export class ImportRejectionObject {
  @Field(() => Int, {
    description: 'Line in the file (-1: the CSV could not be read past the previous record)',
  })
  line: number;
  @Field(() => String, { nullable: true, description: "The record's ref, when it has one" }) ref:
    string | null;
  @Field(() => [String], { description: 'What is wrong, one problem per entry' }) reasons: string[];
}

@ObjectType({
  description: 'What one part of an import did; records whose ref is already stored are skipped',
})
export class ImportChunkReport {
  @Field(() => Int, { description: 'Records read from the part' }) read: number;
  @Field(() => Int, { description: 'Records stored' }) imported: number;
  @Field(() => Int, { description: 'Records skipped: their ref is already stored' }) skipped: number;
  @Field(() => [ImportRejectionObject], { description: 'Invalid records, with their line and reasons' })
  rejected: ImportRejectionObject[];
}

/** The command line's importer for the web console: the same validation, batches and outbox rows. */
@Resolver()
export class ImporterResolver {
  private readonly logger = new Logger(ImporterResolver.name);

  constructor(private readonly importer: ImporterService) {}

  @Authorize(Organiser)
  @Mutation(() => ImportChunkReport, {
    description:
      'Imports organisations from a part of a CSV or JSON Lines file (organisers). Each valid record is stored whole with its outbox row; invalid ones are reported with their line and reasons',
  })
  async importOrganizations(
    @Args('input', { description: 'The part of the file to import' }) input: ImportChunkInput,
  ): Promise<ImportReport> {
    const problems: { path: string; message: string }[] = [];
    if (input.text.length > IMPORT_CHUNK_MAX_CHARS)
      problems.push({ path: 'input.text', message: `at most ${IMPORT_CHUNK_MAX_CHARS} characters per part` });
    if (!Number.isInteger(input.firstLine) || input.firstLine < 1)
      problems.push({ path: 'input.firstLine', message: 'must be 1 or more' });
    if (input.header && (input.header.length > 10_000 || /[\r\n]/.test(input.header.replace(/\r?\n$/, ''))))
      problems.push({ path: 'input.header', message: 'must be one line of at most 10000 characters' });
    if (input.format === 'JSONL' && input.header)
      problems.push({ path: 'input.header', message: 'only for CSV' });
    if (problems.length) throw badInput(problems);
    const report = await this.importer.import(readChunk(input));
    this.logger.log(
      {
        read: report.read,
        imported: report.imported,
        skipped: report.skipped,
        rejected: report.rejected.length,
      },
      'import part',
    );
    return report;
  }
}
