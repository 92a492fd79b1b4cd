import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { FIXTURE_PASSWORD, loadStaffFixture } from '../../auth/testing/staff-fixture.js';
import { defaultCatalogue } from '../../campaigns/default-offers.js';
import { defaultSettings } from '../../campaigns/default-settings.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import type { Db } from '../../store/db.js';
import { startServer, type RunningServer } from '../serve.js';
import { sessionClient } from '../testing/session-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = '2024-06-30T10:00:00+08:00';
type ErrorBody = { error: { code: string; details: { field: string; reason: string }[] } };

async function asAdmin(db: Db) {
  await loadStaffFixture(db, new Date(NOW));
  server = await startServer({ db, policy: async () => defaultPolicy(), clock: () => new Date(NOW) }, { port: 0 });
  const b = sessionClient(server.url);
  expect((await b.signIn('admin', FIXTURE_PASSWORD)).status).toBe(200);
  return b;
}

describeEachDatabase('the links in the retention settings API', (t) => {
  it('are unset until the store sets them, then read back as saved', async () => {
    const admin = await asAdmin(await t.open());
    expect((await admin.json<{ links: unknown }>('/api/v1/settings/retention')).links).toEqual({ survey: null, booking: null });
    const links = { survey: 'https://retain.example/r/survey', booking: 'https://retain.example/r/book' };
    expect((await admin.send('PUT', '/api/v1/settings/retention', { ...defaultSettings(), links })).status).toBe(200);
    expect((await admin.json<{ links: unknown }>('/api/v1/settings/retention')).links).toEqual(links);
  });

  it('refuses a link that is not an http(s) URL, naming the field', async () => {
    const admin = await asAdmin(await t.open());
    const res = await admin.send('PUT', '/api/v1/settings/retention', { ...defaultSettings(), links: { survey: 'javascript:alert(1)', booking: 'retain.example/book' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toEqual([
      { field: 'links.survey', reason: 'must be an http(s) URL' },
      { field: 'links.booking', reason: 'must be an http(s) URL' },
    ]);
    expect((await admin.json<{ links: unknown }>('/api/v1/settings/retention')).links).toEqual({ survey: null, booking: null });
  });
});

describeEachDatabase('who last changed the retention settings and the offer catalogue', (t) => {
  type Changed = { version: string; changedAt: string | null; changedBy: string | null };

  it('is unset while the shipped documents apply, then names the admin who saved and when', async () => {
    const admin = await asAdmin(await t.open());
    for (const [path, doc] of [['/api/v1/settings/retention', defaultSettings()], ['/api/v1/offers', defaultCatalogue()]] as const) {
      expect(await admin.json<Changed>(path)).toMatchObject({ version: doc.version, changedAt: null, changedBy: null });
      expect((await admin.send('PUT', path, { ...doc, version: `${doc.version}-b` })).status).toBe(200);
      const after = await admin.json<Changed>(path);
      expect(after).toMatchObject({ version: `${doc.version}-b`, changedBy: 'admin' });
      expect(new Date(after.changedAt!).toISOString()).toBe(new Date(NOW).toISOString());
    }
  });

  it('keeps who and when out of the document, so a GET answer sent back unchanged is refused by name', async () => {
    const admin = await asAdmin(await t.open());
    const read = await admin.json<Record<string, unknown>>('/api/v1/offers');
    const res = await admin.send('PUT', '/api/v1/offers', read);
    expect(res.status).toBe(400);
    expect(JSON.stringify(((await res.json()) as ErrorBody).error.details)).toContain('changedAt');
  });
});
