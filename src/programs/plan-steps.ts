import type { DateTime } from 'luxon';
import { toDuration } from './duration.js';
import type { Program, ProgramDocument, ProgramStep, WorkingHours } from './program-schema.js';
import { addWall, atLocalTime, deadlineFrom, formatInstant, instantIn, startAt, type StoreClock } from './step-clock.js';
import { fillId, stepApplies } from './step-filters.js';
import type { PlannedStep, TriggerOccurrence } from './types.js';

/** The store the plan is for: its IANA zone, and its own working hours if it has them. */
export interface PlanContext {
  timeZone: string;
  workingHours?: WorkingHours;
}

export function stepKey(o: Pick<TriggerOccurrence, 'programId' | 'customerId' | 'triggerKey'>, stepId: string): string {
  return `${o.programId}/${o.customerId}/${o.triggerKey}/${stepId}`;
}

/**
 * When a step falls. Trigger-anchored: trigger + offset. Last-visit-anchored: the store-local
 * start of the last visit's day + offset (so `P35D` is the day `R` reaches 35). Null when the
 * step's moment had passed before the trigger's day (R = 35 is not sent when yellow starts at R = 40);
 * a moment earlier on the trigger's own day becomes the trigger.
 */
function dueOf(step: ProgramStep, o: TriggerOccurrence, trigger: DateTime, program: Program, clock: StoreClock): DateTime | null {
  let base: DateTime;
  if (step.anchor === 'last_visit') {
    if (o.lastVisitAt === undefined) return null;
    base = instantIn(o.lastVisitAt, clock.timeZone).startOf('day');
  } else base = trigger;
  let t = addWall(base, toDuration(step.offset));
  if (step.atLocalTime !== undefined) t = atLocalTime(t, step.atLocalTime);
  if (t < trigger) {
    if (t.startOf('day') < trigger.startOf('day')) return null;
    t = trigger;
  }
  return startAt(t, program.timing, clock);
}

function planOne(step: ProgramStep, program: Program, version: string, o: TriggerOccurrence, due: DateTime, clock: StoreClock): PlannedStep {
  const facts = o.facts ?? {};
  const deadline = step.deadline === undefined ? null : deadlineFrom(due, toDuration(step.deadline), program.timing, clock);
  const first = step.escalation[0];
  const base = {
    key: stepKey(o, step.id),
    programId: program.id,
    programVersion: version,
    triggerKey: o.triggerKey,
    customerId: o.customerId,
    step: step.id,
    role: step.role,
    due: formatInstant(due),
    deadline: deadline === null ? null : formatInstant(deadline),
    escalateTo: first === undefined ? null : 'role' in first ? first.role : first.raiseLevel,
    escalation: step.escalation.map((r) => ({ ...r })),
    timing: program.timing,
    slot: step.kind === 'task' ? (step.slot ?? null) : null,
    needs: step.needs === undefined ? null : stepKey(o, step.needs),
    ignoresStop: step.ignoresStop,
    // A warning program knows its level even when the occurrence does not say it.
    level: o.level ?? (program.trigger.kind === 'warning' ? program.trigger.level : null),
    reasons: [...(o.reasons ?? [])],
    subjectId: o.subjectId ?? null,
  };
  return step.kind === 'task'
    ? { ...base, kind: 'task', taskType: step.taskType, script: fillId(step.script, facts) }
    : { ...base, kind: 'message', channel: step.channel, purpose: step.purpose, template: fillId(step.template, facts) };
}

/**
 * The planned steps of one program for one trigger occurrence, each with absolute due and
 * deadline in the store's zone. Pure: the same (program, version, occurrence, zone, hours) always
 * gives the same steps and keys. A disabled program plans nothing; steps whose `when` does not
 * hold, or whose moment passed before the trigger's day, are left out.
 */
export function planProgram(program: Program, version: string, o: TriggerOccurrence, ctx: PlanContext & { workingHours: WorkingHours }): PlannedStep[] {
  if (!program.enabled) return [];
  const clock: StoreClock = { timeZone: ctx.timeZone, workingHours: ctx.workingHours };
  const trigger = instantIn(o.at, ctx.timeZone);
  const facts = o.facts ?? {};
  const planned: PlannedStep[] = [];
  const kept = new Set<string>();
  for (const step of program.steps) {
    if (!stepApplies(step, facts)) continue;
    // A step needing one that was never planned can never be reached.
    if (step.needs !== undefined && !kept.has(step.needs)) continue;
    const due = dueOf(step, o, trigger, program, clock);
    if (due === null) continue;
    kept.add(step.id);
    planned.push(planOne(step, program, version, o, due, clock));
  }
  return planned;
}

/** Plans an occurrence against a program document (its version, and its working hours unless the store has its own). */
export function planSteps(doc: ProgramDocument, o: TriggerOccurrence, ctx: PlanContext): PlannedStep[] {
  const program = doc.programs.find((p) => p.id === o.programId);
  // A program removed since the trigger was recorded plans nothing rather than failing the engine.
  if (!program) return [];
  return planProgram(program, doc.version, o, { timeZone: ctx.timeZone, workingHours: ctx.workingHours ?? doc.workingHours });
}
