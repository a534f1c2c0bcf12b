import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { ActionIcon } from '@mantine/core';
import { IconLanguage, IconUserCircle } from '@tabler/icons-react';
import { useT } from '../i18n/LocaleProvider';

export type HeaderMenuName = 'language' | 'account';

type ButtonProps = Omit<ComponentPropsWithoutRef<'button'>, 'color' | 'style'>;

/** The language menu's button: the same element before and after the menu's chunk has arrived. */
export const LanguageButton = forwardRef<HTMLButtonElement, ButtonProps>(function LanguageButton(props, ref) {
  const t = useT();
  return (
    <ActionIcon
      ref={ref}
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={t('nav.language')}
      data-testid="language"
      {...props}
    >
      <IconLanguage size={22} stroke={1.6} aria-hidden />
    </ActionIcon>
  );
});

/** The account menu's button. */
export const AccountButton = forwardRef<HTMLButtonElement, ButtonProps>(function AccountButton(props, ref) {
  const t = useT();
  return (
    <ActionIcon
      ref={ref}
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={t('nav.account')}
      data-testid="account"
      {...props}
    >
      <IconUserCircle size={24} stroke={1.6} aria-hidden />
    </ActionIcon>
  );
});
