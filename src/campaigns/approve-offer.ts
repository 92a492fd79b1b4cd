import { approverRoles, type ApproverRole, type RequesterRole, type RetentionSettings } from './settings-schema.js';

export type OfferDecision =
  | { kind: 'granted' }
  | { kind: 'needs_approval'; approverRole: ApproverRole }
  | { kind: 'refused'; reason: 'over_budget' | 'above_every_limit' };

const within = (limit: number | null, cost: number) => limit === null || cost <= limit;

/**
 * Whether an offer of `cost` may be given (programs.md §8): never past the campaign's budget
 * (`remaining`); within the giver's approval limit it is granted; above it, it goes to the first
 * of store manager, general manager whose limit covers it, as an approval task.
 */
export function decideOffer(
  cost: number, requester: RequesterRole, limits: RetentionSettings['approvalLimits'], remaining: number | null,
): OfferDecision {
  if (remaining !== null && cost > remaining + 1e-9) return { kind: 'refused', reason: 'over_budget' };
  if (within(limits[requester], cost)) return { kind: 'granted' };
  const approver = approverRoles.find((r) => within(limits[r], cost));
  return approver ? { kind: 'needs_approval', approverRole: approver } : { kind: 'refused', reason: 'above_every_limit' };
}

/** Whether this approver may approve an offer of `cost`. */
export function mayApprove(role: RequesterRole, cost: number, limits: RetentionSettings['approvalLimits']): boolean {
  return (approverRoles as readonly string[]).includes(role) || role === 'admin' ? within(limits[role], cost) : false;
}
