import type { RuleHit } from '../evaluation.js';
import type { Rule } from '../policy/policy-schema.js';
import { explainCondition, holdsCondition, type SupportingValue } from './evaluate-condition.js';
import type { RuleContext } from './fields.js';

export interface FiredRule {
  hit: RuleHit;
  supporting: SupportingValue[];
}

/** scoring.md §6: the enabled rules that fire, in policy order, each with the numbers behind it. */
export function evaluateRules(rules: readonly Rule[], ctx: RuleContext): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled || !holdsCondition(rule.when, ctx)) continue;
    const { detail, supporting } = explainCondition(rule.when, ctx);
    fired.push({ hit: { id: rule.id, level: rule.level, detail }, supporting });
  }
  return fired;
}
