/** The shapes of the task API (src/api/tasks/task-schemas.ts, get-task.ts) as the pages read them. */

export interface TaskItem {
  id: string;
  customerId: string;
  customerName: string;
  phoneMasked: string | null;
  storeId: string;
  storeName: string;
  type: string;
  role: string;
  assigneeId: string | null;
  assigneeName: string | null;
  reason: string;
  programId: string;
  stepId: string;
  level: string | null;
  reasons: string[];
  status: 'open' | 'closed' | 'escalated';
  outcome: string | null;
  outcomeDetail: string | null;
  churnReason: string | null;
  attempts: number;
  due: string | null;
  overdue: boolean;
  createdAt: string;
}

export interface TaskPage {
  items: TaskItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ScriptStage {
  stage: string;
  id: string;
  title: string;
  text: string;
  tip: string | null;
  missing: string[];
}

export interface TaskDetail {
  task: TaskItem;
  customer: {
    id: string; name: string; phoneMasked: string | null; storeName: string; advisorName: string | null; level: string | null;
    valueTier: string | null; lifecycle: string | null; daysSinceVisit: number | null;
  };
  warning: { level: string; reasons: string[]; openedAt: string } | null;
  scripts: {
    occasion: string;
    reason: string;
    stages: ScriptStage[];
    otherReasons: { reason: string; id: string; title: string; text: string; missing: string[] }[];
    templates: { id: string; channel: string; purpose: string; subject: string | null; body: string; missing: string[] }[];
  };
}

/** The one-tap outcomes, as POST /api/v1/tasks/{id}/outcome names them. */
export const RESULTS = ['reached', 'booked', 'no_answer', 'refused', 'wrong_number'] as const;
export type Result = (typeof RESULTS)[number];
export const CHURN_REASONS = ['price', 'convenience', 'service', 'passive'] as const;
