import { useId, useState } from 'react';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toApiError } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { consoleError } from './errors';

/** The api's limit on a review note. */
export const NOTE_MAX = 2000;

/**
 * Approve or reject with a note: the note is optional to approve and required to reject (the api's
 * rule, checked here first so the reason shows beside the field). `subject` names what is decided,
 * for the buttons' accessible names.
 */
export function Decision({
  subject,
  onApprove,
  onReject,
  onDone,
  canApprove = true,
  noteRequiredToReject = true,
}: {
  subject: string;
  /** False when only a rejection is possible (e.g. a claim still waiting for its code). */
  canApprove?: boolean;
  noteRequiredToReject?: boolean;
  onApprove(note: string | null): Promise<unknown>;
  onReject(note: string): Promise<unknown>;
  onDone(outcome: 'approved' | 'rejected'): void;
}) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: async (approve: boolean) => {
      const trimmed = note.trim();
      if (approve) await onApprove(trimmed || null);
      else await onReject(trimmed);
      return approve;
    },
    onSuccess: (approved) => onDone(approved ? 'approved' : 'rejected'),
  });
  const reject = () => {
    if (noteRequiredToReject && !note.trim()) {
      setNoteError(t('console.decision.noteRequired'));
      return;
    }
    setNoteError(null);
    decide.mutate(false);
  };
  return (
    <Stack gap="xs">
      <Textarea
        id={`${id}-note`}
        label={t('console.decision.note')}
        description={t(noteRequiredToReject ? 'console.decision.noteHelp' : 'console.decision.noteOptional')}
        value={note}
        maxLength={NOTE_MAX}
        autosize
        minRows={2}
        error={noteError}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          if (noteError && e.currentTarget.value.trim()) setNoteError(null);
        }}
      />
      {decide.error && <Alert color="red">{consoleError(intl, toApiError(decide.error))}</Alert>}
      <Group gap="xs">
        {canApprove && (
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={decide.isPending && decide.variables}
            disabled={decide.isPending}
            onClick={() => decide.mutate(true)}
            aria-label={t('console.decision.approveNamed', { name: subject })}
          >
            {t('console.decision.approve')}
          </Button>
        )}
        <Button
          color="red"
          variant="outline"
          leftSection={<IconX size={16} aria-hidden />}
          loading={decide.isPending && !decide.variables}
          disabled={decide.isPending}
          onClick={reject}
          aria-label={t('console.decision.rejectNamed', { name: subject })}
        >
          {t('console.decision.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
