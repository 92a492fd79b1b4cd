import type { Script, ScriptLibrary } from './library-schema.js';
import type { Audience, ChurnReason, DormantType, Occasion, RecallLevel, Stage } from './vocabulary.js';

export interface ScriptQuery {
  /** Default `retention_call`, the general matrix. */
  occasion?: Occasion;
  reason: ChurnReason;
  /**
   * The customer's type, or several in order of preference: a dormant high-value customer is
   * `['dormant', 'high']` (see audiencesFor).
   */
  audience: Audience | readonly Audience[];
  stage: Stage;
  dormantType?: DormantType | null;
  recallLevel?: RecallLevel | null;
}

/** How close the chosen script is to what was asked. */
export type MatchKind = 'exact' | 'same_reason' | 'generic';

export interface ScriptChoice {
  script: Script;
  match: MatchKind;
  /** True when the occasion has no script for this stage and the retention call's was used. */
  borrowed: boolean;
}

type Key = { reason: Script['reason']; audience: Script['audience']; match: MatchKind };

/**
 * The fallback order, documented here once:
 * 1. exact — the reason and a customer type, types in the order given;
 * 2. same reason, any type (`audience: any`);
 * 3. generic — a reason-agnostic script (`reason: any`), then the first-call script
 *    (`reason: unknown`), each for the given types first and then for any type.
 */
function keys(reason: ChurnReason, types: readonly Audience[]): Key[] {
  const out: Key[] = [];
  const add = (r: Key['reason'], a: Key['audience'], match: MatchKind): void => {
    if (!out.some((k) => k.reason === r && k.audience === a)) out.push({ reason: r, audience: a, match });
  };
  for (const a of types) add(reason, a, 'exact');
  add(reason, 'any', 'same_reason');
  for (const r of ['any', 'unknown'] as const) {
    for (const a of types) add(r, a, 'generic');
    add(r, 'any', 'generic');
  }
  return out;
}

/** A qualifier (dormant type, recall level) set on a script must equal the query's. */
function qualifies(s: Script, q: ScriptQuery): boolean {
  if (s.dormantType !== undefined && s.dormantType !== q.dormantType) return false;
  if (s.recallLevel !== undefined && s.recallLevel !== q.recallLevel) return false;
  return true;
}

/** Among scripts for one key, the one with more matching qualifiers is more specific. */
function specificity(s: Script): number {
  return (s.dormantType !== undefined ? 1 : 0) + (s.recallLevel !== undefined ? 1 : 0);
}

function pick(candidates: readonly Script[], q: ScriptQuery, types: readonly Audience[]): Omit<ScriptChoice, 'borrowed'> | null {
  for (const k of keys(q.reason, types)) {
    const hits = candidates.filter((s) => s.reason === k.reason && s.audience === k.audience && qualifies(s, q));
    const best = hits.sort((a, b) => specificity(b) - specificity(a))[0];
    if (best) return { script: best, match: k.match };
  }
  return null;
}

/**
 * The best-fitting script for a call at one stage. An occasion's own scripts come first, with the
 * order above; only when none of them fits (none for the stage, or only ones for another dormant
 * type or recall level) does the retention call lend its script, with the same order — a red
 * call's probing is the reason's probing. Null only when neither fits; the shipped library always
 * answers, because its retention call has a first-call script for every stage.
 */
export function selectScript(library: Pick<ScriptLibrary, 'scripts'>, q: ScriptQuery): ScriptChoice | null {
  const types: readonly Audience[] = typeof q.audience === 'string' ? [q.audience] : q.audience;
  const occasion = q.occasion ?? 'retention_call';
  const ofStage = library.scripts.filter((s) => s.stage === q.stage);
  const own = pick(ofStage.filter((s) => s.occasion === occasion), q, types);
  if (own) return { ...own, borrowed: false };
  if (occasion === 'retention_call') return null;
  const core = pick(ofStage.filter((s) => s.occasion === 'retention_call'), q, types);
  return core ? { ...core, borrowed: true } : null;
}
