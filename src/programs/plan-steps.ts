import type { DateTime } from 'luxon';
import { toDuration } from './duration.js';
import type { Program, ProgramDocument, ProgramStep, StepEvent, WorkingHours } from './program-schema.js';
import { deadlineFrom, formatInstant, instantIn, landing, startAt, type StoreClock } from './step-clock.js';
import { fillId, stepApplies } from './step-filters.js';
import type { PlannedStep, TaskCategory, TriggerOccurrence, WaitingStep } from './types.js';

/** The store the plan is for: its IANA zone, and its own working hours if it has them. */
export interface PlanContext {
  timeZone: string;
  workingHours?: WorkingHours;
}

export function stepKey(o: Pick<TriggerOccurrence, 'programId' | 'customerId' | 'triggerKey'>, stepId: string): string {
  return `${o.programId}/${o.customerId}/${o.triggerKey}/${stepId}`;
}

/** The store-local day a step counts from, when it is not the trigger: the last visit's or the care moment's. */
function anchorDay(step: ProgramStep, o: TriggerOccurrence): string | undefined {
  return step.anchor === 'last_visit' ? o.lastVisitAt : o.momentAt;
}

/**
 * When a step falls. Trigger-anchored: trigger + offset. Last-visit-anchored: the store-local
 * start of the last visit's day + offset (so `P35D` is the day `R` reaches 35); moment-anchored
 * likewise from the care moment's day (10:00 on the birthday). Null when the
 * step's moment had passed before the trigger's day (R = 35 is not sent when yellow starts at R = 40);
 * a moment earlier on the trigger's own day becomes the trigger.
 */
function dueOf(step: ProgramStep, o: TriggerOccurrence, trigger: DateTime, program: Program, clock: StoreClock): DateTime | null {
  let base: DateTime;
  if (step.anchor !== 'trigger') {
    const day = anchorDay(step, o);
    if (day === undefined) return null;
    base = instantIn(day, clock.timeZone).startOf('day');
  } else base = trigger;
  let t = landing(base, toDuration(step.offset), step);
  if (t < trigger) {
    if (t.startOf('day') < trigger.startOf('day')) return null;
    t = trigger;
  }
  return startAt(t, program.timing, clock);
}

function categoryOf(program: Program): TaskCategory {
  const kind = program.trigger.kind;
  return kind === 'warning' ? 'warning' : kind === 'care' ? 'care' : 'follow_up';
}

/** What a step is, whenever it falls: everything of the plan but its due and deadline. */
function stepFields(step: ProgramStep, program: Program, version: string, o: TriggerOccurrence) {
  const facts = o.facts ?? {};
  const first = step.escalation[0];
  const base = {
    key: stepKey(o, step.id),
    programId: program.id,
    programVersion: version,
    triggerKey: o.triggerKey,
    customerId: o.customerId,
    step: step.id,
    role: step.role,
    escalateTo: first === undefined ? null : 'role' in first ? first.role : first.raiseLevel,
    escalation: step.escalation.map((r) => ({ ...r })),
    timing: program.timing,
    slot: step.kind === 'task' ? (step.slot ?? null) : null,
    category: categoryOf(program),
    needs: step.needs === undefined ? null : stepKey(o, step.needs),
    ignoresStop: step.ignoresStop,
    // A warning program knows its level even when the occurrence does not say it.
    level: o.level ?? (program.trigger.kind === 'warning' ? program.trigger.level : null),
    reasons: [...(o.reasons ?? [])],
    subjectId: o.subjectId ?? null,
  };
  return step.kind === 'task'
    ? { ...base, kind: 'task' as const, taskType: step.taskType, script: fillId(step.script, facts) }
    : { ...base, kind: 'message' as const, channel: step.channel, purpose: step.purpose, template: fillId(step.template, facts) };
}

/** A timed step's due and deadline, in the stored form. */
interface StepTimes {
  due: string;
  deadline: string | null;
}

function timesOf(step: ProgramStep, o: TriggerOccurrence, trigger: DateTime, program: Program, clock: StoreClock): StepTimes | null {
  const due = dueOf(step, o, trigger, program, clock);
  if (due === null) return null;
  const deadline = step.deadline === undefined ? null : deadlineFrom(due, toDuration(step.deadline), program.timing, clock);
  return { due: formatInstant(due), deadline: deadline === null ? null : formatInstant(deadline) };
}

