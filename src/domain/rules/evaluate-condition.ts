import { comparison, type CompareOp } from '../notation.js';
import type { Condition } from './condition.js';
import { fieldValue, type RuleContext } from './fields.js';

/** A field whose value made a rule fire, for the human-readable reason. */
export interface SupportingValue {
  field: string;
  value: number | boolean | string | null;
}

function compare(actual: number | boolean | string, op: CompareOp, value: number | boolean | string): boolean {
  switch (op) {
    case '<': return actual < value;
    case '<=': return actual <= value;
    case '>': return actual > value;
    case '>=': return actual >= value;
    case '==': return actual === value;
    case '!=': return actual !== value;
  }
}

/** A comparison with a missing (null) value is false, so `not` of it is true. */
export function holdsCondition(c: Condition, ctx: RuleContext): boolean {
  if ('all' in c) return c.all.every((x) => holdsCondition(x, ctx));
  if ('any' in c) return c.any.some((x) => holdsCondition(x, ctx));
  if ('not' in c) return !holdsCondition(c.not, ctx);
  const actual = fieldValue(ctx, c.field);
  return actual !== null && compare(actual, c.op, c.value);
}

/**
 * The numbers behind a condition that holds: every part of an `all`, the parts of an `any`
 * that hold, a `not` with its inner values ("not (R 50 > 90)"). Supporting values are the
 * fields whose values made it hold; those under a `not` explain by absence, so they are left out.
 */
export function explainCondition(c: Condition, ctx: RuleContext): { detail: string; supporting: SupportingValue[] } {
  const supporting: SupportingValue[] = [];
  const detail = render(c, ctx, true, supporting);
  return { detail, supporting };
}

function render(c: Condition, ctx: RuleContext, holdingOnly: boolean, out: SupportingValue[] | null): string {
  if ('all' in c) return c.all.map((x) => nested(x, ctx, holdingOnly, out)).join(' and ');
  if ('any' in c) {
    const parts = holdingOnly ? c.any.filter((x) => holdsCondition(x, ctx)) : c.any;
    return parts.map((x) => nested(x, ctx, holdingOnly, out)).join(' or ');
  }
  if ('not' in c) return `not (${render(c.not, ctx, false, null)})`;
  const actual = fieldValue(ctx, c.field);
  out?.push({ field: c.field, value: actual });
  return comparison(c.field, actual, c.op, c.value);
}

function nested(c: Condition, ctx: RuleContext, holdingOnly: boolean, out: SupportingValue[] | null): string {
  const text = render(c, ctx, holdingOnly, out);
  return 'all' in c || 'any' in c ? `(${text})` : text;
}
