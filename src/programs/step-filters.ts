import type { ProgramStep } from './program-schema.js';
import type { Fact } from './types.js';

/**
 * A step's `when` against the occurrence's facts: every key must match; a list means any of its
 * values; `false` also matches a missing fact (a flag nobody set is not set).
 */
export function stepApplies(step: ProgramStep, facts: Record<string, Fact>): boolean {
  if (!step.when) return true;
  return Object.entries(step.when).every(([k, want]) => {
    const have = facts[k];
    if (Array.isArray(want)) return have !== undefined && typeof have !== 'boolean' && want.includes(have);
    if (want === false) return have === false || have === undefined;
    return have === want;
  });
}

/** Fills `{fact}` in a script or template id; a missing fact reads `default`, so a generic script exists. */
export function fillId(id: string | undefined, facts: Record<string, Fact>): string | null {
  if (id === undefined) return null;
  return id.replace(/\{(\w+)\}/g, (_, k: string) => (facts[k] === undefined ? 'default' : String(facts[k])));
}