// Timing a step is calendar arithmetic in the store's zone (luxon), and an evaluation run plans
// the same steps from the same moment for thousands of customers: a first run spent most of its
// planning here. The times are remembered by everything that decides them (the program and its
// working hours by identity, the rest in the key); a program's store is emptied when it grows
// large, so a long-running server keeps it bounded.
const remembered = new WeakMap<Program, WeakMap<WorkingHours, Map<string, StepTimes | null>>>();
const REMEMBERED_PER_PROGRAM = 10_000;

function rememberedTimesOf(step: ProgramStep, o: TriggerOccurrence, trigger: () => DateTime, program: Program, clock: StoreClock): StepTimes | null {
  let byHours = remembered.get(program);
  if (!byHours) remembered.set(program, (byHours = new WeakMap()));
  let times = byHours.get(clock.workingHours);
  if (!times) byHours.set(clock.workingHours, (times = new Map()));
  const anchor = step.anchor === 'trigger' ? '' : (anchorDay(step, o) ?? '-');
  const key = `${step.id}\n${clock.timeZone}\n${o.at}\n${anchor}`;
  const known = times.get(key);
  if (known !== undefined || times.has(key)) return known ?? null;
  const computed = timesOf(step, o, trigger(), program, clock);
  if (times.size >= REMEMBERED_PER_PROGRAM) times.clear();
  times.set(key, computed);
  return computed;
}

function planWaiting(step: ProgramStep & { after: StepEvent }, program: Program, version: string, o: TriggerOccurrence, clock: StoreClock): WaitingStep {
  return {
    ...stepFields(step, program, version, o), due: null, deadline: null,
    start: {
      after: step.after, offset: toDuration(step.offset), atLocalTime: step.atLocalTime ?? null, ifTimePassed: step.ifTimePassed ?? 'next_day',
      deadline: step.deadline === undefined ? null : toDuration(step.deadline), workingHours: clock.workingHours,
    },
  };
}

/** A run's plan: the steps with their times, and the steps waiting for an event of the run (`after`). */
export interface RunPlan {
  steps: PlannedStep[];
  waiting: WaitingStep[];
}

/**
 * The plan of one program for one trigger occurrence, each timed step with absolute due and
 * deadline in the store's zone. Pure: the same (program, version, occurrence, zone, hours) always
 * gives the same steps and keys. A disabled program plans nothing; steps whose `when` does not
 * hold, or whose moment passed before the trigger's day, are left out.
 */
export function planRun(program: Program, version: string, o: TriggerOccurrence, ctx: PlanContext & { workingHours: WorkingHours }): RunPlan {
  const plan: RunPlan = { steps: [], waiting: [] };
  if (!program.enabled) return plan;
  const clock: StoreClock = { timeZone: ctx.timeZone, workingHours: ctx.workingHours };
  // Read once per run, and only when a step's times are not remembered.
  let triggerAt: DateTime | undefined;
  const trigger = () => (triggerAt ??= instantIn(o.at, ctx.timeZone));
  const facts = o.facts ?? {};
  const kept = new Set<string>();
  for (const step of program.steps) {
    if (!stepApplies(step, facts)) continue;
    // A step needing one that was never planned can never be reached.
    if (step.needs !== undefined && !kept.has(step.needs)) continue;
    if (step.after !== undefined) {
      kept.add(step.id);
      plan.waiting.push(planWaiting({ ...step, after: step.after }, program, version, o, clock));
      continue;
    }
    const times = rememberedTimesOf(step, o, trigger, program, clock);
    if (times === null) continue;
    kept.add(step.id);
    plan.steps.push({ ...stepFields(step, program, version, o), ...times });
  }
  return plan;
}

/** The timed steps of a run's plan (a step waiting for an event has no time to show yet). */
export function planProgram(program: Program, version: string, o: TriggerOccurrence, ctx: PlanContext & { workingHours: WorkingHours }): PlannedStep[] {
  return planRun(program, version, o, ctx).steps;
}

/** Plans an occurrence against a program document (its version, and its working hours unless the store has its own). */
export function planSteps(doc: ProgramDocument, o: TriggerOccurrence, ctx: PlanContext): PlannedStep[] {
  const program = doc.programs.find((p) => p.id === o.programId);
  // A program removed since the trigger was recorded plans nothing rather than failing the engine.
  if (!program) return [];
  return planProgram(program, doc.version, o, { timeZone: ctx.timeZone, workingHours: ctx.workingHours ?? doc.workingHours });
}
