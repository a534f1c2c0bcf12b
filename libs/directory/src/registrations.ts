import { registerOrganizationReads, registerOwnerLookup } from '#identity';
import { directoryFacts } from './organisation/organisation-facts.js';
import { OpportunityRepository } from './opportunity/opportunity.repository.js';

/*
 * What the directory declares to identity once, when the module loads: the organisation owning an
 * opportunity, for access rules on opportunity ids (`ownerOfRecord('opportunity', …)`).
 */
const opportunities = new OpportunityRepository();
registerOwnerLookup('opportunity', (db, id) => opportunities.organizationOf(db, id));

/*
 * Organisations themselves, for the membership rules: any organisation (organisers see every one),
 * and public ones (ACTIVE) for everyone else; and the organisation reads identity needs (names and
 * status by id, the demo owner's firm).
 */
registerOwnerLookup('organization', async (db, id) => {
  const [found] = (await directoryFacts.organizations(db, [id])).values();
  return found?.id ?? null;
});
registerOwnerLookup('organization.public', async (db, id) => {
  const [found] = (await directoryFacts.organizations(db, [id])).values();
  return found?.status === 'ACTIVE' ? found.id : null;
});
registerOrganizationReads({
  organizations: (db, ids) => directoryFacts.organizations(db, ids),
  firstActiveSme: (db) => directoryFacts.firstActiveSme(db),
});
