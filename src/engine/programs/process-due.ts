import type { Lang } from '../../domain/evaluation.js';
import type { ContactPolicy } from '../../outbox/contact-policy.js';
import type { ProgramDocument } from '../../programs/program-schema.js';
import type { PlannedStep } from '../../programs/types.js';
import type { Db } from '../../store/db.js';
import { getActiveLibrary } from '../active-library.js';
import { announceNotice, type DueNotice } from './announce-notice.js';
import { getActiveContactPolicy } from './active-contact-policy.js';
import { getActivePrograms } from './active-programs.js';
import { logChannels, type ChannelRegistry } from './channel-registry.js';
import { loadCustomerContext } from './customer-context.js';
import { checkResponse, escalateTask, type OverdueTask } from './escalate-task.js';
import { sendMessage, type OutboxDeps, type OutboxRow } from './send-message.js';
import { startDueSteps } from './start-steps.js';

export interface ProcessOptions {
  /** Items at most in this call (default 100): a worker calls again while it returns the limit. */
  limit?: number;
  /** Default: everything through the log adapter. */
  channels?: ChannelRegistry;
  /** Default: the policy in force (Settings); the replay passes its own. */
  contactPolicy?: ContactPolicy;
  lang?: Lang;
}

type Source = (tx: Db, now: Date, doc: ProgramDocument, deps: OutboxDeps) => Promise<boolean>;
type SourceName = 'notices' | 'steps' | 'messages' | 'windows' | 'tasks';

/** A store notice whose time came: its customers' runs start, their messages then go out as steps. */
const dueNotices: Source = async (tx, now, doc) => {
  const [n] = await tx.query<DueNotice>(
    'SELECT id, store_id, at, record FROM store_notices WHERE announced_at IS NULL AND at <= $1 ORDER BY at, id LIMIT 1 FOR UPDATE SKIP LOCKED', [now],
  );
  if (!n) return false;
  await announceNotice(tx, n, doc, now);
  return true;
};

/** A customer with a step due: all of that customer's due steps start together (early-warning calls merge). */
const dueSteps: Source = async (tx, now) => {
  const [row] = await tx.query<{ customer_id: string }>(
    "SELECT customer_id FROM program_steps WHERE status = 'pending' AND due <= $1 ORDER BY due, key LIMIT 1 FOR UPDATE SKIP LOCKED", [now],
  );
  if (!row) return false;
  await startDueSteps(tx, await loadCustomerContext(tx, row.customer_id), now);
  return true;
};

const dueMessages: Source = async (tx, now, _doc, deps) => {
  const [m] = await tx.query<OutboxRow>(
    `SELECT id, customer_id, channel, purpose, dedupe_key, step_key, attempts, created_at FROM outbox_messages
      WHERE status IN ('queued', 'held') AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, [now],
  );
  if (!m) return false;
  await sendMessage(tx, m, now, deps);
  return true;
};

const endedWindows: Source = async (tx, now, doc) => {
  const [s] = await tx.query<{ key: string; customer_id: string; planned: PlannedStep; watch_until: Date; watch_rung: number }>(
    `SELECT key, customer_id, planned, watch_until, watch_rung FROM program_steps
      WHERE watch_until <= $1 ORDER BY watch_until, key LIMIT 1 FOR UPDATE SKIP LOCKED`, [now],
  );
  if (!s) return false;
  await checkResponse(tx, s, doc, now);
  return true;
};

const overdueTasks: Source = async (tx, now, doc) => {
  const [t] = await tx.query<OverdueTask>(
    `SELECT id, customer_id, type, reason, due, program_id, step_id, step_keys, trigger_key, level, reasons, script, escalation, timing, rung, category
       FROM tasks WHERE status = 'open' AND NOT escalation_done AND due <= $1 ORDER BY due, id LIMIT 1 FOR UPDATE SKIP LOCKED`, [now],
  );
  if (!t) return false;
  await escalateTask(tx, t, doc, now);
  return true;
};

/** In this order at one instant: notices start their runs, work opens, messages go out, then missed windows and deadlines act. */
const SOURCES: [SourceName, Source][] = [['notices', dueNotices], ['steps', dueSteps], ['messages', dueMessages], ['windows', endedWindows], ['tasks', overdueTasks]];

/** Which queues have something due, in one read without locks: an idle worker costs one query. */
async function dueQueues(db: Db, now: Date): Promise<Set<SourceName>> {
  const [r] = await db.query<Record<SourceName, boolean>>(
    `SELECT EXISTS (SELECT 1 FROM store_notices WHERE announced_at IS NULL AND at <= $1) AS notices,
            EXISTS (SELECT 1 FROM program_steps WHERE status = 'pending' AND due <= $1) AS steps,
            EXISTS (SELECT 1 FROM outbox_messages WHERE status IN ('queued', 'held') AND next_attempt_at <= $1) AS messages,
            EXISTS (SELECT 1 FROM program_steps WHERE watch_until <= $1) AS windows,
            EXISTS (SELECT 1 FROM tasks WHERE status = 'open' AND NOT escalation_done AND due <= $1) AS tasks`,
    [now],
  );
  return new Set(SOURCES.map(([name]) => name).filter((name) => r?.[name]));
}

/**
 * Does what is due at `now`: store notices whose time came (their customers' runs started), steps
 * whose time came (tasks opened, messages queued), outbox
 * messages (sent, held, blocked, retried), response windows that ended unanswered, tasks past
 * their deadline (escalated). Each item is claimed with FOR UPDATE SKIP LOCKED and handled in
 * its own transaction, so several workers can run it side by side and a killed process loses
 * nothing and repeats nothing. Returns how many items it handled (less than `limit`: nothing
 * more is due).
 */
export async function processDue(db: Db, now: Date, options: ProcessOptions = {}): Promise<number> {
  const limit = options.limit ?? 100;
  let due = await dueQueues(db, now);
  if (due.size === 0) return 0;
  const doc = await getActivePrograms(db);
  const deps: OutboxDeps = {
    channels: options.channels ?? logChannels(),
    contactPolicy: options.contactPolicy ?? (await getActiveContactPolicy(db)),
    library: await getActiveLibrary(db),
    lang: options.lang ?? 'zh-CN',
  };
  let done = 0;
  while (done < limit && due.size > 0) {
    // One item of the first queue with work, then the queues are read again: handling an item
    // can fill any queue, and at one instant work opens before messages go out, before missed
    // windows and deadlines act. A queue found empty (another worker took its items) is dropped
    // until the next read.
    const [name, source] = SOURCES.find(([n]) => due.has(n))!;
    if (await db.transaction((tx) => source(tx, now, doc, deps))) {
      done++;
      due = await dueQueues(db, now);
    } else due.delete(name);
  }
  return done;
}

/** When something next falls due (the replay's virtual clock jumps there; a worker may sleep until then). */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>(
    `SELECT min(at) AS at FROM (
       SELECT min(at) AS at FROM store_notices WHERE announced_at IS NULL
       UNION ALL SELECT min(due) FROM program_steps WHERE status = 'pending'
       UNION ALL SELECT min(next_attempt_at) FROM outbox_messages WHERE status IN ('queued', 'held')
       UNION ALL SELECT min(watch_until) FROM program_steps WHERE watch_until IS NOT NULL
       UNION ALL SELECT min(due) FROM tasks WHERE status = 'open' AND NOT escalation_done) AS x`,
  );
  return row?.at ?? null;
}
