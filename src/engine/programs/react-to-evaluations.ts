import type { Level, Lifecycle } from '../../domain/evaluation.js';
import type { Db } from '../../store/db.js';
import type { Snapshot } from '../snapshot.js';
import { getActivePrograms } from './active-programs.js';
import { loadCustomerContexts, type CustomerContext } from './customer-context.js';
import { setAbandoned } from './customer-outreach.js';
import { diffViews, emptyView, sameView, type OpenWarning, type StoredView, type ViewChange } from './diff-views.js';
import type { EvaluationView } from './evaluation-view.js';
import { occurrenceFacts } from './occurrence-facts.js';
import { recordActions, type ActionOwner } from './record-action.js';
import { startProgramsFor, type Trigger } from './start-programs.js';
import { stopAllRuns, stopRunsOnGreen } from './stop-runs.js';
import { isoInZone } from './store-time.js';
import { saveViews } from './save-views.js';

interface ViewRow {
  customer_id: string;
  as_of: string | null;
  warning_id: number | null;
  warning_level: Level | null;
  health_level: Level | null;
  health_episode: number;
  silent_level: Level | null;
  lifecycle: Lifecycle | null;
  signals: string[];
  recall_level: 1 | 2 | 3 | null;
  care_keys: string[];
}

const viewOf = (r: ViewRow | undefined): StoredView => (r ? {
  asOf: r.as_of, warningId: r.warning_id, warningLevel: r.warning_level, healthLevel: r.health_level, healthEpisode: r.health_episode,
  silentLevel: r.silent_level, lifecycle: r.lifecycle, signals: r.signals, recallLevel: r.recall_level, careKeys: r.care_keys,
} : emptyView());

interface Pending {
  ev: EvaluationView;
  changes: ViewChange[];
  warning: OpenWarning | null;
}

/**
 * The engine's reaction to stored evaluations (called in the evaluation's transaction, right
 * after the warnings moved): compares each customer with what it saw last, records the warning
 * actions, starts and stops programs. A page costs a handful of statements whatever its size
 * (plus the stops, one customer at a time); the work due now is opened by processDue. Like the
 * warnings, it is given only each customer's newest evaluation (see newestSnapshots). Each
 * customer's view row is locked first, so two processes evaluating the same customer react once.
 */
export async function reactToEvaluations(db: Db, asOf: string, snapshots: readonly Snapshot[], now: Date): Promise<void> {
  if (snapshots.length === 0) return;
  const ids = snapshots.map((s) => s.customerId);
  await db.query(
    `INSERT INTO program_views (customer_id, store_id, updated_at) SELECT u.id, u.store, $3 FROM unnest($1::text[], $2::text[]) AS u(id, store)
     ON CONFLICT (customer_id) DO NOTHING`,
    [ids, snapshots.map((s) => s.storeId), now],
  );
  const views = new Map((await db.query<ViewRow>(
    `SELECT customer_id, as_of, warning_id, warning_level, health_level, health_episode, silent_level, lifecycle, signals, recall_level, care_keys
       FROM program_views WHERE customer_id = ANY($1::text[]) ORDER BY customer_id FOR UPDATE`,
    [ids],
  )).map((r) => [r.customer_id, r]));
  const warnings = new Map((await db.query<OpenWarning & { customer_id: string }>(
    'SELECT id, customer_id, level, reasons FROM warnings WHERE closed_at IS NULL AND customer_id = ANY($1::text[])', [ids],
  )).map((w) => [w.customer_id, { id: w.id, level: w.level, reasons: w.reasons }]));

  const changed: { customerId: string; view: StoredView }[] = [];
  const pending = new Map<string, Pending>();
  for (const s of snapshots) {
    const prev = viewOf(views.get(s.customerId));
    const ev = s.view;
    const warning = warnings.get(s.customerId) ?? null;
    const { changes, view } = diffViews(prev, ev, warning, asOf);
    if (!sameView(prev, view)) changed.push({ customerId: s.customerId, view });
    if (changes.length > 0) pending.set(s.customerId, { ev, changes, warning });
  }
  await saveViews(db, changed, now);
  if (pending.size === 0) return;
  const doc = await getActivePrograms(db);
  const contexts = await loadCustomerContexts(db, [...pending.keys()]);
  const work: PageWork = { actions: [], triggers: [], abandoned: [], returned: [] };
  for (const [id, p] of pending) {
    const ctx = contexts.get(id);
    if (ctx) await applyChanges(db, ctx, p, now, work);
  }
  await stopAllRuns(db, work.abandoned, now);
  await setAbandoned(db, work.abandoned, now, now);
  await setAbandoned(db, work.returned, null, now);
  await recordActions(db, work.actions);
  await startProgramsFor(db, doc, work.triggers, now);
}

/** What a page's changes add up to, written together after the customers' own stops. */
interface PageWork {
  actions: Parameters<typeof recordActions>[1];
  triggers: { ctx: CustomerContext; trigger: Trigger }[];
  /** Given up (or sold, moved away): every run stops and outreach ends. */
  abandoned: ActionOwner[];
  /** Back after being given up: outreach may start again. */
  returned: ActionOwner[];
}

/**
 * One customer's changes: a return to green stops its runs at once; warning actions, give-ups
 * and program starts are collected for the page and written together. The work itself opens
 * in processDue, which the worker (or the replay's clock) runs next.
 */
async function applyChanges(db: Db, ctx: CustomerContext, p: Pending, now: Date, work: PageWork): Promise<void> {
  const { actions, triggers } = work;
  const owner = { storeId: ctx.storeId, customerId: ctx.customer.id };
  const at = isoInZone(now, ctx.timeZone);
  for (const c of p.changes) {
    if (c.kind === 'warning_opened') actions.push({ at: now, owner, action: { kind: 'warning_opened', level: c.level, reasons: c.reasons } });
    else if (c.kind === 'warning_changed') actions.push({ at: now, owner, action: { kind: 'warning_changed', level: c.level } });
    else if (c.kind === 'warning_closed') actions.push({ at: now, owner, action: { kind: 'warning_closed', level: 'green' } });
    else if (c.kind === 'stop') {
      if (c.scope !== 'all') await stopRunsOnGreen(db, ctx, c.scope, now);
      else work.abandoned.push(owner);
    } else {
      const h = c.happening;
      const level = h.kind === 'warning' || (h.kind === 'segment' && h.level !== undefined) ? h.level : undefined;
      const reasons = c.scope === 'risk' ? (p.warning?.reasons ?? []) : c.scope === 'health' ? [`health ${p.ev.healthScore} (${p.ev.healthLevel})`] : undefined;
      if (h.kind === 'segment' && h.segment === 'returned') work.returned.push(owner);
      triggers.push({ ctx, trigger: {
        happening: h, triggerKey: c.triggerKey, scope: c.scope, at, lastVisitAt: p.ev.lastVisitDay,
        facts: { ...occurrenceFacts(ctx, p.ev), ...c.moment?.facts },
        ...(level !== undefined ? { level } : {}), ...(reasons !== undefined ? { reasons } : {}),
        ...(c.moment ? { momentAt: c.moment.day } : {}),
      } });
    }
  }
}
