import { toDuration } from './duration.js';
import type { HumanRole, WorkingHours } from './program-schema.js';
import { deadlineFrom, formatInstant, instantIn, startAt, type StoreClock } from './step-clock.js';
import type { PlannedStep } from './types.js';

/**
 * A task (or an automated message with a response window) as the engine holds it: the planned
 * step's key and escalation ladder, the rung it is on (0 = as planned) and whether it is done.
 */
export interface EscalatableTask extends Pick<PlannedStep, 'key' | 'deadline' | 'escalation' | 'timing'> {
  rung: number;
  /** An outcome was recorded (or the response came): nothing to escalate. */
  done: boolean;
}

export type Escalation =
  | {
      kind: 'task';
      /** `stepKey#escN`: stable, so escalating twice creates one task. */
      key: string;
      stepKey: string;
      rung: number;
      role: HumanRole;
      /** The new task starts when the old deadline was missed, not when a worker noticed. */
      due: string;
      deadline: string;
    }
  | { kind: 'raise_level'; key: string; stepKey: string; rung: number; level: 'orange' | 'red'; at: string };

export function escalationKey(stepKey: string, rung: number): string {
  return `${stepKey}#esc${rung}`;
}

/**
 * What a missed deadline does at `now`: the next rung of the step's ladder, or null (not yet
 * due, done, no deadline, or the ladder is exhausted). Deadlines are counted from the missed
 * deadline so a late worker, a replay and a live run agree; a worker that was down long enough
 * sees the whole ladder fall due at once, which is what should have happened.
 */
export function planEscalation(task: EscalatableTask, now: string, ctx: { timeZone: string; workingHours: WorkingHours }): Escalation | null {
  if (task.done || task.deadline === null) return null;
  const missed = instantIn(task.deadline, ctx.timeZone);
  if (instantIn(now, ctx.timeZone) < missed) return null;
  const next = task.escalation[task.rung];
  if (next === undefined) return null;
  const rung = task.rung + 1;
  const key = escalationKey(task.key, rung);
  if ('raiseLevel' in next) return { kind: 'raise_level', key, stepKey: task.key, rung, level: next.raiseLevel, at: formatInstant(missed) };
  const clock: StoreClock = { timeZone: ctx.timeZone, workingHours: ctx.workingHours };
  const start = startAt(missed, task.timing, clock);
  return {
    kind: 'task',
    key,
    stepKey: task.key,
    rung,
    role: next.role,
    due: formatInstant(start),
    deadline: formatInstant(deadlineFrom(start, toDuration(next.deadline), task.timing, clock)),
  };
}
