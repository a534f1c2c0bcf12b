import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { call, toApiError } from '../../../api/client';
import {
  CONSOLE_EDITIONS,
  CREATE_EDITION,
  type EditionInput,
  type EditionStatus,
} from '../../../api/consoleForum';
import { pickText } from '../../../components/text';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { consoleError } from '../errors';
import { EditionForm } from './EditionForm';
import { emptyEdition } from './editionForm';
import './forum.css';

export const STATUS_COLOR: Record<EditionStatus, string> = { DRAFT: 'gray', OPEN: 'teal', CLOSED: 'dark' };

/** /console/forum: the editions, and a form to create one. */
export function ForumEditionsPage() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const editions = useQuery({
    queryKey: ['consoleForum', 'editions'],
    queryFn: () => call(CONSOLE_EDITIONS),
  });
  const create = useMutation({
    mutationFn: (input: EditionInput) => call(CREATE_EDITION, { input }),
    onSuccess: async ({ createForumEdition: e }) => {
      await queries.invalidateQueries({ queryKey: ['consoleForum', 'editions'] });
      await navigate({
        to: '/console/forum/$editionId',
        params: { editionId: e.id },
        search: { tab: 'setup' },
      });
    },
  });

  return (
    <Stack gap="md" className="console-forum">
      <Title order={1}>{t('consoleForum.title')}</Title>
      {editions.isPending && <Loader role="status" aria-label={t('console.loading')} />}
      {editions.error && <Alert color="red">{consoleError(intl, toApiError(editions.error))}</Alert>}
      {editions.data && (
        <section aria-labelledby="editions-heading">
          <Title order={2} fz="lg" id="editions-heading" mb="xs">
            {t('consoleForum.editions')}
          </Title>
          {editions.data.forumEditions.length === 0 && <Text>{t('consoleForum.noEditions')}</Text>}
          <Stack gap="xs" component="ul" className="plain-list">
            {editions.data.forumEditions.map((e) => (
              <li key={e.id}>
                <Link
                  to="/console/forum/$editionId"
                  params={{ editionId: e.id }}
                  search={{ tab: 'setup' }}
                  className="edition-card"
                >
                  <Card withBorder padding="sm">
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>
                        <bdi>{pickText(e.name, locale)}</bdi>
                      </Text>
                      <Badge color={STATUS_COLOR[e.status]} variant="light">
                        {t(`consoleForum.status.${e.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed" dir="ltr" ta="start">
                      {e.startsOn} – {e.endsOn} · {e.timezone}
                    </Text>
                  </Card>
                </Link>
              </li>
            ))}
          </Stack>
        </section>
      )}
      {!creating ? (
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setCreating(true)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('consoleForum.newEdition')}
        </Button>
      ) : (
        <section aria-labelledby="new-edition-heading">
          <Title order={2} fz="lg" id="new-edition-heading" mb="xs">
            {t('consoleForum.newEdition')}
          </Title>
          {create.error && (
            <Alert color="red" role="alert" mb="sm">
              {consoleError(intl, toApiError(create.error))}
            </Alert>
          )}
          <EditionForm
            initial={emptyEdition()}
            submitLabel="consoleForum.create"
            pending={create.isPending}
            onSubmit={(input) => create.mutate(input)}
          />
        </section>
      )}
    </Stack>
  );
}
