import { assignee, type Assignment } from '../programs/assignee.js';
import { planRun } from '../programs/plan-steps.js';
import type { ProgramDocument } from '../programs/program-schema.js';
import type { Fact, PlannedStep, TriggerOccurrence, WaitingStep } from '../programs/types.js';
import type { Db } from '../store/db.js';
import { getOpenWarning } from '../store/read-warnings.js';
import { loadCustomerContext } from './programs/customer-context.js';
import { latestEvaluationView, occurrenceFacts } from './programs/occurrence-facts.js';
import { isoInZone } from './programs/store-time.js';

export interface PreviewStep {
  /** A timed step, or one waiting for an event within the run (no due time until it happens). */
  step: PlannedStep | WaitingStep;
  /** Who would do it: automated, a named staff member, or nobody (and why). */
  assignee: Assignment & { staffName?: string };
}

export interface ProgramPreview {
  programId: string;
  version: string;
  enabled: boolean;
  customerId: string;
  occurrence: TriggerOccurrence;
  steps: PreviewStep[];
}

/**
 * What a program would do for one customer if its trigger fired at `now` — which steps, when, to
 * whom — planned exactly as the engine plans a run (same facts, same planner), but only read:
 * nothing is written, so a preview never starts a run, opens a task or queues a message.
 * Null when the document has no such program.
 */
export async function previewProgram(db: Db, doc: ProgramDocument, programId: string, customerId: string, now: Date): Promise<ProgramPreview | null> {
  const program = doc.programs.find((p) => p.id === programId);
  if (!program) return null;
  const ctx = await loadCustomerContext(db, customerId);
  const view = await latestEvaluationView(db, customerId);
  const warning = await getOpenWarning(db, customerId);
  const facts: Record<string, Fact> = view ? occurrenceFacts(ctx, view) : {};
  const occurrence: TriggerOccurrence = {
    programId, triggerKey: 'preview', customerId, at: isoInZone(now, ctx.timeZone), facts,
    ...(program.trigger.kind === 'warning' && program.trigger.source === 'risk' && warning ? { reasons: warning.reasons } : {}),
    ...(view ? { lastVisitAt: view.lastVisitDay } : {}),
  };
  // The planner honours `enabled`; a preview shows the plan of a disabled program too, marked as such.
  const plan = planRun({ ...program, enabled: true }, doc.version, occurrence, { timeZone: ctx.timeZone, workingHours: doc.workingHours });
  const steps = [...plan.steps, ...plan.waiting].map((step) => {
    const who = assignee(step.role, ctx.customer, ctx.staff, ctx.stores);
    const name = who.kind === 'assigned' ? ctx.staff.find((s) => s.id === who.staffId)?.name : undefined;
    return { step, assignee: name === undefined ? who : { ...who, staffName: name } };
  });
  return { programId, version: doc.version, enabled: program.enabled, customerId, occurrence, steps };
}
