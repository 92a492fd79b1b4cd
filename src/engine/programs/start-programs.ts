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
  const inserted = await db.query<{ id: number; program_id: string; customer_id: string; trigger_key: string }>(
    `INSERT INTO program_runs (store_id, customer_id, program_id, program_version, trigger_key, occurrence, stop_when, scope, started_at, status)
     SELECT u.store_id, u.customer_id, u.program_id, $8, u.trigger_key, u.occurrence::jsonb, u.stop_when::text[], u.scope, $9, 'active'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
            AS u(store_id, customer_id, program_id, trigger_key, occurrence, stop_when, scope, n)
      ORDER BY u.n
     ON CONFLICT (program_id, customer_id, trigger_key) DO NOTHING
     RETURNING id, program_id, customer_id, trigger_key`,
    [runs.map((r) => r.ctx.storeId), runs.map((r) => r.o.customerId), runs.map((r) => r.program.id), runs.map((r) => r.o.triggerKey),
      runs.map((r) => JSON.stringify(r.o)), runs.map((r) => `{${r.program.stopWhen.join(',')}}`), runs.map((r) => r.scope), doc.version, now],
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
       SELECT u.key, u.run_id, u.store_id, u.customer_id, u.step_id, u.kind, u.planned::jsonb, u.due::timestamptz, 'pending'
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              AS u(key, run_id, store_id, customer_id, step_id, kind, planned, due)
       ON CONFLICT (key) DO NOTHING`,
      [steps.map((s) => s.step.key), steps.map((s) => s.runId), steps.map((s) => s.storeId), steps.map((s) => s.step.customerId),
        steps.map((s) => s.step.step), steps.map((s) => s.step.kind), steps.map((s) => JSON.stringify(s.step)), steps.map((s) => s.step.due)],
    );
  }
  return inserted.map((r) => r.id);
}

/** Starts every enabled program one trigger matches, for one customer. */
export function startPrograms(db: Db, ctx: CustomerContext, doc: ProgramDocument, t: Trigger, now: Date): Promise<number> {
  return startProgramsFor(db, doc, [{ ctx, trigger: t }], now);
}
