import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../api/client';
import { IMPORT_ORGANIZATIONS, type ImportRejection } from '../../api/console';
import { useT } from '../../i18n/LocaleProvider';
import { consoleError } from './errors';
import { formatOf, splitImport } from './importChunks';

interface Totals {
  read: number;
  imported: number;
  skipped: number;
  rejected: ImportRejection[];
}

const EMPTY: Totals = { read: 0, imported: 0, skipped: 0, rejected: [] };

/** The rejected rows as the command line writes its report. */
function reportUrl(file: string, totals: Totals): string {
  const body = JSON.stringify({ file, ...totals }, null, 2);
  return URL.createObjectURL(new Blob([body], { type: 'application/json' }));
}

/**
 * /console/import: organisations from a CSV or JSON Lines file, as `npm run import` reads them. The
 * file is sent in parts of whole records; each part's valid records are stored (a record is wholly
 * stored or not at all), and the rejected rows are listed with their line in the file.
 */
export function ImportPage() {
  const t = useT();
  const intl = useIntl();
  const queries = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const running = progress !== null && progress < 100 && !failure;

  async function start() {
    if (!file) return setFileError(t('console.import.chooseFile'));
    const format = formatOf(file.name);
    if (!format) return setFileError(t('console.import.badType'));
    setFileError(null);
    setFailure(null);
    if (report) URL.revokeObjectURL(report);
    setReport(null);
    const text = await file.text();
    const parts = splitImport(text, format);
    let sum: Totals = EMPTY;
    setTotals(sum);
    setProgress(0);
    for (const part of parts) {
      try {
        const { importOrganizations: r } = await call(IMPORT_ORGANIZATIONS, {
          input: { format, text: part.text, firstLine: part.firstLine, header: part.header },
        });
        sum = {
          read: sum.read + r.read,
          imported: sum.imported + r.imported,
          skipped: sum.skipped + r.skipped,
          rejected: [...sum.rejected, ...r.rejected],
        };
        setTotals(sum);
        setProgress(Math.round((part.end / text.length) * 100));
      } catch (e) {
        // The parts already sent stay imported; the report says where the import stopped.
        setFailure(
          t('console.import.stopped', { page: part.firstLine, details: consoleError(intl, toApiError(e)) }),
        );
        break;
      }
    }
    setReport(reportUrl(file.name, sum));
    void queries.invalidateQueries({ queryKey: ['console'] });
  }

  return (
    <Stack gap="md">
      <Title order={1}>{t('console.import.title')}</Title>
      <Text>{t('console.import.intro')}</Text>
      <Text fz="sm" c="dimmed">
        {t('console.import.columns')}{' '}
        <code dir="ltr">
          ref, kind, name_ar, name_fr, name_en, country, region_code, city, website, sectors, processes,
          languages
        </code>
      </Text>
      <Group align="flex-end" gap="xs">
        <FileInput
          label={t('console.import.file')}
          description={t('console.import.fileHelp')}
          accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
          value={file}
          onChange={(f) => {
            setFile(f);
            setFileError(null);
          }}
          error={fileError}
          style={{ flex: 1, minInlineSize: 240 }}
          data-testid="import-file"
        />
        <Button
          onClick={() => void start()}
          loading={running}
          leftSection={<IconFileImport size={16} aria-hidden />}
        >
          {t('console.import.start')}
        </Button>
      </Group>
      {progress !== null && (
        <Progress.Root size="lg">
          <Progress.Section value={progress} animated={running} aria-label={t('console.import.progress')} />
        </Progress.Root>
      )}
      {failure && <Alert color="red">{failure}</Alert>}
      {totals && (
        <Card withBorder component="section" aria-labelledby="import-report" role="status" aria-live="polite">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="import-report">
              {running ? t('console.import.running') : t('console.import.report')}
            </Title>
            <SimpleGrid cols={{ base: 2, xs: 4 }}>
              <Text data-testid="import-read">{t('console.import.read', { count: totals.read })}</Text>
              <Text data-testid="import-imported">
                {t('console.import.imported', { count: totals.imported })}
              </Text>
              <Text data-testid="import-skipped">
                {t('console.import.skipped', { count: totals.skipped })}
              </Text>
              <Text data-testid="import-rejected">
                {t('console.import.rejected', { count: totals.rejected.length })}
              </Text>
            </SimpleGrid>
            {totals.rejected.length > 0 && (
              <Table withTableBorder striped captionSide="top" layout="fixed" className="wrap-table">
                <Table.Caption>{t('console.import.rejectedRows')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="5rem">
                      {t('console.import.line')}
                    </Table.Th>
                    <Table.Th scope="col" w="30%">
                      {t('console.import.ref')}
                    </Table.Th>
                    <Table.Th scope="col">{t('console.import.reasons')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {totals.rejected.map((r, i) => (
                    <Table.Tr key={`${r.line}-${i}`} data-testid="rejected-row">
                      <Table.Td>{r.line < 0 ? t('console.import.unreadable') : r.line}</Table.Td>
                      <Table.Td dir="ltr">{r.ref ?? ''}</Table.Td>
                      <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                        {r.reasons.join('; ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {report && file && (
              <Button
                component="a"
                href={report}
                download={`${file.name}.rejected.json`}
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
                w="fit-content"
              >
                {t('console.import.download')}
              </Button>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
