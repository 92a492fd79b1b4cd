import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { EVERYTHING } from '../../auth/scope.js';
import { defaultSettings } from '../../campaigns/default-settings.js';
import { isHeldOut } from '../../campaigns/hold-out.js';
import { parseDay } from '../../domain/dates.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { saveRetentionSettings } from '../../store/campaign-settings.js';
import { scoreCustomers } from '../score-customers.js';
import { programFigures } from './campaign-report.js';
import { loadLostCustomers } from './testing/campaign-fixture.js';

const ids = Array.from({ length: 30 }, (_, i) => `b${i}`);

describeEachDatabase("programs' random hold-out", (t) => {
  it('keeps the configured share of a program’s eligible customers out of it, the same ones every time', async () => {
    const db = await t.open();
    await saveRetentionSettings(db, { ...defaultSettings(), holdOut: { ...defaultSettings().holdOut, share: 0.3, seed: 'prog' } }, new Date());
    await loadLostCustomers(db, Object.fromEntries(ids.map((id) => [id, 1000])));
    const expected = ids.filter((id) => isHeldOut(0.3, 'prog', 'recall_level_3', id)).sort();
    expect(expected.length).toBeGreaterThan(3);
    const held = await db.query<{ customer_id: string }>("SELECT customer_id FROM program_holdouts WHERE program_id = 'recall_level_3' ORDER BY customer_id");
    expect(held.map((h) => h.customer_id)).toEqual(expected);
    const runs = await db.query<{ customer_id: string }>("SELECT customer_id FROM program_runs WHERE program_id = 'recall_level_3' ORDER BY customer_id");
    expect(runs.map((r) => r.customer_id)).toEqual(ids.filter((id) => !expected.includes(id)).sort());
    // Evaluating again changes nothing: the same customers stay out.
    await scoreCustomers(db, { asOf: parseDay('2024-07-01'), now: new Date('2024-07-01T02:00:00+08:00'), policy: defaultPolicy() });
    const again = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM program_holdouts WHERE program_id = 'recall_level_3'");
    expect(again[0]!.n).toBe(expected.length);
    // Obligations are never held out: the early-warning response reaches everyone.
    const warned = await db.query<{ n: number }>("SELECT count(DISTINCT customer_id)::int AS n FROM program_runs WHERE program_id LIKE 'early_warning_%'");
    expect(warned[0]!.n).toBe(ids.length);
  });
});

describeEachDatabase('ROI of a program against its hold-out', (t) => {
  it('compares the recovery of the customers a program ran for with the ones it held out', async () => {
    const db = await t.open();
    await saveRetentionSettings(db, { ...defaultSettings(), holdOut: { ...defaultSettings().holdOut, share: 0.3, seed: 'prog' } }, new Date());
    // b0–b9 come back on 10 July, spending ¥500 each; the others do not.
    const back = ids.slice(0, 10).map((id) => ({ id: `back-${id}`, customerId: id, type: 'visit', at: '2024-07-10T10:00:00+08:00', visitId: `back-${id}`, kind: 'maintenance', amount: 500 }));
    await loadLostCustomers(db, Object.fromEntries(ids.map((id) => [id, 1000])), back);
    const [row] = (await programFigures(db, { scope: EVERYTHING, now: new Date('2024-12-31T00:00:00+08:00'), lang: 'en' })).filter((r) => r.key === 'recall_level_3');
    const held = ids.filter((id) => isHeldOut(0.3, 'prog', 'recall_level_3', id));
    const heldBack = held.filter((id) => ids.indexOf(id) < 10).length;
    expect(row).toMatchObject({ treated: ids.length - held.length, heldOut: held.length });
    expect(row!.uplift.treated.recovered).toBe(10 - heldBack);
    expect(row!.uplift.heldOut.recovered).toBe(heldBack);
    expect(row!.return).toBe((10 - heldBack) * 500);
  });
});
