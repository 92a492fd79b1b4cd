import { activateContactPolicy, getActiveContactPolicy } from '../../engine/programs/active-contact-policy.js';
import { parseContactPolicy } from '../../outbox/contact-policy.js';
import { documentSettingsRoutes } from './document-settings-routes.js';

export const settingsContact = documentSettingsRoutes({
  kind: 'contact',
  path: '/api/v1/settings/contact',
  schemaNames: { document: 'ContactPolicies', body: 'ContactPolicyBody' },
  summaries: {
    get: 'The contact policy in force (programs.md §10: quiet hours, frequency cap, opt-out words, retries) and every stored version (managers)',
    put: 'Save a contact policy as a new version and put it in force (admins and managers); the outbox applies it from its next pass',
  },
  descriptions: {
    document: 'The contact policy',
    forbidden: 'Not allowed to change the contact policy',
    invalid: 'Not a valid contact policy: each bad field by path (document.quietHours.start)',
  },
  what: 'contact rules',
  getActive: getActiveContactPolicy,
  parse: (input) => {
    const r = parseContactPolicy(input);
    return r.ok ? { ok: true, document: r.policy } : r;
  },
  activate: activateContactPolicy,
});
