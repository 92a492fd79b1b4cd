/** The outbox rules of programs.md §10: pure functions, no I/O, `now` always a parameter. */
export * from './outbox-types.js';
export { contactPolicySchema, parseContactPolicy, type ContactPolicy, type ContactPolicyResult } from './contact-policy.js';
export { defaultContactPolicy } from './default-contact-policy.js';
export { decideSend, type DecideSendInput } from './decide-send.js';
export { quietHoursEnd } from './quiet-hours.js';
export { frequencyCapHold, type CapHold } from './frequency-cap.js';
export { detectOptOut, type OptOutResult } from './detect-opt-out.js';
export { nextRetry, type RetryStep } from './retry-schedule.js';
export { contactFactsFromEvents, recipientOf, historyOf, type ContactFacts } from './contact-history.js';
