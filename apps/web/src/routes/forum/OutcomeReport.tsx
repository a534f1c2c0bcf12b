import './forum.css';
import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client';
import type { MeetingOutcome } from '../../api/forum';
import { errorMessage } from '../../components/text';
import type { QueuedOutcome } from '../../forum/outcomeQueue';
import { useT } from '../../i18n/LocaleProvider';

// The form (radio buttons, text area) is a chunk of its own, fetched when it opens: the agenda
// shows without it (the service worker precaches it for reports made offline).
const OutcomeForm = lazy(() => import('./OutcomeForm').then((m) => ({ default: m.OutcomeForm })));

/**
 * "How did the meeting go?" under a meeting that has started: the choice is queued on the phone and
 * sent when the api can be reached; until then the card says it is waiting to send.
 */
export function OutcomeReport({
  meetingId,
  queued,
  onReport,
}: {
  meetingId: string;
  queued: QueuedOutcome | undefined;
  onReport(outcome: MeetingOutcome, note: string | null): void;
}) {
  const t = useT();
  const intl = useIntl();
  const [editing, setEditing] = useState(false);

  if (!editing && queued)
    return (
      <Group gap="xs" mt="xs" className="no-print" data-testid="outcome">
        {queued.state === 'waiting' && (
          <Badge
            color="yellow"
            variant="light"
            leftSection={<IconClockHour4 size={14} aria-hidden />}
            data-testid="outcome-waiting"
            className="wrap-badge readable-badge"
          >
            {t('forum.outcome.waiting')}
          </Badge>
        )}
        {queued.state === 'sent' && (
          <Text size="sm" c="teal.9" data-testid="outcome-sent">
            {t('forum.outcome.sent', { details: t(`forum.outcome.${queued.outcome}`) })}
          </Text>
        )}
        {queued.state === 'failed' && (
          <Text size="sm" c="red.8" role="alert">
            {t('forum.outcome.failed', {
              details: errorMessage(intl, new ApiError(queued.error ?? 'INTERNAL_SERVER_ERROR', '')),
            })}
          </Text>
        )}
        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
          {t('forum.outcome.change')}
        </Button>
      </Group>
    );

  if (!editing)
    return (
      <Group mt="xs" className="no-print">
        <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
          {t('forum.outcome.report')}
        </Button>
      </Group>
    );

  return (
    <Suspense fallback={<Loader role="status" size="sm" mt="xs" aria-label={t('forum.outcome.legend')} />}>
      <OutcomeForm
        meetingId={meetingId}
        queued={queued}
        onReport={(outcome, note) => {
          onReport(outcome, note);
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    </Suspense>
  );
}
