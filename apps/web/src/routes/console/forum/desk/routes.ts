/*
 * What src/router.tsx needs of the printing page without loading it: its search parameters
 * (?what=agendas|tables|badges&one=<delegate or table id>).
 */
export const PRINT_KINDS = ['agendas', 'tables', 'badges'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

export const printSearch = (s: Record<string, unknown>): { what: PrintKind; one?: string } => ({
  what: PRINT_KINDS.includes(s.what as PrintKind) ? (s.what as PrintKind) : 'agendas',
  ...(typeof s.one === 'string' && /^[0-9a-f-]{36}$/.test(s.one) ? { one: s.one } : {}),
});
