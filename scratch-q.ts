import { openDb } from './src/store/open-db.js';
import { listRiskRows } from './src/store/read-risk-list.js';
import { EVERYTHING } from './src/auth/scope.js';
import { getActivePolicy } from './src/engine/active-policy.js';
import { isValidApiToken } from './src/store/api-tokens.js';
const db = await openDb({ databaseUrl: 'postgresql://postgres@127.0.0.1:5432/test', schema: 'rl_scratch' });
const logged: { text: string; params: unknown[] }[] = [];
const spy = { ...db, query: (t: string, p?: unknown[]) => { logged.push({ text: t, params: p ?? [] }); return db.query(t, p); } } as typeof db;
await listRiskRows(spy, { scope: EVERYTHING }, { limit: 50, offset: 0 }, 'urgency');
await getActivePolicy(spy);
await isValidApiToken(spy, 'x');
for (const l of logged) console.log(l.text, JSON.stringify(l.params), '\n----');
for (const f of [
  ['page', () => listRiskRows(db, { scope: EVERYTHING }, { limit: 50, offset: 0 }, 'urgency')],
  ['policy', () => getActivePolicy(db)],
  ['token', () => isValidApiToken(db, 'qndJeV3R')],
  ['select1', () => db.query('SELECT 1')],
] as const) {
  for (let i = 0; i < 200; i++) await f[1]();
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) await f[1]();
  console.log(f[0], ((performance.now() - t0) / 1000).toFixed(3), 'ms');
}
await db.close();
