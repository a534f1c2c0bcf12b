import { Anchor, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useT } from '../../../i18n/LocaleProvider';

/** The edition page's way to its statistics and its meetings' follow-up. */
export function StatsLinks({ editionId }: { editionId: string }) {
  const t = useT();
  return (
    <Group gap="md" mt={4}>
      <Anchor
        renderRoot={(props) => (
          <Link {...props} to="/console/forum/$editionId/statistics" params={{ editionId }} />
        )}
      >
        {t('consoleStats.link.statistics')}
      </Anchor>
      <Anchor
        renderRoot={(props) => (
          <Link {...props} to="/console/forum/$editionId/follow-up" params={{ editionId }} />
        )}
      >
        {t('consoleStats.link.followUp')}
      </Anchor>
    </Group>
  );
}

/** Back from a figures page to its edition. */
export function BackToEdition({ editionId }: { editionId: string }) {
  const t = useT();
  return (
    <Anchor
      renderRoot={(props) => (
        <Link {...props} to="/console/forum/$editionId" params={{ editionId }} search={{ tab: 'setup' }} />
      )}
    >
      {t('consoleStats.back')}
    </Anchor>
  );
}
