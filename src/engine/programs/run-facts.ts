import type { Fact } from '../../programs/types.js';
import type { Db } from '../../store/db.js';

/**
 * The facts of the trigger occurrence a step or a task belongs to (the holiday, the milestone, the
 * dormant type…), as the run stored them; empty for work that belongs to no run.
 */
export async function factsOfStep(db: Db, stepKey: string | null): Promise<Record<string, Fact>> {
  if (stepKey === null) return {};
  const [row] = await db.query<{ facts: Record<string, Fact> | null }>(
    `SELECT r.occurrence->'facts' AS facts FROM program_steps s JOIN program_runs r ON r.id = s.run_id WHERE s.key = $1`, [stepKey],
  );
  return row?.facts ?? {};
}

/** The same for a task: its first step's run (a merged early-warning task's steps share their facts). */
export async function factsOfTask(db: Db, taskId: string): Promise<Record<string, Fact>> {
  const [row] = await db.query<{ key: string | null }>('SELECT step_keys[1] AS key FROM tasks WHERE id = $1', [taskId]);
  return factsOfStep(db, row?.key ?? null);
}
