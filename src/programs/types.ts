import type { Level } from '../domain/evaluation.js';
import type { Duration } from './duration.js';
import type { EscalationRung, HumanRole, IfTimePassed, MessageChannel, StepEvent, StepRole, TaskType, WorkingHours } from './program-schema.js';
import type { Timing } from './step-clock.js';

/** A fact of the trigger occurrence that steps can test (`when`) and scripts can name (`{dormantType}`). */
export type Fact = string | number | boolean;

/**
 * One occurrence of a program's trigger. `triggerKey` is stable for the same real-world cause
 * (the warning id and level, the event id, the segment entry date), so planning it again yields
 * the same step keys and nothing is done twice.
 */
export interface TriggerOccurrence {
  programId: string;
  triggerKey: string;
  customerId: string;
  /** The instant of the trigger (ISO 8601; without an offset it is store-local wall time). */
  at: string;
  level?: Level;
  reasons?: string[];
  /** The visit, complaint or post the program is about: stop events must concern the same one. */
  subjectId?: string;
  /** For steps anchored on the last visit (`R` reaches n = the local day of the last visit + n). */
  lastVisitAt?: string;
  /** For steps anchored on a care moment: its store-local day (`YYYY-MM-DD`). */
  momentAt?: string;
  /** e.g. byRecency, topValue, valueTier, dormantType, churnReason. */
  facts?: Record<string, Fact>;
}

/**
 * What a task is for, as the inbox sorts it: a warning's work, proactive care before any warning,
 * or a follow-up of something that happened (a visit, a complaint, a chase, a recall).
 */
export type TaskCategory = 'warning' | 'care' | 'follow_up';

interface PlannedBase {
  /** `programId/customerId/triggerKey/stepId`: the idempotency key the engine persists. */
  key: string;
  programId: string;
  programVersion: string;
  triggerKey: string;
  customerId: string;
  /** The step id within the program. */
  step: string;
  role: StepRole;
  /** Absolute, with the store's offset. */
  due: string;
  /** Absolute, or null when the step has no deadline. */
  deadline: string | null;
  /** The first rung of the escalation: a role, or the warning level raised (yellow → orange). */
  escalateTo: HumanRole | 'orange' | 'red' | null;
  escalation: EscalationRung[];
  timing: Timing;
  slot: 'early_warning' | null;
  /** From the program's trigger kind; plans stored before categories existed have none (read as follow_up). */
  category?: TaskCategory;
  /** The key of the step this one needs (it happens only if that one was reached before a stop). */
  needs: string | null;
  ignoresStop: boolean;
  level: Level | null;
  reasons: string[];
  subjectId: string | null;
}

export interface PlannedTask extends PlannedBase {
  kind: 'task';
  taskType: TaskType;
  script: string | null;
}

export interface PlannedMessage extends PlannedBase {
  kind: 'message';
  channel: MessageChannel;
  purpose: string;
  template: string | null;
}

export type PlannedStep = PlannedTask | PlannedMessage;

/**
 * How a step waiting for an event (`after`) is timed once the event happens, fixed when the run
 * is planned like every other step's times: the offset from the event, the local time, the time
 * allowed, and the working hours of a working-time program.
 */
export interface EventStart {
  after: StepEvent;
  offset: Duration;
  atLocalTime: string | null;
  ifTimePassed: IfTimePassed;
  deadline: Duration | null;
  workingHours: WorkingHours;
}

type Waiting<P extends PlannedBase> = Omit<P, 'due' | 'deadline'> & { due: null; deadline: null; start: EventStart };

/** A step of the run that has no due time until its event happens within the run. */
export type WaitingStep = Waiting<PlannedTask> | Waiting<PlannedMessage>;
