/**
 * What a warning asks for and by when, from programs.md §1 (the three-level response): red →
 * the service manager calls within 24 h; orange → the customer's advisor calls within 72 h;
 * yellow → an automated care message, its response checked after 48 h. The clock starts when
 * the warning reached its level. Until the task engine's tasks exist, the lists show this;
 * afterwards the open task's own deadline and assignee replace it.
 */
export type RequiredAction = 'manager_call' | 'advisor_call' | 'care_message';

const RESPONSE: Record<string, { action: RequiredAction; role: string; hours: number }> = {
  red: { action: 'manager_call', role: 'service_manager', hours: 24 },
  orange: { action: 'advisor_call', role: 'advisor', hours: 72 },
  yellow: { action: 'care_message', role: 'automated', hours: 48 },
};

export function requiredAction(
  warningLevel: string | null,
  since: Date | null,
): { action: RequiredAction; role: string; deadline: string } | null {
  const r = warningLevel ? RESPONSE[warningLevel] : undefined;
  if (!r || !since) return null;
  return { action: r.action, role: r.role, deadline: new Date(since.getTime() + r.hours * 3_600_000).toISOString() };
}
