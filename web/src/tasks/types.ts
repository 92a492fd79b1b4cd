import type { TaskDetail, TaskItem, TaskList } from '../server-types';

/** The task API's shapes (src/api/tasks/task-schemas.ts, get-task.ts, get-tasks.ts). */
export type { TaskDetail, TaskItem, TaskList as TaskPage };

export type ScriptStage = TaskDetail['scripts']['stages'][number];

/** The one-tap outcomes, as POST /api/v1/tasks/{id}/outcome names them. */
export const RESULTS = ['reached', 'booked', 'no_answer', 'refused', 'wrong_number'] as const;
export type Result = (typeof RESULTS)[number];
export const CHURN_REASONS = ['price', 'convenience', 'service', 'passive'] as const;
