import { isIsoDate } from '../dates.js';
import { compareOps, type CompareOp } from '../notation.js';
import { fieldKind } from './fields.js';

export interface ConditionIssue {
  path: (string | number)[];
  message: string;
}

const SHAPES = '{ field, op, value }, { all: [...] }, { any: [...] } or { not: {...} }';

/**
 * Checks a condition tree written by a person, naming the exact spot of each problem
 * (`all.1.field`): an unknown field or an op/value that does not fit the field is refused here,
 * so evaluation never meets one.
 */
export function checkCondition(input: unknown, path: (string | number)[] = []): ConditionIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ path, message: `must be a condition: ${SHAPES}` }];
  }
  const obj = input as Record<string, unknown>;
  const keys = Object.keys(obj);
  for (const combinator of ['all', 'any', 'not'] as const) {
    if (!(combinator in obj)) continue;
    const extra = keys.filter((k) => k !== combinator);
    if (extra.length > 0) return [{ path: [...path, extra[0]!], message: `unknown key beside "${combinator}"` }];
    const inner = obj[combinator];
    if (combinator === 'not') return checkCondition(inner, [...path, 'not']);
    if (!Array.isArray(inner)) return [{ path: [...path, combinator], message: 'must be a list of conditions' }];
    if (inner.length === 0) return [{ path: [...path, combinator], message: 'must list at least one condition' }];
    return inner.flatMap((c, i) => checkCondition(c, [...path, combinator, i]));
  }
  return checkComparison(obj, path);
}

function checkComparison(obj: Record<string, unknown>, path: (string | number)[]): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  for (const k of Object.keys(obj)) {
    if (k !== 'field' && k !== 'op' && k !== 'value') issues.push({ path: [...path, k], message: `unknown key (expected ${SHAPES})` });
  }
  for (const k of ['field', 'op', 'value'] as const) {
    if (obj[k] === undefined || obj[k] === null) issues.push({ path: [...path, k], message: 'is required' });
  }
  if (issues.length > 0) return issues;
  const { field, op, value } = obj;
  const kind = typeof field === 'string' ? fieldKind(field) : undefined;
  if (kind === undefined) {
    return [{
      path: [...path, 'field'],
      message: `unknown field ${JSON.stringify(field)} (a feature such as R or lastNps, risk.score, health.score, signals.count or signal.<signal id>)`,
    }];
  }
  if (!compareOps.includes(op as CompareOp)) {
    return [{ path: [...path, 'op'], message: `unknown op ${JSON.stringify(op)} (one of ${compareOps.join(' ')})` }];
  }
  if (kind === 'boolean' && op !== '==' && op !== '!=') {
    return [{ path: [...path, 'op'], message: `${field} is true or false: use == or !=` }];
  }
  const fits = kind === 'number' ? typeof value === 'number' && Number.isFinite(value)
    : kind === 'boolean' ? typeof value === 'boolean'
    : typeof value === 'string' && isIsoDate(value);
  if (!fits) {
    const expected = kind === 'number' ? 'a number' : kind === 'boolean' ? 'true or false' : 'a date YYYY-MM-DD';
    return [{ path: [...path, 'value'], message: `must be ${expected} for field ${field} (got ${JSON.stringify(value)})` }];
  }
  return [];
}
