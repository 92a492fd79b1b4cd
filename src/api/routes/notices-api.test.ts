import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import type { Db } from '../../store/db.js';
import { staffServer } from '../testing/staff-server.js';

const startStaffServer = staffServer();
const NOW = new Date('2024-06-30T02:00:00Z');
const start = (db: Db) => startStaffServer(db, NOW, () => NOW);

type Notice = { id: string; storeId: string; storeName: string; kind: string; title: string; at: string; announcedAt: string | null; recipients: number | null };
type Refusal = { error: { code: string; details: { field: string; reason: string }[] } };

describeEachDatabase('store notices API', (t) => {
  it('a manager publishes a bad-weather notice for their store, from now by default; sending it again stores it once', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const sm = await as('sm-sh');
    const body = { id: 'typhoon-1', storeId: 'sh-01', kind: 'bad_weather', title: '台风"海葵"橙色预警' };
    const res = await sm.post('/api/v1/notices', body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: 'typhoon-1', storeId: 'sh-01', storeName: expect.any(String), kind: 'bad_weather', title: '台风"海葵"橙色预警',
      at: NOW.toISOString(), announcedAt: null, recipients: null,
    });
    expect((await sm.post('/api/v1/notices', body)).status).toBe(200);
    const rows = await db.query<{ id: string; at: Date }>('SELECT id, at FROM store_notices');
    expect(rows).toEqual([{ id: 'typhoon-1', at: NOW }]);
    // Without an id the store and the time make one; a later time is another notice.
    expect((await sm.post('/api/v1/notices', { ...body, id: undefined, at: '2024-07-01T08:00:00+08:00' })).status).toBe(200);
    const list = await sm.json<{ notices: Notice[] }>('/api/v1/notices');
    expect(list.notices.map((n) => [n.id, n.at])).toEqual([
      ['notice-sh-01-2024-07-01T08:00:00+08:00', '2024-07-01T00:00:00.000Z'],
      ['typhoon-1', NOW.toISOString()],
    ]);
  });

  it('refuses a store outside the scope (403), an advisor (403), and names each bad field (400)', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const sm = await as('sm-sh');
    const good = { storeId: 'sh-01', kind: 'bad_weather', title: '暴雨蓝色预警' };
    const outside = await sm.post('/api/v1/notices', { ...good, storeId: 'bj-01' });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as Refusal).error.details).toEqual([{ field: 'storeId', reason: 'outside your scope' }]);
    expect((await (await as('sa-li')).post('/api/v1/notices', good)).status).toBe(403);

    const refused = async (body: unknown) => {
      const res = await sm.post('/api/v1/notices', body);
      expect(res.status).toBe(400);
      return ((await res.json()) as Refusal).error.details.map((d) => d.field);
    };
    // 40 characters go into an SMS; 41 do not.
    expect((await sm.post('/api/v1/notices', { ...good, id: 'n40', title: '雨'.repeat(40) })).status).toBe(200);
    expect(await refused({ ...good, title: '雨'.repeat(41) })).toEqual(['title']);
    expect(await refused({ ...good, title: '  ' })).toEqual(['title']);
    expect(await refused({ ...good, kind: 'sunshine' })).toEqual(['kind']);
    expect(await refused({ ...good, at: '2024-13-01' })).toEqual(['at']);
    expect(await refused({ ...good, colour: 'red' })).toEqual(['']);
    expect((await db.query('SELECT id FROM store_notices')).map((r) => (r as { id: string }).id)).toEqual(['n40']);
  });

  it('lists only the notices of the stores in scope; an advisor sees their store\'s', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const admin = await as('admin');
    for (const storeId of ['sh-01', 'bj-01']) {
      expect((await admin.post('/api/v1/notices', { id: `n-${storeId}`, storeId, kind: 'bad_weather', title: '寒潮预警' })).status).toBe(200);
    }
    const ids = async (user: string) => (await (await as(user)).json<{ notices: Notice[] }>('/api/v1/notices')).notices.map((n) => n.id);
    expect((await ids('admin')).sort()).toEqual(['n-bj-01', 'n-sh-01']);
    expect(await ids('sm-sh')).toEqual(['n-sh-01']);
    expect(await ids('sa-li')).toEqual(['n-sh-01']);
    expect(await ids('sa-bj')).toEqual(['n-bj-01']);
  });
});
