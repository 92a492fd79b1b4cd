import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { importPath } from './import-path.js';
import { ingestEvents } from './ingest-events.js';
import { baseFiles, nps, writeFixtureDir } from './test-fixtures.js';

describeEachDatabase('ingestEvents', (t) => {
  it('reports a status per input and the customers with new events', async () => {
    const db = await t.open();
    await importPath(db, writeFixtureDir(baseFiles())); // stores e-1 (c-001) and e-2 (c-002)
    const outcome = await ingestEvents(db, [
      nps('e-10', 'c-002', 4),
      nps('e-1', 'c-001'), // re-sent as stored
      nps('e-2', 'c-002', 10), // same id, different content
      { ...nps('e-11', 'c-001'), score: 11 },
      nps('e-12', 'c-9'),
      'not an object',
      nps('e-10', 'c-002', 4), // repeated within the request
      nps('e-13', 'c-001', 9, '2024-03-03T07:59:00+08:00'), // within a day of now
      nps('e-14', 'c-001', 9, '2024-03-03T08:01:00+08:00'), // more than a day after now
    ], new Date('2024-03-02T00:00:00Z'));
    expect(outcome.results).toEqual([
      { index: 0, id: 'e-10', status: 'imported' },
      { index: 1, id: 'e-1', status: 'unchanged' },
      { index: 2, id: 'e-2', status: 'rejected', errors: [{ field: 'id', reason: expect.stringMatching(/^duplicate id/) }] },
      { index: 3, id: 'e-11', status: 'rejected', errors: [{ field: 'score', reason: expect.any(String) }] },
      { index: 4, id: 'e-12', status: 'rejected', errors: [{ field: 'customerId', reason: 'unknown customer "c-9"' }] },
      { index: 5, status: 'rejected', errors: [{ field: '', reason: 'must be a JSON object' }] },
      { index: 6, id: 'e-10', status: 'unchanged' },
      { index: 7, id: 'e-13', status: 'imported' },
      { index: 8, id: 'e-14', status: 'rejected', errors: [{ field: 'at', reason: expect.stringMatching(/^is in the future/) }] },
    ]);
    expect(outcome.affectedCustomerIds).toEqual(['c-001', 'c-002']);
  });
});
