import document from './default-contact-policy.json' with { type: 'json' };
import { parseContactPolicy, type ContactPolicy } from './contact-policy.js';
import { deepFreeze } from '../domain/deep-freeze.js';

let cached: ContactPolicy | undefined;


/**
 * The shipped contact policy (programs.md §10), validated once and frozen because every caller
 * shares it: to change a number, copy it first (`structuredClone(defaultContactPolicy())`).
 */
export function defaultContactPolicy(): ContactPolicy {
  if (!cached) {
    const r = parseContactPolicy(document);
    if (!r.ok) throw new Error(`default-contact-policy.json is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = deepFreeze(r.policy);
  }
  return cached;
}
