import { DEMO_PASSWORD, type DemoLogin } from '../demo/demo-logins.js';
import { DEFAULT_TIME_ZONE } from '../domain/dates.js';
import type { Db } from '../store/db.js';

export interface DemoSummary {
  /** Where the database is, in words. */
  database: string;
  logins: DemoLogin[];
  token: string;
  /** The server's address; undefined with --no-serve. */
  url?: string | undefined;
  /** The file the log channel wrote the demo's messages to. */
  messageLog: string;
  dataDir: string;
  today: string;
}

export interface DemoWork {
  messages: Record<string, number>;
  /** Why messages wait, with the first moment one of them goes (store time); undefined when they wait for no time. */
  holds: { detail: string; n: number; from?: string | undefined }[];
  openTasks: number;
}

/** What the outbox holds by status, why the held ones wait, and the tasks open: what the warnings led to. */
export async function readDemoWork(db: Db): Promise<DemoWork> {
  const rows = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status ORDER BY status');
  const holds = await db.query<{ detail: string; n: number; from: string | null }>(
    `SELECT coalesce(detail, reason, 'held') AS detail, count(*)::int AS n,
            to_char(min(hold_until) AT TIME ZONE $1, 'YYYY-MM-DD HH24:MI') AS "from"
       FROM outbox_messages WHERE status = 'held' GROUP BY 1 ORDER BY 2 DESC, 1`, [DEFAULT_TIME_ZONE]);
  const [tasks] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status = 'open'");
  return {
    messages: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    holds: holds.map((h) => ({ detail: h.detail, n: h.n, from: h.from ?? undefined })),
    openTasks: tasks?.n ?? 0,
  };
}

/** The demo's closing lines: where it runs, what the warnings led to, how to sign in and call the API. */
export function formatDemoSummary(s: DemoSummary, work: DemoWork): string {
  const m = work.messages;
  const sent = m.sent ?? 0;
  const others = Object.entries(m).filter(([k]) => k !== 'sent' && k !== 'queued').map(([k, n]) => `${n} ${k}`);
  const base = s.url ?? 'http://localhost:3000';
  return [
    '',
    `Retain ${s.url ? 'is running' : 'is loaded'} on ${s.database}.`,
    `  Work:       ${work.openTasks} open tasks; messages ${sent} sent, ${m.queued ?? 0} queued${others.length ? `, ${others.join(', ')}` : ''}`,
    ...work.holds.map((h) => `              ${h.n} held for ${h.detail}${h.from ? `; the worker sends them from ${h.from}` : ''}`),
    `  Messages:   ${sent > 0 ? 'written to' : 'none sent yet; they are written to'} ${s.messageLog} (the log channel delivers nothing)`,
    ...(s.url ? [`  Web app:    ${s.url}/`] : ['  Web app:    not served (--no-serve); `npm run demo` serves this database']),
    ...formatLogins(s.logins),
    `  API:        ${base}/api/v1   (OpenAPI document: ${base}/api/v1/openapi.json)`,
    `  API token:  ${s.token}`,
    `  Try:        curl -H "Authorization: Bearer ${s.token}" "${base}/api/v1/warnings?level=red&limit=5"`,
    `  CLI:        npm run retain -- evaluate --data ${s.dataDir} --as-of ${s.today} --format table`,
    ...(s.url ? ['Press Ctrl+C to stop.'] : []),
    '',
  ].join('\n');
}

/** One sign-in line per role, all with the demo password. */
function formatLogins(logins: DemoLogin[]): string[] {
  const width = Math.max(...logins.map((l) => l.username.length));
  return [
    `  Sign in:    password "${DEMO_PASSWORD}" for every demo login`,
    ...logins.map((l) => `              ${l.username.padEnd(width)}  ${l.role.replace(/_/g, ' ')} (${l.name}, ${l.storeId})`),
  ];
}
