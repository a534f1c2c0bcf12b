import { registerContactGrantReader, registerOwnerLookup, registerPersonalDataSource } from '#identity';
import { ContactGrantRepository } from './contact-grant.repository.js';
import {
  CONTACT_REQUEST_FROM_OWNER_SQL,
  CONTACT_REQUEST_PERSONAL_DATA,
  CONTACT_REQUEST_TO_OWNER_SQL,
} from './contact-request.repository.js';

/*
 * What contact requests declare to identity once, when the module loads: the organisation a
 * request is addressed to and the one that sent it (access rules on request ids), the contact
 * grants (which organisations see each other's contact persons), and where requests hold
 * personal data.
 */
registerOwnerLookup('contact_request.to', CONTACT_REQUEST_TO_OWNER_SQL);
registerOwnerLookup('contact_request.from', CONTACT_REQUEST_FROM_OWNER_SQL);

const grants = new ContactGrantRepository();
registerContactGrantReader((db, organizationIds) => grants.pairsTouching(db, organizationIds));

registerPersonalDataSource({ name: 'contactRequests', ...CONTACT_REQUEST_PERSONAL_DATA });
