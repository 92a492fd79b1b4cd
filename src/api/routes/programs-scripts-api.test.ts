import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { reevaluateCustomers } from '../../engine/reevaluate-customers.js';
import { defaultPrograms } from '../../programs/default-programs.js';
import { defaultLibraryDocument } from '../../scripts/default-library.js';
import type { Db } from '../../store/db.js';
import { seedTask } from '../testing/seed-task.js';
import { staffServer } from '../testing/staff-server.js';

const startStaffServer = staffServer();

const NOW = '2024-06-30T10:00:00+08:00';

function start(db: Db) {
  return startStaffServer(db, new Date(NOW), () => new Date(NOW));
}

type ErrorBody = { error: { code: string; details: { field: string; reason: string }[] } };
const TABLES = ['program_runs', 'program_steps', 'tasks', 'outbox_messages', 'program_actions', 'program_documents'];
const counts = async (db: Db) => Promise.all(TABLES.map(async (t) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n));

describeEachDatabase('programs and script library API', (t) => {
  it('shows the programs in force; saves a new version; refuses a bad document with 422 and the path of each bad field', async () => {
    const { as } = await start(await t.open());
    expect((await (await as('sa-li')).call('/api/v1/programs')).status).toBe(403);
    const sm = await as('sm-sh');
    const shipped = await sm.json<{ version: string; activatedAt: string | null; versions: unknown[]; document: { programs: unknown[] } }>('/api/v1/programs');
    expect(shipped).toMatchObject({ version: defaultPrograms().version, activatedAt: null, versions: [] });
    expect(shipped.document.programs.length).toBe(defaultPrograms().programs.length);

    const bad = structuredClone(defaultPrograms()) as unknown as { programs: { steps: { offset: unknown }[]; colour?: string }[] };
    bad.programs[2]!.steps[0]!.offset = 'soon';
    bad.programs[0]!.colour = 'red';
    const refused = await sm.send('PUT', '/api/v1/programs', { document: bad });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('unprocessable');
    expect(body.error.details.map((d) => d.field).sort()).toEqual(['document.programs.0.colour', 'document.programs.2.steps.0.offset']);

    const next = { ...defaultPrograms(), version: 'programs-test-2' };
    next.programs = next.programs.map((p) => (p.id === 'post_service' ? { ...p, enabled: false } : p));
    expect((await (await as('sa-li')).send('PUT', '/api/v1/programs', { document: next })).status).toBe(403);
    expect((await sm.send('PUT', '/api/v1/programs', { document: next })).status).toBe(200);
    const saved = await sm.json<{ version: string; versions: { version: string; createdBy: string; active: boolean }[] }>('/api/v1/programs');
    expect(saved.version).toBe('programs-test-2');
    expect(saved.versions).toEqual([expect.objectContaining({ version: 'programs-test-2', createdBy: 'sm-sh', active: true })]);
    const conflict = await sm.send('PUT', '/api/v1/programs', { document: { ...next, programs: next.programs.slice(1) } });
    expect(conflict.status).toBe(409);
  });

  it('previews a program on a customer — which steps, when, to whom — and persists nothing', async () => {
    const db = await t.open();
    const { as } = await start(db);
    await reevaluateCustomers(db, ['c-li-1'], defaultPolicy(), new Date(NOW));
    const before = await counts(db);
    const sm = await as('sm-sh');
    const res = await sm.post('/api/v1/programs/early_warning_orange/preview', { customerId: 'c-li-1' });
    expect(res.status).toBe(200);
    const p = (await res.json()) as { version: string; steps: Record<string, unknown>[]; trigger: { facts: Record<string, unknown> } };
    expect(p.trigger.facts).toMatchObject({ valueTier: 'basic' });
    expect(p.steps).toEqual([
      expect.objectContaining({ step: 'orange_call', kind: 'task', taskType: 'call', role: 'advisor', due: '2024-06-30T10:00:00+08:00',
        deadline: '2024-07-03T10:00:00+08:00', script: 'orange_call_basic', assignee: { kind: 'assigned', staffId: 'sa-li', staffName: '李明' } }),
      expect.objectContaining({ step: 'effect_check', role: 'retention_specialist', due: '2024-07-07T10:00:00+08:00',
        assignee: { kind: 'unassigned', reason: 'no_holder', role: 'retention_specialist' } }),
    ]);
    const yellow = (await (await sm.post('/api/v1/programs/early_warning_yellow/preview', { customerId: 'c-li-1' })).json()) as typeof p;
    expect(yellow.steps[0]).toMatchObject({ kind: 'message', channel: expect.any(String), assignee: { kind: 'automated' }, start: null });
    // A step waiting for an event has no time yet: it says which event and how long after.
    const social = (await (await sm.post('/api/v1/programs/social_negative/preview', { customerId: 'c-li-1' })).json()) as typeof p;
    expect(social.steps.at(-1)).toMatchObject({ step: 'ask_update', due: null, deadline: null, start: { after: 'social_resolved', offset: { days: 0, minutes: 1440 }, atLocalTime: null } });
    expect(social.steps.slice(0, -1).every((s) => s.due !== null && s.start === null)).toBe(true);
    expect(await counts(db)).toEqual(before);

    expect((await sm.post('/api/v1/programs/nope/preview', { customerId: 'c-li-1' })).status).toBe(404);
    expect((await sm.post('/api/v1/programs/early_warning_orange/preview', { customerId: 'c-bj-1' })).status).toBe(403);
    expect((await (await as('sa-li')).post('/api/v1/programs/early_warning_orange/preview', { customerId: 'c-li-1' })).status).toBe(403);
    const draft = await sm.post('/api/v1/programs/early_warning_orange/preview', { customerId: 'c-li-1', document: { version: 'x' } });
    expect(draft.status).toBe(422);
  });

  it('saves a script library as a new version that the task screen then uses; refuses a bad one with 422', async () => {
    const db = await t.open();
    const { as } = await start(db);
    const sm = await as('sm-sh');
    const shipped = await sm.json<{ version: string; document: { scripts: unknown[]; templates: unknown[] } }>('/api/v1/scripts');
    expect(shipped.version).toBe(defaultLibraryDocument().version);
    expect(shipped.document.templates.length).toBeGreaterThan(0);

    const doc = defaultLibraryDocument() as { version: string; scripts: { id: string; text: Record<string, string> }[] };
    const i = doc.scripts.findIndex((s) => s.id === 'orange.opening');
    doc.scripts[i]!.text['zh-CN'] = '{{customerName}}，您好！{{ofer}}';
    const refused = await sm.send('PUT', '/api/v1/scripts', { document: doc });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.details.map((d) => d.field)).toEqual([`document.scripts.${i}.text.zh-CN`]);

    doc.version = 'scripts-test-2';
    doc.scripts[i]!.text['zh-CN'] = '{{customerName}}，您好！我是{{advisorName}}，新版开场白。';
    expect((await sm.send('PUT', '/api/v1/scripts', { document: doc })).status).toBe(200);
    expect((await sm.json<{ version: string }>('/api/v1/scripts')).version).toBe('scripts-test-2');
    const taskId = await seedTask(db, { customerId: 'c-li-1', due: NOW, createdAt: NOW });
    const d = await (await as('sa-li')).json<{ scripts: { stages: { id: string; text: string }[] } }>(`/api/v1/tasks/${taskId}`);
    expect(d.scripts.stages[0]).toMatchObject({ id: 'orange.opening', text: '客户1，您好！我是李明，新版开场白。' });
    expect((await sm.send('PUT', '/api/v1/scripts', { document: { ...doc, scripts: doc.scripts.slice(1) } })).status).toBe(409);
  });
});
