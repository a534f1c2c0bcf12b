import './forum.css';
import { useState } from 'react';
import { Badge, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../../api/forum';
import { errorMessage } from '../../components/text';
import type { QueuedOutcome } from '../../forum/outcomeQueue';
import { useT } from '../../i18n/LocaleProvider';

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
  const [outcome, setOutcome] = useState<MeetingOutcome | null>(queued?.outcome ?? null);
  const [note, setNote] = useState(queued?.note ?? '');

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
    <form
      className="no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (!outcome) return;
        onReport(outcome, note.trim() || null);
        setEditing(false);
      }}
    >
      <Stack gap="xs" mt="xs">
        <Radio.Group
          label={t('forum.outcome.legend')}
          value={outcome}
          onChange={(v) => setOutcome(v as MeetingOutcome)}
          name={`outcome-${meetingId}`}
        >
          <Stack gap={6} mt={6}>
            {MEETING_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={t(`forum.outcome.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('forum.outcome.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
          dir="auto"
        />
        <Group gap="xs">
          <Button type="submit" size="sm" disabled={!outcome}>
            {t('forum.outcome.send')}
          </Button>
          <Button size="sm" variant="default" onClick={() => setEditing(false)}>
            {t('forum.request.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
