import '@fontsource-variable/noto-sans-arabic/index.css';
import '@mantine/core/styles.css';
import './app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { SessionProvider } from './auth/session';
import { LocaleProvider } from './i18n/LocaleProvider';
import type { Locale } from './i18n/locale';
import type { createAppRouter } from './router';

export const theme = createTheme({
  fontFamily: "'Noto Sans Arabic Variable', system-ui, sans-serif",
  headings: { fontFamily: "'Noto Sans Arabic Variable', system-ui, sans-serif", fontWeight: '800' },
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'md',
  // Animations off for people who ask their system for less motion.
  respectReducedMotion: true,
});

export function App({ router, locale }: { router: ReturnType<typeof createAppRouter>; locale?: Locale }) {
  const [queries] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queries}>
      <LocaleProvider initial={locale}>
        <MantineProvider theme={theme}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </MantineProvider>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
