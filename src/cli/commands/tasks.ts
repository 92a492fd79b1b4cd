import type { Command } from 'commander';
import { z } from 'zod';
import { EVERYTHING } from '../../auth/scope.js';
import { outcomeInputSchema } from '../../engine/outcome-rules.js';
import { churnReasonValues, reassignTask, recordOutcome, taskResults } from '../../engine/programs/index.js';
import { isoInZone } from '../../engine/programs/store-time.js';
import type { Db } from '../../store/db.js';
import { getTaskRow, listTasks, taskCategories, taskStatusFilters, type TaskRow } from '../../store/read-tasks.js';
import { getStaffMember } from '../../store/read-staff.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { makeTable } from '../table.js';

const listOptions = z.strictObject({
  assignee: z.string().min(1).optional(),
  store: z.string().min(1).optional(),
  status: z.enum(taskStatusFilters).default('open'),
  overdue: z.boolean().default(false),
  category: z.enum(taskCategories).optional(),
  format: z.enum(['table', 'json']).default('table'),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

/** Zod issues as one usage message naming each option (`--result: …`). */
function parse<T>(schema: z.ZodType<T>, raw: unknown, names: Record<string, string> = {}): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => `${names[String(i.path[0])] ?? `--${i.path.join('.')}`}: ${i.message}`).join('; '));
  return r.data;
}

function printTable(rows: TaskRow[], now: Date): void {
  const table = makeTable(['task', 'due', 'overdue', 'level', 'category', 'type', 'role', 'assignee', 'customer', 'program / step', 'tries', 'status']);
  for (const r of rows) {
    table.push([
      r.id, r.due ? isoInZone(r.due, r.timeZone).slice(0, 16).replace('T', ' ') : '—', r.status === 'open' && r.due !== null && r.due < now ? 'yes' : '',
      r.level ?? '', r.category, r.type, r.role, r.assigneeId ?? `(${r.unassignedReason ?? 'unassigned'})`, `${r.customerName} (${r.customerId})`,
      `${r.programId} / ${r.stepId}`, String(r.attempts), r.outcome ? `${r.status}: ${r.outcome}` : r.status,
    ]);
  }
  process.stdout.write(`${table.toString()}\n${rows.length} task(s)\n`);
}

async function requireTaskRow(db: Db, id: string): Promise<TaskRow> {
  const task = await getTaskRow(db, id);
  if (!task) throw new UsageError(`TASK_ID: no task "${id}"`);
  return task;
}

/** `retain tasks`: the operators' view of the task inbox, and recording outcomes and hand-overs. */
export function registerTasks(program: Command): void {
  const tasks = program
    .command('tasks')
    .description('tasks by deadline, overdue first (all staff by default); record an outcome; reassign')
    .option('--assignee <staffId>', 'only this staff member\'s tasks ("unassigned" for nobody\'s)')
    .option('--store <id>', 'only this store')
    .option('--status <status>', 'open | closed | escalated | all', 'open')
    .option('--overdue', 'only open tasks past their deadline')
    .option('--category <category>', `only ${taskCategories.join(' | ')} tasks`)
    .option('--format <format>', 'table | json', 'table')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parse(listOptions, raw);
      const now = new Date();
      const { rows, total } = await withDb(globalOptions(cmd), (db) => listTasks(db, {
        scope: EVERYTHING, staffId: null, assigneeId: o.assignee ?? null, storeId: o.store, status: o.status, overdue: o.overdue, category: o.category, now,
      }, { limit: o.limit, offset: 0 }));
      if (o.format === 'json') {
        process.stdout.write(`${JSON.stringify({ total, items: rows.map(({ phone: _phone, ...r }) => ({ ...r, overdue: r.status === 'open' && r.due !== null && r.due < now })) }, null, 2)}\n`);
      } else printTable(rows, now);
    });

  tasks
    .command('outcome <taskId>')
    .description(`record what came of a task: ${taskResults.join(' | ')}`)
    .requiredOption('--result <result>', taskResults.join(' | '))
    .option('--reason <text>', 'why the customer refused (required with --result refused)')
    .option('--churn-reason <reason>', churnReasonValues.join(' | '))
    .option('--detail <text>', 'anything worth keeping')
    .requiredOption('--staff <staffId>', 'who did it')
    .action(async (taskId: string, raw: { result: string; reason?: string; churnReason?: string; detail?: string; staff: string }, cmd: Command) => {
      const outcome = parse(outcomeInputSchema, { result: raw.result, reason: raw.reason, churnReason: raw.churnReason, detail: raw.detail }, { churnReason: '--churn-reason' });
      await withDb(globalOptions(cmd), async (db) => {
        await requireTaskRow(db, taskId);
        if (!(await getStaffMember(db, raw.staff))) throw new UsageError(`--staff: no staff member "${raw.staff}"`);
        const r = await recordOutcome(db, taskId, outcome, new Date(), raw.staff);
        if (r.status === 'not_open') throw new Error(`task ${taskId} is no longer open: its outcome was already recorded or it was escalated`);
        process.stdout.write(r.status === 'attempt' ? `${taskId}: attempt ${r.attempts} recorded, the task stays open\n` : `${taskId}: closed as ${outcome.result}\n`);
      });
    });

  tasks
    .command('reassign <taskId>')
    .description("give an open task to another staff member of the customer's store or region")
    .requiredOption('--to <staffId>', 'the new assignee')
    .action(async (taskId: string, raw: { to: string }, cmd: Command) => {
      await withDb(globalOptions(cmd), async (db) => {
        await requireTaskRow(db, taskId);
        if (!(await getStaffMember(db, raw.to))) throw new UsageError(`--to: no staff member "${raw.to}"`);
        let done: boolean;
        try {
          done = await reassignTask(db, taskId, raw.to);
        } catch (err) {
          throw err instanceof Error && /does not work in/.test(err.message) ? new UsageError(`--to: ${err.message}`) : err;
        }
        if (!done) throw new Error(`task ${taskId} is no longer open`);
        process.stdout.write(`${taskId}: now assigned to ${raw.to}\n`);
      });
    });
}
