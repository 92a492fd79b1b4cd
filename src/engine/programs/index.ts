/**
 * The program engine (programs.md): warnings and events become owned, deadlined, escalating
 * work and outbox messages, persisted and idempotent, driven by an explicit clock (`now` is
 * always a parameter). The worker and the task API build on these functions.
 */

// Reactions. Both are already wired in: reactToEvaluations runs in the evaluation's
// transaction (evaluate-and-store.ts), reactToNewEvents before every re-evaluation
// (reevaluate-customers.ts), so the API, `import` and the replay all react.
/** Compares each stored evaluation with the last one seen: warning actions, programs started and stopped, due work opened. */
export { reactToEvaluations } from './react-to-evaluations.js';
/** Events of the last EVENT_WINDOW_DAYS not yet seen: opt-outs, stops, call outcomes, event-triggered programs. */
export { reactToNewEvents, markEventsSeen, EVENT_WINDOW_DAYS } from './react-to-events.js';

// The clock. A worker calls processDue in a loop (several processes may: items are claimed
// with FOR UPDATE SKIP LOCKED, one transaction each) and can sleep until nextDueAt.
/** Does what is due at `now` (steps, outbox, response windows, escalations); returns how many items. */
export { processDue, nextDueAt, type ProcessOptions } from './process-due.js';
/** Channel adapters per message channel, passed to processDue (log by default). */
export { channelRegistry, logChannels, type ChannelRegistry } from './channel-registry.js';

// What people do.
/** Outcome of a task: reached / booked / refused / wrong_number close it, no_answer counts an attempt. */
export {
  recordOutcome, reassignTask, taskOutcomeSchema, taskResults, churnReasonValues, type TaskOutcome, type TaskResult, type OutcomeResult,
} from './record-outcome.js';
/** Give up on a customer (farewell once, outreach stops), do-not-contact, the 90-day review list. */
export { abandonCustomer, setDoNotContact, abandonedForReview, markAbandonReviewed, type AbandonInput } from './abandon-customer.js';

// Configuration and reading.
/** The program document in force (versioned like the policy) and activating a new one. */
export { getActivePrograms, activatePrograms } from './active-programs.js';
/** The contact policy in force (quiet hours, cap, opt-out words, retries), versioned the same way. */
export { getActiveContactPolicy, activateContactPolicy } from './active-contact-policy.js';
/** The action log in §14 form, in time order. */
export { listActions, type PrintedAction } from './list-actions.js';
export type { ActionFields, ActionKind } from './record-action.js';

// The replay of §14.
/** `retain simulate`: the whole engine on a throw-away store and a virtual clock. */
export { simulate, resolveWindow, SimulateInputError, type SimulateInput, type SimulateResult } from './simulate.js';
