import { registerOwnerLookup } from '#identity';

/*
 * What the directory declares to identity once, when the module loads: the organisation owning an
 * opportunity, for access rules on opportunity ids (`ownerOfRecord('opportunity', …)`).
 */
registerOwnerLookup('opportunity', `SELECT organization_id FROM opportunity WHERE id = $1`);
