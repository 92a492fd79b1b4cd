import { deadlineFrom, formatInstant, instantIn, landing, startAt } from './step-clock.js';
import type { PlannedStep, WaitingStep } from './types.js';

/**
 * The step a waiting step becomes when its event happens at `eventAt`: its offset counts from
 * the event (then its local time of day, then working hours), its deadline from that start —
 * the same arithmetic as a step timed from the trigger. Pure.
 */
export function releaseStep(w: WaitingStep, eventAt: string, timeZone: string): PlannedStep {
  const { start, ...step } = w;
  const clock = { timeZone, workingHours: start.workingHours };
  const due = startAt(landing(instantIn(eventAt, timeZone), start.offset, start), step.timing, clock);
  const deadline = start.deadline === null ? null : formatInstant(deadlineFrom(due, start.deadline, step.timing, clock));
  return { ...step, due: formatInstant(due), deadline } as PlannedStep;
}
