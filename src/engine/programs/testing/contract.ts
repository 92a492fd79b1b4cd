/** The §14 contract's fields per action kind (beyond at, kind, customerId), for the tests to hold the output to. */
export const CONTRACT_FIELDS: Record<string, { required: string[]; optional?: string[] }> = {
  warning_opened: { required: ['level', 'reasons'] },
  warning_changed: { required: ['level'] },
  warning_closed: { required: ['level'] },
  task_created: { required: ['taskId', 'type', 'role', 'assigneeId', 'due', 'program', 'step'] },
  task_escalated: { required: ['taskId', 'newTaskId', 'role'], optional: ['assigneeId', 'due'] },
  task_closed: { required: ['taskId', 'outcome'] },
  message_queued: { required: ['channel', 'purpose'] },
  message_sent: { required: ['channel', 'purpose'] },
  message_held: { required: ['channel', 'purpose', 'reason'], optional: ['until'] },
  message_blocked: { required: ['channel', 'purpose', 'reason'] },
};

export const HOLD_OR_BLOCK_REASONS = ['quiet_hours', 'frequency_cap', 'no_consent', 'do_not_contact', 'lifecycle', 'duplicate'];

/** Problems of one printed action against the contract (empty when it holds). */
export function contractProblems(a: Record<string, unknown>): string[] {
  const spec = CONTRACT_FIELDS[String(a['kind'])];
  if (!spec) return [`unknown kind ${String(a['kind'])}`];
  const problems: string[] = [];
  const allowed = new Set(['at', 'kind', 'customerId', ...spec.required, ...(spec.optional ?? [])]);
  for (const k of ['at', 'kind', 'customerId', ...spec.required]) if (!(k in a)) problems.push(`${String(a['kind'])}: missing ${k}`);
  for (const k of Object.keys(a)) if (!allowed.has(k)) problems.push(`${String(a['kind'])}: unexpected ${k}`);
  if (typeof a['at'] !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(a['at'])) problems.push(`bad at ${String(a['at'])}`);
  if ('reason' in a && !HOLD_OR_BLOCK_REASONS.includes(String(a['reason']))) problems.push(`bad reason ${String(a['reason'])}`);
  return problems;
}
