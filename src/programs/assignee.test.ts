import { describe, expect, it } from 'vitest';
import { assignee } from './assignee.js';

const staff = [
  { id: 'sa1', storeId: 's1', role: 'advisor' as const },
  { id: 'sm2', storeId: 's1', role: 'service_manager' as const },
  { id: 'sm1', storeId: 's1', role: 'service_manager' as const },
  { id: 'st9', storeId: 's2', role: 'store_manager' as const },
  { id: 'gm1', storeId: 's3', role: 'general_manager' as const },
];
const stores = [{ id: 's1', region: 'east' }, { id: 's2', region: 'west' }, { id: 's3', region: 'east' }];
const customer = { storeId: 's1', advisorId: 'sa1' };

describe('who does a step', () => {
  it('advisor → the customer\'s own advisor only', () => {
    expect(assignee('advisor', customer, staff)).toEqual({ kind: 'assigned', staffId: 'sa1' });
    expect(assignee('advisor', { storeId: 's1', advisorId: null }, staff)).toEqual({ kind: 'unassigned', reason: 'no_advisor', role: 'advisor' });
    expect(assignee('advisor', { storeId: 's1', advisorId: 'gone' }, staff)).toEqual({ kind: 'unassigned', reason: 'advisor_unknown', role: 'advisor' });
  });

  it('another role → its holder at the customer\'s store, the first by id when several', () => {
    expect(assignee('service_manager', customer, staff)).toEqual({ kind: 'assigned', staffId: 'sm1' });
  });

  it('nobody holds it at the store → unassigned (a store manager of another store does not count)', () => {
    expect(assignee('store_manager', customer, staff)).toEqual({ kind: 'unassigned', reason: 'no_holder', role: 'store_manager' });
    expect(assignee('retention_specialist', customer, staff, stores)).toMatchObject({ kind: 'unassigned' });
  });

  it('a general manager may sit at another store of the region', () => {
    expect(assignee('general_manager', customer, staff, stores)).toEqual({ kind: 'assigned', staffId: 'gm1' });
    expect(assignee('general_manager', { storeId: 's2', advisorId: null }, staff, stores)).toMatchObject({ kind: 'unassigned' });
    expect(assignee('general_manager', customer, staff)).toMatchObject({ kind: 'unassigned' });
  });

  it('automated steps go to the outbox', () => {
    expect(assignee('automated', customer, staff)).toEqual({ kind: 'automated' });
  });
});
