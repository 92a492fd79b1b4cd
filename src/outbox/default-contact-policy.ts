import document from './default-contact-policy.json' with { type: 'json' };
import { parseContactPolicy, type ContactPolicy } from './contact-policy.js';

let cached: ContactPolicy | undefined;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

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
