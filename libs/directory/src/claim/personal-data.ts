import { registerPersonalDataSource } from '#identity';
import { CLAIMS_DECIDED_PERSONAL_DATA, CLAIMS_PERSONAL_DATA } from './claim.repository.js';

/* Where organisation claims hold personal data (see CLAIMS_PERSONAL_DATA), declared to identity. */
registerPersonalDataSource({ name: 'organizationClaims', ...CLAIMS_PERSONAL_DATA });
registerPersonalDataSource({ name: 'organizationClaimsDecided', ...CLAIMS_DECIDED_PERSONAL_DATA });
