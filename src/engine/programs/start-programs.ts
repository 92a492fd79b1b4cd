import type { Level } from '../../domain/evaluation.js';
import { programsFor, type Happening } from '../../programs/match-trigger.js';
import { planRun } from '../../programs/plan-steps.js';
import type { Program, ProgramDocument } from '../../programs/program-schema.js';
import type { Fact, PlannedStep, TriggerOccurrence, WaitingStep } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import { withoutHeldOut } from '../campaigns/hold-out-of-program.js';
import type { CustomerContext } from './customer-context.js';
import type { RunScope } from './diff-views.js';

/** One occurrence of a happening, before it is matched to programs. */
export interface Trigger {
  happening: Happening;
  triggerKey: string;
  scope: RunScope;
  /** ISO instant of the cause (the evaluation's now, the event's `at`). */
  at: string;
  level?: Level;
  reasons?: string[];
  subjectId?: string;
  lastVisitAt?: string;
  /** A care moment's own day, for steps that count from it. */
  momentAt?: string;
  facts: Record<string, Fact>;
}

interface NewRun {
  ctx: CustomerContext;
  program: Program;
  o: TriggerOccurrence;
  scope: RunScope;
}

function occurrence(ctx: CustomerContext, program: Program, t: Trigger): TriggerOccurrence {
  return {
    programId: program.id, triggerKey: t.triggerKey, customerId: ctx.customer.id, at: t.at, facts: t.facts,
    ...(t.level !== undefined ? { level: t.level } : {}),
    ...(t.reasons !== undefined ? { reasons: t.reasons } : {}),
    ...(t.subjectId !== undefined ? { subjectId: t.subjectId } : {}),
    ...(t.lastVisitAt !== undefined ? { lastVisitAt: t.lastVisitAt } : {}),
    ...(t.momentAt !== undefined ? { momentAt: t.momentAt } : {}),
  };
}

/**
 * Persists runs and their planned steps, many customers at once (an evaluation page). A run is
 * unique per program × customer × trigger key and a step per planner key, so starting the same
 * occurrence again does nothing. Steps are only planned here: processDue opens the work when
 * each falls due (at once for most). Returns how many runs began.
 */
export async function startProgramsFor(db: Db, doc: ProgramDocument, triggers: { ctx: CustomerContext; trigger: Trigger }[], now: Date): Promise<number> {
  return (await insertRuns(db, doc, await withoutHeldOut(db, triggers.flatMap(({ ctx, trigger }) =>
    programsFor(doc, trigger.happening).map((program) => ({ ctx, program, o: occurrence(ctx, program, trigger), scope: trigger.scope }))), now), now)).length;
}

/** One run of a given program for an occurrence built by the caller (a campaign); true if this call started it. */
export async function startProgram(db: Db, ctx: CustomerContext, doc: ProgramDocument, program: Program, o: TriggerOccurrence, scope: RunScope, now: Date): Promise<boolean> {
  return (await insertRuns(db, doc, [{ ctx, program, o, scope }], now)).length > 0;
}

async function insertRuns(db: Db, doc: ProgramDocument, runs: NewRun[], now: Date): Promise<number[]> {
  if (runs.length === 0) return [];
  // Rows go as one JSON document: arrays of JSON strings cost the driver an escape of every
  // quote, and the server an unescape, for what it parses as JSON anyway. As jsonb, the server
  // parses it once: json_to_recordset parsed each record's nested document again (half the
  // statement's time for a page's steps).
  const inserted = await db.query<{ id: number; program_id: string; customer_id: string; trigger_key: string }>(
    `INSERT INTO program_runs (store_id, customer_id, program_id, program_version, trigger_key, occurrence, stop_when, scope, started_at, status)
     SELECT u.store_id, u.customer_id, u.program_id, $2, u.trigger_key, u.occurrence, u.stop_when, u.scope, $3, 'active'
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
            AS (store_id text, customer_id text, program_id text, trigger_key text, occurrence jsonb, stop_when text[], scope text))
            WITH ORDINALITY AS u(store_id, customer_id, program_id, trigger_key, occurrence, stop_when, scope, n)
      ORDER BY u.n
     ON CONFLICT (program_id, customer_id, trigger_key) DO NOTHING
     RETURNING id, program_id, customer_id, trigger_key`,
    [JSON.stringify(runs.map((r) => ({
      store_id: r.ctx.storeId, customer_id: r.o.customerId, program_id: r.program.id, trigger_key: r.o.triggerKey,
      occurrence: r.o, stop_when: r.program.stopWhen, scope: r.scope,
    }))), doc.version, now],
  );
  const byKey = new Map(runs.map((r) => [`${r.program.id}\n${r.o.customerId}\n${r.o.triggerKey}`, r]));
  const steps: { runId: number; storeId: string; step: PlannedStep | WaitingStep }[] = [];
  for (const row of inserted) {
    const r = byKey.get(`${row.program_id}\n${row.customer_id}\n${row.trigger_key}`)!;
    const plan = planRun(r.program, doc.version, r.o, { timeZone: r.ctx.timeZone, workingHours: doc.workingHours });
    // A step waiting for an event is stored without a due: no clock picks it up until the event sets one.
    for (const step of [...plan.steps, ...plan.waiting]) steps.push({ runId: row.id, storeId: r.ctx.storeId, step });
  }
  if (steps.length > 0) {
    await db.query(
      `INSERT INTO program_steps (key, run_id, store_id, customer_id, step_id, kind, planned, due, status)
       SELECT u.key, u.run_id, u.store_id, u.customer_id, u.step_id, u.kind, u.planned, u.due, 'pending'
         FROM jsonb_to_recordset($1::jsonb)
              AS u(key text, run_id bigint, store_id text, customer_id text, step_id text, kind text, planned jsonb, due timestamptz)
       ON CONFLICT (key) DO NOTHING`,
      [JSON.stringify(steps.map((s) => ({
        key: s.step.key, run_id: s.runId, store_id: s.storeId, customer_id: s.step.customerId, step_id: s.step.step, kind: s.step.kind,
        planned: s.step, due: s.step.due,
      })))],
    );
  }
  return inserted.map((r) => r.id);
}

/** Starts every enabled program one trigger matches, for one customer. */
export function startPrograms(db: Db, ctx: CustomerContext, doc: ProgramDocument, t: Trigger, now: Date): Promise<number> {
  return startProgramsFor(db, doc, [{ ctx, trigger: t }], now);
}
