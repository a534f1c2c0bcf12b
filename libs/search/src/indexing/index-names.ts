/** Index names, under an optional prefix so several databases can share one Meilisearch. */
export function indexNames(prefix: string): { organizations: string; opportunities: string } {
  return { organizations: `${prefix}organizations`, opportunities: `${prefix}opportunities` };
}
