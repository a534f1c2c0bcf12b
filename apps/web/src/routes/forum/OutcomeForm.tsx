import { useState } from 'react';
import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../../api/forum';
import type { QueuedOutcome } from '../../forum/outcomeQueue';
import { useT } from '../../i18n/LocaleProvider';

/** The outcome of a meeting and a note, opened from `OutcomeReport`. */
export function OutcomeForm({
  meetingId,
  queued,
  onReport,
  onCancel,
}: {
  meetingId: string;
  queued: QueuedOutcome | undefined;
  onReport(outcome: MeetingOutcome, note: string | null): void;
  onCancel(): void;
}) {
  const t = useT();
  const [outcome, setOutcome] = useState<MeetingOutcome | null>(queued?.outcome ?? null);
  const [note, setNote] = useState(queued?.note ?? '');
  return (
    <form
      className="no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (!outcome) return;
        onReport(outcome, note.trim() || null);
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
          <Button size="sm" variant="default" onClick={onCancel}>
            {t('forum.request.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
