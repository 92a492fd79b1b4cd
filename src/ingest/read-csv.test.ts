import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RecordKind } from '../domain/records.js';
import { validateRecord } from '../domain/validate-record.js';
import { readCsv } from './read-csv.js';
import type { ReadItem } from './read-item.js';

async function read(kind: RecordKind, text: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readCsv(Readable.from([Buffer.from(text)]), kind)) items.push(item);
  return items;
}

describe('readCsv', () => {
  it('rebuilds nested consent and coerces booleans, empty cells and unknown columns', async () => {
    const csv =
      '\uFEFFid,storeId,name,phone,email,advisorId,since,hasApp,consent.sms,consent.phone,consent.wechat,consent.app,consent.email,vip\n' +
      'c-1,sh-01,张伟,13812341234,,sa-li,2022-06-10,yes,1,TRUE,0,no,false,gold\n';
    const [item] = await read('customers', csv);
    expect(item).toEqual({
      line: 2,
      record: {
        id: 'c-1', storeId: 'sh-01', name: '张伟', phone: '13812341234', email: null, advisorId: 'sa-li',
        since: '2022-06-10', hasApp: true, vip: 'gold',
        consent: { sms: true, phone: true, wechat: false, app: false, email: false },
      },
    });
    const v = validateRecord('customers', item!.record);
    expect(v.ok && v.value.extra).toEqual({ vip: 'gold' });
  });

  it('coerces event fields per event type: numbers, booleans, | lists and JSON lists', async () => {
    const csv =
      'id,customerId,type,at,visitId,kind,amount,basicOnly,items,mileage,score,answered,direction\n' +
      'e-1,c-1,visit,2024-03-01,v-1,maintenance,1280.5,0,tyres| brakes ,15000,,,\n' +
      'e-2,c-1,visit,2024-03-02,v-2,repair,0,1,"[""a|b"",""c""]",,,,\n' +
      'e-3,c-1,nps,2024-03-03,,,,,,,7,,\n' +
      'e-4,c-1,call,2024-03-04,,,,,,,,yes,out\n';
    const records = (await read('events', csv)).map((i) => i.record);
    expect(records[0]).toMatchObject({ amount: 1280.5, basicOnly: false, items: ['tyres', 'brakes'], mileage: 15000 });
    expect(records[1]).toMatchObject({ amount: 0, basicOnly: true, items: ['a|b', 'c'] });
    expect(records[2]).toEqual({ id: 'e-3', customerId: 'c-1', type: 'nps', at: '2024-03-03', score: 7 });
    expect(records[3]).toMatchObject({ answered: true, direction: 'out' });
    for (const r of records) expect(validateRecord('events', r).ok).toBe(true);
  });

  it('reads software updates, a mileage vin and a message staffId; an empty visitRecommended means the default, true', async () => {
    const csv =
      'id,customerId,type,at,updateId,version,title,vin,visitRecommended,km,channel,purpose,staffId\n' +
      'u-1,c-1,software_update,2024-03-01,ota-1,2024.3,电池管理系统优化,VIN1,no,,,,\n' +
      'u-2,c-1,software_update,2024-03-02,ota-2,,,,,,,,\n' +
      'u-3,c-1,software_update,2024-03-03,ota-3,,,,maybe,,,,\n' +
      'm-1,c-1,mileage,2024-03-04,,,,VIN1,,15000,,,\n' +
      's-1,c-1,message,2024-03-05,,,,,,,wechat,care,sa-li\n';
    const results = (await read('events', csv)).map((i) => validateRecord('events', i.record));
    expect(results[0]).toEqual({ ok: true, value: expect.objectContaining({ updateId: 'ota-1', version: '2024.3', title: '电池管理系统优化', vin: 'VIN1', visitRecommended: false }) });
    expect(results[1]).toEqual({ ok: true, value: expect.objectContaining({ updateId: 'ota-2', version: null, title: null, vin: null, visitRecommended: true }) });
    expect(results[2]).toEqual({ ok: false, errors: [{ field: 'visitRecommended', reason: 'Invalid input: expected boolean, received string' }] });
    expect(results[3]).toEqual({ ok: true, value: expect.objectContaining({ km: 15000, vin: 'VIN1' }) });
    expect(results[4]).toEqual({ ok: true, value: expect.objectContaining({ channel: 'wechat', purpose: 'care', staffId: 'sa-li' }) });
    // The other types' empty columns are not unknown fields of this one.
    for (const r of results) if (r.ok) expect(r.value.extra).toBe(undefined);
  });

  it('leaves a cell that cannot be coerced as text, so validation names the field', async () => {
    const csv = 'id,customerId,type,at,score\ne-1,c-1,nps,2024-03-01,ten\n';
    const [item] = await read('events', csv);
    expect(item!.record).toMatchObject({ score: 'ten' });
    const v = validateRecord('events', item!.record);
    expect(v.ok ? [] : v.errors.map((e) => e.field)).toEqual(['score']);
  });

  it('numbers lines as in the file: header is line 1, quoted cells may span lines', async () => {
    const csv = 'id,name,region,timeZone\ns1,"two\nlines",east,Asia/Shanghai\n\ns2,x\ns3,y,east,Asia/Shanghai\n';
    const items = await read('stores', csv);
    expect(items.map((i) => i.line)).toEqual([2, 5, 6]);
    expect(items[1]).toEqual({ line: 5, error: 'has 2 cells where the header has 4' });
  });

  it('reports malformed quoting with its line and keeps reading', async () => {
    const items = await read('stores', 'id,name\ns1,a\ns2,"b"x\n');
    expect(items[0]).toEqual({ line: 2, record: { id: 's1', name: 'a' } });
    expect(items[1]).toMatchObject({ line: 3, error: expect.stringMatching(/^malformed CSV: /) });
  });
});
