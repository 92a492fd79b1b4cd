import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultLibrary } from '../../scripts/default-library.js';
import { loadScriptSubject } from '../load-script-context.js';
import { loadCustomerContext } from './customer-context.js';
import { renderOutbound } from './render-outbound.js';
import { loadFixture, writeProgramFixture } from './testing/program-fixture.js';

describeEachDatabase('an automated message as it leaves', (t) => {
  it('is filled from the customer\'s own data, as a person\'s script is: mileage from the last visit', async () => {
    const db = await t.open();
    const visit = { id: 'v-km', customerId: 'c1', type: 'visit', at: '2024-03-05T10:00:00+08:00', visitId: 'visit-km', kind: 'maintenance', amount: 680, mileage: 12345 };
    await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [visit]));
    const now = new Date('2024-04-05T10:00:00+08:00');
    const { context } = await loadScriptSubject(db, 'c1', now);
    const out = renderOutbound(await loadCustomerContext(db, 'c1'), { id: 1, dedupeKey: 'k', channel: 'sms', purpose: 'care' }, context, defaultLibrary());
    expect(out.body).toContain('12,345');
    expect(out.body).toContain('李明');
    expect(out.body).not.toMatch(/待填写|undefined|\{\{/);
    expect(out.to).toBe('13812341234');
  });
});
