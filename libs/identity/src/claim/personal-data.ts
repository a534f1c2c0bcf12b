import { registerPersonalDataSource } from '../privacy/personal-data.js';

/*
 * Claims on organisations. The claimant's claims (with the address the code went to and the
 * organisers' note) are exported and go with the account (the foreign key cascades); a claim that
 * named the erased person's verified address loses the address; an organiser's decisions lose
 * their author (the foreign key sets NULL).
 */
registerPersonalDataSource({
  name: 'organizationClaims',
  covers: ['organization_claim.user_id', 'organization_claim.email', 'organization_claim.note'],
  exportSql: `SELECT id, organization_id, email, status, contest_reason, created_at, confirmed_at, resolved_at, note
                FROM organization_claim WHERE user_id = $1 ORDER BY created_at`,
  deleteSql: `UPDATE organization_claim SET email = '(erased)' WHERE email = $2 AND user_id <> $1`,
});
registerPersonalDataSource({
  name: 'organizationClaimsDecided',
  covers: ['organization_claim.resolved_by'],
  exportSql: `SELECT id, organization_id, status, resolved_at FROM organization_claim
               WHERE resolved_by = $1 ORDER BY resolved_at`,
});
