import type { CareMoment } from '../../domain/care/care-result.js';
import type { Level, Lifecycle } from '../../domain/evaluation.js';
import { levelRank } from '../../domain/levels.js';
import type { Happening } from '../../programs/match-trigger.js';
import type { EvaluationView } from './evaluation-view.js';

/** What the engine remembers of a customer between evaluations (the program_views row). */
export interface StoredView {
  /** Null until the engine has seen an evaluation of the customer. */
  asOf: string | null;
  warningId: number | null;
  warningLevel: Level | null;
  healthLevel: Level | null;
  healthEpisode: number;
  silentLevel: Level | null;
  lifecycle: Lifecycle | null;
  signals: string[];
  /** The recall level of a lost or dormant customer (scoring.md §10), null otherwise. */
  recallLevel: 1 | 2 | 3 | null;
  /** The care moments open at the last evaluation, by key. */
  careKeys: string[];
}

export interface OpenWarning {
  id: number;
  level: Level;
  reasons: string[];
}

/** Which "back to green" stops a run: its warning's, the health warning's, the silent level's. */
export type RunScope = 'risk' | 'health' | 'silent' | 'other';

export type ViewChange =
  | { kind: 'warning_opened'; warningId: number; level: Level; reasons: string[] }
  | { kind: 'warning_changed'; warningId: number; level: Level }
  | { kind: 'warning_closed'; warningId: number }
  | { kind: 'start'; happening: Happening; triggerKey: string; scope: RunScope; warningId?: number; moment?: CareMoment }
  /** `all`: the customer was given up (or sold the car): every run ends, whatever its stop conditions. */
  | { kind: 'stop'; scope: RunScope | 'all'; reason: 'green' | 'abandoned' };

const GONE = new Set<Lifecycle>(['abandoned', 'sold_or_moved']);
const rank = (l: Level | null) => (l === null ? 0 : levelRank[l]);

export const emptyView = (): StoredView => ({
  asOf: null, warningId: null, warningLevel: null, healthLevel: null, healthEpisode: 0, silentLevel: null, lifecycle: null, signals: [], recallLevel: null, careKeys: [],
});

/**
 * Compares the new evaluation (and the warning as sync-warnings left it) with what the engine
 * saw last, and says what that starts and stops. Programs start when a level is *reached*
 * (opened or raised into it), never when it falls: the more urgent work already open stays.
 * Trigger keys name the real-world cause, so the same evaluation run twice starts nothing new.
 * Stops come first in the list, so a give-up ends the old runs before its farewell starts.
 */
