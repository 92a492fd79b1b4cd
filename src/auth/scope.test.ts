import { describe, expect, it } from 'vitest';
import { EVERYTHING, inScope, narrowToScope, scopeSql } from './scope.js';

describe('scope', () => {
  const store = { storeIds: ['sh-01'], advisorId: null };
  const advisor = { storeIds: ['sh-01'], advisorId: 'sa-1' };

  it('narrows a requested filter to the scope; asking outside it matches nothing', () => {
    expect(narrowToScope(EVERYTHING, { storeId: 'bj-01' })).toEqual({ storeIds: ['bj-01'], advisorId: null });
    expect(narrowToScope(store, {})).toEqual(store);
    expect(narrowToScope(store, { storeId: 'bj-01' })).toEqual({ storeIds: [], advisorId: null });
    expect(narrowToScope(store, { advisorId: 'sa-2' })).toEqual({ storeIds: ['sh-01'], advisorId: 'sa-2' });
    expect(narrowToScope(advisor, { advisorId: 'sa-2' }).advisorId).toBe('');
    expect(narrowToScope(advisor, { advisorId: 'sa-1' }).advisorId).toBe('sa-1');
  });

  it('tells whether one customer is inside', () => {
    expect(inScope(EVERYTHING, 'bj-01', null)).toBe(true);
    expect(inScope(store, 'sh-01', 'sa-9')).toBe(true);
    expect(inScope(store, 'bj-01', 'sa-9')).toBe(false);
    expect(inScope(advisor, 'sh-01', 'sa-1')).toBe(true);
    expect(inScope(advisor, 'sh-01', 'sa-2')).toBe(false);
    expect(inScope(advisor, 'sh-01', null)).toBe(false);
  });

  it('writes the same SQL whatever the scope, with its values as parameters', () => {
    const params: unknown[] = ['first'];
    const sql = scopeSql(advisor, params, 'x');
    expect(params).toEqual(['first', ['sh-01'], 'sa-1']);
    expect(sql).toBe('($2::text[] IS NULL OR x.store_id = ANY($2::text[])) AND ($3::text IS NULL OR x.advisor_id = $3::text)');
  });
});
