import { DEMO_PASSWORD, type DemoLogin } from '../demo/demo-logins.js';
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

/** What the outbox holds by status, and the tasks open: what the warnings led to. */
export async function readDemoWork(db: Db): Promise<{ messages: Record<string, number>; openTasks: number }> {
  const rows = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status ORDER BY status');
  const [tasks] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status = 'open'");
  return { messages: Object.fromEntries(rows.map((r) => [r.status, r.n])), openTasks: tasks?.n ?? 0 };
}

/** The demo's closing lines: where it runs, what the warnings led to, how to sign in and call the API. */
export function formatDemoSummary(s: DemoSummary, work: Awaited<ReturnType<typeof readDemoWork>>): string {
  const m = work.messages;
  const others = Object.entries(m).filter(([k]) => k !== 'sent' && k !== 'queued').map(([k, n]) => `${n} ${k}`);
  const base = s.url ?? 'http://localhost:3000';
  return [
    '',
    `Retain ${s.url ? 'is running' : 'is loaded'} on ${s.database}.`,
    `  Work:       ${work.openTasks} open tasks; messages ${m.sent ?? 0} sent, ${m.queued ?? 0} queued${others.length ? `, ${others.join(', ')}` : ''}`,
    `  Messages:   written to ${s.messageLog} (the log channel delivers nothing)`,
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
