import { AppError, createDataSource, ensurePostgres, migrateDatabase, type AppConfig } from '#platform';
import { AuditService, PlatformRolesService } from '#identity';

export const ROLE_USAGE = 'usage: npm run cli -- grant-role|revoke-role EMAIL ORGANISER|ADMIN';

/**
 * `grant-role` / `revoke-role`: adds or removes a platform role of an existing account, audited
 * (with no actor: an operator at the command line), and prints what changed. Needs PostgreSQL only.
 * Exit codes: 0 done (or nothing to change), 1 refused (no such account, last admin), 2 usage.
 */
export async function changeRole(
  config: AppConfig,
  op: 'grant' | 'revoke',
  email: string | undefined,
  role: string | undefined,
): Promise<number> {
  if (!email || !role) {
    process.stderr.write(`${ROLE_USAGE}\n`);
    return 2;
  }
  await ensurePostgres(config.databaseUrl);
  await migrateDatabase(config);
  const db = createDataSource(config, []);
  await db.initialize();
  try {
    const roles = new PlatformRolesService(db, new AuditService());
    const name = role.trim().toUpperCase();
    const c = op === 'grant' ? await roles.grant(null, email, name) : await roles.revoke(null, email, name);
    const show = (rs: string[]) => (rs.length ? rs.join(', ') : 'none');
    process.stdout.write(
      c.before.join() === c.after.join()
        ? `${c.email}: roles unchanged (${show(c.after)})\n`
        : `${c.email}: roles ${show(c.before)} -> ${show(c.after)}\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    process.stderr.write(`${op}-role refused: ${e.message}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}
