import document from './default-programs.json' with { type: 'json' };
import { parsePrograms } from './parse-programs.js';
import type { ProgramDocument } from './program-schema.js';
import { deepFreeze } from '../domain/deep-freeze.js';

let cached: ProgramDocument | undefined;


/**
 * The shipped presets of programs.md §1–§9, validated once. Frozen because every caller shares
 * it: to edit, disable or copy a program, clone first (`structuredClone(defaultPrograms())`).
 */
export function defaultPrograms(): ProgramDocument {
  if (!cached) {
    const r = parsePrograms(document);
    if (!r.ok) throw new Error(`default-programs.json is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = deepFreeze(r.document);
  }
  return cached;
}
