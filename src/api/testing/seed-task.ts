import { loadCustomerContext } from '../../engine/programs/customer-context.js';
import { insertTask } from '../../engine/programs/insert-task.js';
import type { HumanRole, TaskType } from '../../programs/program-schema.js';
import type { Db } from '../../store/db.js';

let seq = 0;

/**
 * Opens a task the way the engine does (insertTask: assigned to the role's holder), with a
 * deadline the test chooses, so list order and overdue flags are exact. `assigneeId` overrides.
 */
export async function seedTask(
  db: Db,
  t: { customerId: string; due: string | null; createdAt: string; role?: HumanRole; assigneeId?: string | null; type?: TaskType;
    programId?: string; stepId?: string; level?: 'yellow' | 'orange' | 'red' },
): Promise<string> {
  const ctx = await loadCustomerContext(db, t.customerId);
  const programId = t.programId ?? 'early_warning_orange';
  const stepId = t.stepId ?? 'orange_call';
  const created = new Date(t.createdAt);
  const task = await insertTask(db, ctx, {
    type: t.type ?? 'call', role: t.role ?? 'advisor', reason: `test-${++seq}`, availableAt: created, due: t.due === null ? null : new Date(t.due),
    programId, stepId, stepKeys: [], triggerKey: `test-${seq}`, level: t.level ?? 'orange', reasons: ['R = 172 天未到店'], script: null,
    escalation: [], timing: 'wall_clock', rung: 0,
  }, created);
  if (!task) throw new Error('seedTask: not inserted');
  if (t.assigneeId !== undefined) await db.query('UPDATE tasks SET assignee_id = $2 WHERE id = $1', [task.id, t.assigneeId]);
  return task.id;
}
