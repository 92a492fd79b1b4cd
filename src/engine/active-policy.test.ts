import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { activatePolicy, getActivePolicy } from './active-policy.js';

describeEachDatabase('the policy in force', (t) => {
  it('is the shipped default until another is activated', async () => {
    const db = await t.open();
    expect(await getActivePolicy(db)).toEqual(defaultPolicy());
    const stricter = { ...defaultPolicy(), version: 'store-2' };
    await activatePolicy(db, stricter, new Date('2024-06-30T10:00:00Z'), 'admin');
    expect((await getActivePolicy(db)).version).toBe('store-2');
  });

  it('refuses to reuse a version for different content', async () => {
    const db = await t.open();
    const p = defaultPolicy();
    await activatePolicy(db, p, new Date('2024-06-30T10:00:00Z'));
    await activatePolicy(db, p, new Date('2024-07-01T10:00:00Z'));
    const changed = { ...p, rBands: { ...p.rBands, green: 45 } };
    await expect(activatePolicy(db, changed, new Date('2024-07-02T10:00:00Z'))).rejects.toThrow(/already exists with different content/);
  });

  it('refuses a stored policy that no longer fits the schema, naming its version and each bad field', async () => {
    const db = await t.open();
    await activatePolicy(db, { ...defaultPolicy(), version: 'v-old' }, new Date('2024-06-30T10:00:00Z'));
    // As if the schema had moved on since it was saved.
    await db.query(`UPDATE policies SET document = jsonb_set(document, '{rBands,green}', '"soon"') WHERE version = 'v-old'`);
    await expect(getActivePolicy(db)).rejects.toThrow(/^the policy in force \(v-old\) is no longer valid: rBands\.green: /);
  });
});
