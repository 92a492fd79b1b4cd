import type { Customer, Staff, Store } from '../domain/records.js';
import type { StepRole } from './program-schema.js';

export type Assignment =
  | { kind: 'automated' }
  | { kind: 'assigned'; staffId: string }
  /** Nobody to give it to: the retention specialist's morning briefing shows it as unassigned. */
  | { kind: 'unassigned'; reason: 'no_advisor' | 'advisor_unknown' | 'no_holder'; role: StepRole };

/**
 * Who does a step. `advisor` is the customer's own advisor and nobody else (the spec says "the
 * customer's own SA"; handing it to a random colleague would hide the gap). Any other role is its
 * holder at the customer's store — the first by id when several hold it, so the answer is stable;
 * a general manager may sit at another store of the same region (they see the region).
 */
export function assignee(
  role: StepRole,
  customer: Pick<Customer, 'storeId' | 'advisorId'>,
  staff: readonly Pick<Staff, 'id' | 'storeId' | 'role'>[],
  stores: readonly Pick<Store, 'id' | 'region'>[] = [],
): Assignment {
  if (role === 'automated') return { kind: 'automated' };
  if (role === 'advisor') {
    if (!customer.advisorId) return { kind: 'unassigned', reason: 'no_advisor', role };
    const own = staff.find((s) => s.id === customer.advisorId);
    return own ? { kind: 'assigned', staffId: own.id } : { kind: 'unassigned', reason: 'advisor_unknown', role };
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const atStore = staff.filter((s) => s.role === role && s.storeId === customer.storeId).sort(byId);
  if (atStore[0]) return { kind: 'assigned', staffId: atStore[0].id };
  if (role === 'general_manager') {
    const region = stores.find((s) => s.id === customer.storeId)?.region;
    const sameRegion = new Set(stores.filter((s) => region !== undefined && s.region === region).map((s) => s.id));
    const gm = staff.filter((s) => s.role === role && sameRegion.has(s.storeId)).sort(byId)[0];
    if (gm) return { kind: 'assigned', staffId: gm.id };
  }
  return { kind: 'unassigned', reason: 'no_holder', role };
}
