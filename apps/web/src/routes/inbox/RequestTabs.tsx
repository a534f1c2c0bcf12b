import { Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useT } from '../../i18n/LocaleProvider';

/** Switches between the contact and the meeting requests (two routes, as the mails link to each). */
export function RequestTabs({ current }: { current: 'contact' | 'meetings' }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Tabs
      value={current}
      onChange={(v) => void navigate({ to: v === 'meetings' ? '/requests/meetings' : '/requests/contact' })}
    >
      <Tabs.List>
        <Tabs.Tab value="contact">{t('inbox.requests.contactTab')}</Tabs.Tab>
        <Tabs.Tab value="meetings">{t('inbox.requests.meetingsTab')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