export function diffViews(prev: StoredView, next: EvaluationView, warning: OpenWarning | null, asOf: string): { changes: ViewChange[]; view: StoredView } {
  const stops: ViewChange[] = [];
  const changes: ViewChange[] = [];
  const start = (happening: Happening, triggerKey: string, scope: RunScope, warningId?: number) =>
    changes.push({ kind: 'start', happening, triggerKey, scope, ...(warningId !== undefined ? { warningId } : {}) });

  // The risk warning (the warnings table: one per customer).
  if (prev.warningId !== null && prev.warningId !== warning?.id) {
    changes.push({ kind: 'warning_closed', warningId: prev.warningId });
    if (warning === null) stops.push({ kind: 'stop', scope: 'risk', reason: 'green' });
  }
  if (warning && warning.id !== prev.warningId) {
    changes.push({ kind: 'warning_opened', warningId: warning.id, level: warning.level, reasons: warning.reasons });
    start({ kind: 'warning', source: 'risk', level: warning.level }, `warning:${warning.id}:${warning.level}`, 'risk', warning.id);
  } else if (warning && warning.level !== prev.warningLevel) {
    changes.push({ kind: 'warning_changed', warningId: warning.id, level: warning.level });
    if (rank(warning.level) > rank(prev.warningLevel)) {
      start({ kind: 'warning', source: 'risk', level: warning.level }, `warning:${warning.id}:${warning.level}`, 'risk', warning.id);
    }
  }

  // The health warning: an episode lasts from its opening until the tier no longer warns.
  let healthEpisode = prev.healthEpisode;
  if (next.healthLevel === null && prev.healthLevel !== null) stops.push({ kind: 'stop', scope: 'health', reason: 'green' });
  if (next.healthLevel !== null && rank(next.healthLevel) > rank(prev.healthLevel)) {
    if (prev.healthLevel === null) healthEpisode++;
    start({ kind: 'warning', source: 'health', level: next.healthLevel }, `health:${healthEpisode}:${next.healthLevel}`, 'health');
  }

  for (const s of next.signals) {
    if (!prev.signals.includes(s)) start({ kind: 'signal', signal: s as never }, `signal:${s}:${asOf}`, 'other');
  }

  const prevSilent = prev.silentLevel ?? 'green';
  if (next.silentLevel === 'green' && prevSilent !== 'green') stops.push({ kind: 'stop', scope: 'silent', reason: 'green' });
  if (next.silentLevel !== 'green' && rank(next.silentLevel) > rank(prevSilent)) {
    start({ kind: 'segment', segment: 'silent', level: next.silentLevel }, `silent:${next.silentLevel}:${asOf}`, 'silent');
  }

  const prevLife = prev.lifecycle ?? 'active';
  if (next.lifecycle !== prevLife) {
    if (GONE.has(next.lifecycle) && !GONE.has(prevLife)) {
      stops.push({ kind: 'stop', scope: 'all', reason: 'abandoned' });
      start({ kind: 'segment', segment: 'abandoned' }, `abandoned:${asOf}`, 'other');
    } else if (GONE.has(prevLife) && !GONE.has(next.lifecycle)) {
      // Came back after a give-up: the return ritual applies (programs.md §9).
      start({ kind: 'segment', segment: 'returned' }, `returned:${asOf}`, 'other');
    } else if (next.lifecycle === 'observation') {
      start({ kind: 'segment', segment: 'returned' }, `returned:${next.returnedAt ?? asOf}`, 'other');
    } else if (next.lifecycle === 'dormant') {
      start({ kind: 'segment', segment: 'dormant' }, `dormant:${asOf}`, 'other');
    }
  }

  // Recall (programs.md §8) follows the quadrant: turning lost starts the recall of its level,
  // and a high-value customer still gone past R 210 (middle recency) reaches level 2 and its call.
  if (next.recallLevel !== null && next.recallLevel !== prev.recallLevel) {
    start({ kind: 'segment', segment: 'lost', recallLevel: next.recallLevel }, `recall:${next.recallLevel}:${asOf}`, 'other');
  }

  // A care moment starts its program when it opens (a birthday month, a milestone passed, an
  // interval gone by without a touch); the key stays while it is open, so it starts once.
  for (const m of next.care) {
    if (!prev.careKeys.includes(m.key)) {
      changes.push({ kind: 'start', happening: { kind: 'care', moment: m.moment }, triggerKey: `care:${m.key}`, scope: 'other', moment: m });
    }
  }

  const view: StoredView = {
    asOf,
    warningId: warning?.id ?? null,
    warningLevel: warning?.level ?? null,
    healthLevel: next.healthLevel,
    healthEpisode,
    silentLevel: next.silentLevel,
    lifecycle: next.lifecycle,
    signals: next.signals,
    recallLevel: next.recallLevel,
    careKeys: next.care.map((m) => m.key),
  };
  // A customer who is gone gets no outreach: only the give-up itself starts.
  const kept = GONE.has(next.lifecycle)
    ? changes.filter((c) => c.kind !== 'start' || (c.happening.kind === 'segment' && c.happening.segment === 'abandoned'))
    : changes;
  return { changes: [...stops, ...kept], view };
}

/** Equal but for the date: a view is rewritten only when something in it moved (not every night). */
export function sameView(a: StoredView, b: StoredView): boolean {
  return a.asOf !== null && b.asOf !== null && JSON.stringify({ ...a, asOf: '' }) === JSON.stringify({ ...b, asOf: '' });
}
