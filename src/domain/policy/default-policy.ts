import document from './default-policy.json' with { type: 'json' };
import { parsePolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';
import { deepFreeze } from '../deep-freeze.js';

let cached: Policy | undefined;


/**
 * The shipped default policy (scoring.md), validated once. It is frozen because every caller
 * shares it: to change a number, copy it first (`structuredClone(defaultPolicy())`).
 */
export function defaultPolicy(): Policy {
  if (!cached) {
    const r = parsePolicy(document);
    if (!r.ok) throw new Error(`default-policy.json is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = deepFreeze(r.policy);
  }
  return cached;
}
