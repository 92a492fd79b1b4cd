import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { importPath } from './import-path.js';
import { writeFixtureDir } from './test-fixtures.js';

describeEachDatabase('CSV import', (t) => {
  it('stores nested consent and coerced values, and reports a bad cell by line and field', async () => {
    const db = await t.open();
    const dir = writeFixtureDir({
      'stores.csv': 'id,name,region,timeZone\nsh-01,浦东,east,Asia/Shanghai\n',
      'customers.csv':
        'id,storeId,name,email,since,hasApp,consent.sms,consent.email\n' +
        'c-1,sh-01,张伟,,2022-06-10,yes,1,no\n' +
        'c-2,sh-01,王芳,,2022-06-11,maybe,1,no\n',
      'events-2024-03.csv':
        'id,customerId,type,at,visitId,kind,amount,items\n' + 'e-1,c-1,visit,2024-03-01T10:00:00+08:00,v-1,repair,1280.5,tyres|brakes\n',
    });
    const summary = await importPath(db, dir);
    expect(summary.errors).toEqual([
      { file: 'customers.csv', line: 3, field: 'hasApp', reason: expect.any(String) },
    ]);
    const [c] = await db.query<{ record: Record<string, unknown> }>("SELECT record FROM customers WHERE id = 'c-1'");
    expect(c!.record).toMatchObject({
      email: null,
      hasApp: true,
      consent: { sms: true, phone: false, wechat: false, app: false, email: false },
    });
    const [e] = await db.query<{ record: Record<string, unknown> }>("SELECT record FROM events WHERE id = 'e-1'");
    expect(e!.record).toMatchObject({ amount: 1280.5, items: ['tyres', 'brakes'], basicOnly: false });
  });
});
