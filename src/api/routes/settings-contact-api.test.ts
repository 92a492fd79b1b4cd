import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { getActiveContactPolicy } from '../../engine/programs/active-contact-policy.js';
import { defaultContactPolicy } from '../../outbox/default-contact-policy.js';
import type { Db } from '../../store/db.js';
import { staffServer } from '../testing/staff-server.js';

const startStaffServer = staffServer();

const NOW = '2024-06-30T10:00:00+08:00';

async function start(db: Db) {
  return (await startStaffServer(db, new Date(NOW), () => new Date(NOW))).as;
}

type ErrorBody = { error: { code: string; details: { field: string; reason: string }[] } };
type Contact = { version: string; activatedAt: string | null; document: { quietHours: { start: string; end: string } }; versions: unknown[] };

describeEachDatabase('contact policy API', (t) => {
  it('shows the shipped rules; saves quiet hours 20:00–08:00 as a version in force with who and when; refuses bad ones', async () => {
    const db = await t.open();
    const as = await start(db);
    expect((await (await as('sa-li')).call('/api/v1/settings/contact')).status).toBe(403);
    const admin = await as('admin');
    expect(await admin.json<Contact>('/api/v1/settings/contact')).toMatchObject({
      version: defaultContactPolicy().version, activatedAt: null, versions: [], document: { quietHours: { start: '21:00', end: '09:00' } },
    });

    const evening = { ...structuredClone(defaultContactPolicy()), version: 'contact-evening', quietHours: { start: '20:00', end: '08:00' } };
    expect((await (await as('sa-li')).send('PUT', '/api/v1/settings/contact', { document: evening })).status).toBe(403);
    expect((await admin.send('PUT', '/api/v1/settings/contact', { document: evening })).status).toBe(200);
    const saved = await (await as('sm-sh')).json<Contact>('/api/v1/settings/contact');
    expect(saved).toMatchObject({ version: 'contact-evening', activatedAt: new Date(NOW).toISOString(), document: { quietHours: { start: '20:00', end: '08:00' } } });
    expect(saved.versions).toEqual([{ version: 'contact-evening', createdAt: new Date(NOW).toISOString(), createdBy: 'admin', active: true }]);
    // What the outbox reads is what was saved.
    expect((await getActiveContactPolicy(db)).quietHours).toEqual({ start: '20:00', end: '08:00' });

    const bad = { ...evening, version: 'contact-bad', quietHours: { start: '25:00', end: '08:00' } };
    const refused = await admin.send('PUT', '/api/v1/settings/contact', { document: bad });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('unprocessable');
    expect(body.error.details.map((d) => d.field)).toEqual(['document.quietHours.start']);

    const reused = await admin.send('PUT', '/api/v1/settings/contact', { document: { ...evening, quietHours: { start: '19:00', end: '08:00' } } });
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as ErrorBody).error.details.map((d) => d.field)).toEqual(['document.version']);
    expect((await getActiveContactPolicy(db)).version).toBe('contact-evening');
  });
});
