import { DateTime } from 'luxon';
import { storeZone } from '../../domain/store-zone.js';
import { DEFAULT_TIME_ZONE, isIsoDate, localDayOfInstant, toInstant } from '../../domain/dates.js';
import type { Lang } from '../../domain/evaluation.js';
import type { Policy } from '../../domain/policy/policy-schema.js';
import type { ImportError } from '../../ingest/import-summary.js';
import type { ContactPolicy } from '../../outbox/contact-policy.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';
import { openDb } from '../../store/open-db.js';
import { writeEvents } from '../../store/write-events.js';
import { reevaluateCustomers } from '../reevaluate-customers.js';
import { scoreCustomers } from '../score-customers.js';
import { activateContactPolicy } from './active-contact-policy.js';
import { activatePrograms } from './active-programs.js';
import { logChannels } from './channel-registry.js';
import { listActions, type PrintedAction } from './list-actions.js';
import { nextDueAt, processDue, type ProcessOptions } from './process-due.js';
import { markEventsSeen } from './react-to-events.js';
import { loadReplayData, type TimedEvent } from './simulate-load.js';
import { isoInZone } from './store-time.js';

export interface SimulateInput {
  dataDir: string;
  /** ISO date or timestamp; without an offset it is the stores' local time (a bare `to` date: the end of that day). */
  from: string;
  to: string;
  policy: Policy;
  /** Default: the shipped presets. */
  programs?: ProgramDocument;
  contactPolicy?: ContactPolicy;
  lang?: Lang;
  /** The zone `from` and `to` are read and printed in (default: the first store's). */
  timeZone?: string;
}

/** A window that cannot be replayed (`to` not after `from`): the caller's mistake, not a failure. */
export class SimulateInputError extends Error {}

/** The replay's window as instants: a bare `to` date includes that whole day. */
export function resolveWindow(from: string, to: string, zone: string): { from: Date; to: Date } {
  const start = new Date(toInstant(from, zone));
  const end = isIsoDate(to) ? DateTime.fromISO(to, { zone: storeZone(zone) }).plus({ days: 1 }).toJSDate() : new Date(toInstant(to, zone));
  if (end.getTime() <= start.getTime()) throw new SimulateInputError(`--to ${to} is not after --from ${from}`);
  return { from: start, to: end };
}

/** The §14 document, plus the records left out of the data (reported apart, on stderr). */
export interface SimulateResult {
  from: string;
  to: string;
  actions: PrintedAction[];
  problems: ImportError[];
}

const NIGHTLY_HOUR = 2;

/** The next 02:00 store time strictly after `t`, per store. */
function nextNightly(t: number, zone: string): number {
  const local = DateTime.fromMillis(t, { zone: storeZone(zone) }).set({ hour: NIGHTLY_HOUR, minute: 0, second: 0, millisecond: 0 });
  return (local.toMillis() > t ? local : local.plus({ days: 1 })).toMillis();
}

/** The evaluation run of one store as of its local day (the paged, COPY-fed run of `retain score`). */
async function scoreStore(db: Db, storeId: string, zone: string, at: Date, policy: Policy): Promise<void> {
  await scoreCustomers(db, { asOf: localDayOfInstant(at.getTime(), zone), now: at, policy, storeId, workers: 1 });
}

/**
 * programs.md §14: what Retain would have done. The data goes into a throw-away embedded store;
 * history before `from` is loaded and scored but starts nothing (Retain is switched on at
 * `from`, when every customer is evaluated). Then a virtual clock runs to `to`, always jumping
 * to the next thing: an event (stored, its customer re-evaluated, as the API does), a store's
 * 02:00 evaluation of all its customers, or a due step, message, window or deadline
 * (processDue). Staff actions are the data's own call, booking, visit and reply events.
 */
export async function simulate(input: SimulateInput): Promise<SimulateResult> {
  const db = await openDb({});
  try {
    const { events, zones, problems } = await loadReplayData(db, input.dataDir);
    const zone = input.timeZone ?? [...zones.entries()].sort(([a], [b]) => (a < b ? -1 : 1))[0]?.[1] ?? DEFAULT_TIME_ZONE;
    const window = resolveWindow(input.from, input.to, zone);
    if (input.programs) await activatePrograms(db, input.programs, window.from);
    if (input.contactPolicy) await activateContactPolicy(db, input.contactPolicy, window.from);
    const from = window.from.getTime();
    const to = window.to.getTime();
    const history = events.filter((e) => e.at < from);
    for (let i = 0; i < history.length; i += 5000) await writeEvents(db, history.slice(i, i + 5000).map((e) => e.event));
    await markEventsSeen(db, window.from, window.from);
    // Notices of the history were announced then, by whatever the store did: not again at the switch-on.
    await db.query('UPDATE store_notices SET announced_at = $1, recipients = 0 WHERE at < $1 AND announced_at IS NULL', [window.from]);

    // The contact policy is the store's, as in production: the outbox and the reading of replies share it.
    const options: ProcessOptions = { channels: logChannels(), lang: input.lang ?? 'zh-CN' };
    const drain = async (now: Date) => {
      while ((await processDue(db, now, { ...options, limit: 500 })) > 0);
    };
    for (const [store, z] of zones) await scoreStore(db, store, z, window.from, input.policy);
    await drain(window.from);

    const pending: TimedEvent[] = events.filter((e) => e.at >= from && e.at <= to);
    let next = 0;
    for (let now = from; ; ) {
      const nights = [...zones].map(([store, z]) => ({ store, at: nextNightly(now, z) }));
      const due = (await nextDueAt(db))?.getTime() ?? Infinity;
      // Something due at or before now was left by a limit: come back an instant later, never stand still.
      const t = Math.min(pending[next]?.at ?? Infinity, ...nights.map((n) => n.at), Math.max(due, now + 1));
      if (t > to) break;
      now = t;
      const at = new Date(now);
      const arriving: TimedEvent[] = [];
      while (pending[next]?.at === now) arriving.push(pending[next++]!);
      if (arriving.length > 0) {
        await writeEvents(db, arriving.map((e) => e.event));
        await reevaluateCustomers(db, arriving.map((e) => e.event.customerId), input.policy, at);
      }
      for (const n of nights) if (n.at === now) await scoreStore(db, n.store, zones.get(n.store)!, at, input.policy);
      await drain(at);
    }
    return { from: isoInZone(window.from, zone), to: isoInZone(window.to, zone), actions: await listActions(db, { from: window.from, to: window.to }), problems };
  } finally {
    await db.close();
  }
}
