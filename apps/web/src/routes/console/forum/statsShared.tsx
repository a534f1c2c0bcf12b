import { useEffect, useMemo } from 'react';
import { Button, Group, Stack, Table, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useT } from '../../../i18n/LocaleProvider';
import { tableCsv, type CsvCell } from './statsCsv';

/** How often the figures are read again while a statistics page is open. */
export const STATS_REFRESH_MS = 15_000;

/**
 * Axes of a counts chart: whole numbers only, and right to left the first bar at the right with the
 * values on the right-hand side.
 */
export function countAxes(rtl: boolean, max?: number) {
  return {
    xAxisProps: { reversed: rtl },
    yAxisProps: {
      allowDecimals: false,
      orientation: rtl ? ('right' as const) : ('left' as const),
      ...(max ? { domain: [0, max] } : {}),
    },
  };
}

/** One column of a figures table: its heading, its cell on screen and its cell in the CSV. */
export interface StatsColumn<R> {
  id: string;
  label: string;
  cell: (row: R) => React.ReactNode;
  csv: (row: R) => CsvCell;
  /** Numbers read left to right and line up at the end. */
  numeric?: boolean;
}

/** A blob URL for a CSV text, released when the text changes or the page goes. */
function useCsvUrl(csv: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), [csv]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/**
 * A section of figures: its title, what it draws (a chart), the table of the same figures and a link
 * that downloads that table as CSV, with the same headings as on screen.
 */
export function StatsSection<R>({
  id,
  title,
  file,
  columns,
  rows,
  rowKey,
  children,
}: {
  id: string;
  title: string;
  file: string;
  columns: StatsColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  children?: React.ReactNode;
}) {
  const t = useT();
  const csv = useMemo(
    () =>
      tableCsv(
        columns.map((c) => c.label),
        rows.map((r) => columns.map((c) => c.csv(r))),
      ),
    [columns, rows],
  );
  const url = useCsvUrl(csv);
  const titleId = `${id}-title`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid={id}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        <Button
          component="a"
          href={url}
          download={file}
          size="xs"
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('consoleStats.csv')}
        </Button>
      </Group>
      {children}
      {/* Wide tables scroll sideways on a phone: the region takes the keyboard focus to scroll. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
        <Table striped withTableBorder aria-labelledby={titleId} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.id} scope="col">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={rowKey(r)}>
                {columns.map((c) => (
                  <Table.Td key={c.id} className={c.numeric ? 'stats-number' : undefined}>
                    {c.cell(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
