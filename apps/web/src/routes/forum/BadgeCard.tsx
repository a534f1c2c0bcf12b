import { Card, Stack, Text } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import type { ForumBadge } from '../../api/forum';
import { pickText } from '../../components/text';
import { useLocale, useT } from '../../i18n/LocaleProvider';

/** A delegate's badge: the QR code of the code the api signed, the name and the organisation. */
export function BadgeCard({ badge }: { badge: ForumBadge }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Card withBorder padding="md" className="badge-card" data-testid="badge">
      <Stack gap={6} align="center">
        <QRCodeSVG
          value={badge.code}
          size={200}
          level="M"
          marginSize={2}
          role="img"
          aria-label={t('forum.badge.qr', { name: badge.delegateName })}
        />
        <Text fw={700} fz="lg" ta="center">
          <bdi>{badge.delegateName}</bdi>
        </Text>
        <Text ta="center">
          <bdi>{pickText(badge.organizationName, locale)}</bdi>
        </Text>
        <Text size="xs" c="dimmed" ta="center">
          {t('forum.badge.code')}{' '}
          <span dir="ltr" className="badge-code" data-testid="badge-code">
            {badge.code}
          </span>
        </Text>
      </Stack>
    </Card>
  );
}
