import type { z } from 'zod';
import { careChecks } from '../care/care-checks.js';
import { boundValue, isLowerBound } from '../scales.js';
import type { Policy } from './policy-schema.js';

type Issue = (path: (string | number)[], message: string) => void;

function weightsSumToOne(weights: Record<string, number>, path: string[], issue: Issue): void {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) issue(path, `weights must sum to 1 (they sum to ${Number(sum.toPrecision(12))})`);
}

/** Thresholds listed by `keys` must rise (or fall) in that order; `strict` forbids equal neighbours. */
function ordered<K extends string>(
  values: Record<K, number>, keys: readonly K[], rising: boolean, strict: boolean, path: string[], issue: Issue,
): void {
  for (let i = 1; i < keys.length; i++) {
    const prev = keys[i - 1]!;
    const cur = keys[i]!;
    const step = rising ? values[cur] - values[prev] : values[prev] - values[cur];
    if (step < 0 || (strict && step === 0)) {
      const rel = rising ? (strict ? 'above' : 'at least') : (strict ? 'below' : 'at most');
      issue([...path, cur], `must be ${rel} ${prev} (${values[prev]}): the thresholds ${rising ? 'rise' : 'fall'} in the order ${keys.join(', ')}`);
    }
  }
}

/** Sanity across fields that a per-field schema cannot see; runs once every field has the right type. */
export function crossChecks(p: Policy, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });

  weightsSumToOne(p.risk.weights, ['risk', 'weights'], issue);
  weightsSumToOne(p.health.weights, ['health', 'weights'], issue);
  ordered(p.risk.tiers, ['green', 'yellow', 'orange'], false, true, ['risk', 'tiers'], issue);
  ordered(p.health.tiers, ['green', 'blue', 'yellow', 'orange'], false, true, ['health', 'tiers'], issue);
  ordered(p.rBands, ['green', 'yellow', 'orange', 'red'], true, true, ['rBands'], issue);
  ordered(p.silent.levels, ['yellow', 'orange', 'red'], true, true, ['silent', 'levels'], issue);
  if (p.silent.levels.yellow < 1) issue(['silent', 'levels', 'yellow'], 'must be at least 1 (no abnormal indicator is green)');
  const { yellow, orange, red } = p.responseLevels;
  for (const key of ['minR', 'minSignals'] as const) {
    const byLevel = { yellow: yellow[key], orange: orange[key], red: red[key] };
    ordered(byLevel, ['yellow', 'orange', 'red'], true, false, ['responseLevels'], (path, message) => issue([...path, key], message));
  }

  for (const [name, ind] of Object.entries(p.silent.indicators)) {
    const w = boundValue(ind.warning);
    const d = boundValue(ind.danger);
    const path = ['silent', 'indicators', name, 'danger'];
    if (isLowerBound(ind.warning) !== isLowerBound(ind.danger)) issue(path, 'must point the same way as warning (both lower or both upper bounds)');
    else if (isLowerBound(ind.danger) ? d < w : d > w) issue(path, `must be at least as extreme as warning (${w})`);
  }

  if (!isLowerBound(p.valueTier.high)) issue(['valueTier', 'high'], 'must be a lower bound (atLeast or above)');
  else if (!isLowerBound(p.valueTier.mid)) issue(['valueTier', 'mid'], 'must be a lower bound (atLeast or above)');
  else if (boundValue(p.valueTier.mid) > boundValue(p.valueTier.high)) {
    issue(['valueTier', 'mid'], `must not be above high (${boundValue(p.valueTier.high)})`);
  }

  if (p.recall.longAboveR < p.recall.recentMaxR) issue(['recall', 'longAboveR'], `must not be below recentMaxR (${p.recall.recentMaxR})`);

  careChecks(p.care, issue);

  const seen = new Set<string>();
  p.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) issue(['rules', i, 'id'], `duplicate rule id "${rule.id}"`);
    seen.add(rule.id);
  });
}
