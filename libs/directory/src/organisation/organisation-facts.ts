/** Runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** What the directory tells the apps about its organisations outside a request (the CLI's start). */
export const directoryFacts = {
  /** Organisations stored, whatever their status. */
  async count(db: Runs): Promise<number> {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM organization`)) as { n: number }[];
    return n;
  },
};
