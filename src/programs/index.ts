/** Programs (programs.md): the document, the shipped presets and the pure planning functions. */
export { parsePrograms, type ProgramError, type ProgramsResult } from './parse-programs.js';
export { defaultPrograms } from './default-programs.js';
export {
  programDocumentSchema, workingHoursSchema, stepRoles, taskTypes, messageChannels, triggerEvents, segments, stopKinds, stepEvents,
  type ProgramDocument, type Program, type ProgramStep, type TaskStep, type MessageStep, type ProgramTrigger,
  type EscalationRung, type WorkingHours, type StepRole, type HumanRole, type TaskType, type MessageChannel,
  type TriggerEvent, type StopKind, type StepEvent, type IfTimePassed,
} from './program-schema.js';
export { parseDuration, type Duration, type DurationInput } from './duration.js';
export type { Fact, TaskCategory, TriggerOccurrence, PlannedStep, PlannedTask, PlannedMessage, WaitingStep, EventStart } from './types.js';
export { planSteps, planProgram, planRun, stepKey, type PlanContext, type RunPlan } from './plan-steps.js';
export { releaseStep } from './release-step.js';
export { planEscalation, escalationKey, type EscalatableTask, type Escalation } from './plan-escalation.js';
export {
  earlyWarningCall, mergeEarlyWarningCalls, decideEarlyWarningTask, compareUrgency,
  type EarlyWarningCall, type OpenEarlyWarningTask, type EarlyWarningDecision,
} from './merge-early-warning.js';
export { checkStop, applyStop, startsStep, isOptOutReply, type StopEvent, type Stop, type StopEffect } from './check-stop.js';
export { assignee, type Assignment } from './assignee.js';
export { programsFor, triggerMatches, type Happening } from './match-trigger.js';
export { snapToWorking, addWorkingMinutes } from './working-time.js';
