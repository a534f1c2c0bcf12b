/*
 * What src/router.tsx needs of the console's forum pages without loading them: the tabs of an
 * edition's page, read from its URL (?tab=setup|delegates|schedule).
 */
export const EDITION_TABS = ['setup', 'delegates', 'schedule'] as const;
export type EditionTab = (typeof EDITION_TABS)[number];

export const editionTab = (s: Record<string, unknown>): { tab: EditionTab } => ({
  tab: EDITION_TABS.includes(s.tab as EditionTab) ? (s.tab as EditionTab) : 'setup',
});
