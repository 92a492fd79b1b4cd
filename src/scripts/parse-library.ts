import type { z } from 'zod';
import { librarySchema, type ScriptLibrary } from './library-schema.js';

/** One problem with a library document: the dotted path of the bad field and why. */
export interface LibraryError {
  path: string;
  message: string;
}

export type LibraryResult = { ok: true; library: ScriptLibrary } | { ok: false; errors: LibraryError[] };

function toErrors(issue: z.core.$ZodIssue): LibraryError[] {
  const path = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s)).join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: path ? `${path}.${k}` : k, message: 'unknown field' }));
  return [{ path, message: issue.message }];
}

/**
 * Validates a library document (parsed from JSON/YAML or read from the database). Same contract
 * as the policy: every bad field is reported with its path, nothing is half-accepted.
 */
export function parseLibrary(input: unknown): LibraryResult {
  const r = librarySchema.safeParse(input, { error: (iss) => (iss.input === undefined ? 'is required' : undefined) });
  return r.success ? { ok: true, library: r.data } : { ok: false, errors: r.error.issues.flatMap(toErrors) };
}
