import type { z } from 'zod';
import { programDocumentSchema, type ProgramDocument } from './program-schema.js';

/** One problem with a program document: the dotted path of the field (`programs.2.steps.1.offset`) and why. */
export interface ProgramError {
  path: string;
  message: string;
}

export type ProgramsResult = { ok: true; document: ProgramDocument } | { ok: false; errors: ProgramError[] };

function toErrors(issue: z.core.$ZodIssue): ProgramError[] {
  const path = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: [...path, k].join('.'), message: 'unknown field' }));
  return [{ path: path.join('.'), message: issue.message }];
}

/** Validates a program document (parsed from JSON/YAML or read from the database). */
export function parsePrograms(input: unknown): ProgramsResult {
  const r = programDocumentSchema.safeParse(input, { error: (iss) => (iss.input === undefined ? 'is required' : undefined) });
  return r.success ? { ok: true, document: r.data } : { ok: false, errors: r.error.issues.flatMap(toErrors) };
}
