import { z } from '@hono/zod-openapi';
import { maskPhone } from '../../auth/mask-phone.js';
import { isoInZone } from '../../engine/programs/store-time.js';
import { taskCategories, type TaskRow } from '../../store/read-tasks.js';

/** The shapes of the task routes, named at the edge. Instants carry the store's offset. */

export const TaskIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

export const TaskItemSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    phoneMasked: z.string().nullable(),
    storeId: z.string(),
    storeName: z.string(),
    type: z.string().openapi({ description: 'call, wechat, visit, approval, checklist' }),
    category: z.enum(taskCategories).openapi({ description: 'warning (recall work), care (proactive care) or follow_up' }),
    role: z.string(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    unassignedReason: z.string().nullable(),
    reason: z.string().openapi({ description: "What the task is for: 'early_warning', else the program step" }),
    programId: z.string(),
    stepId: z.string(),
    level: z.string().nullable(),
    reasons: z.array(z.string()).openapi({ description: 'Why: the warning reasons the task was opened with' }),
    status: z.enum(['open', 'closed', 'escalated']),
    outcome: z.string().nullable(),
    outcomeDetail: z.string().nullable(),
    churnReason: z.string().nullable(),
    attempts: z.number().int(),
    availableAt: z.string(),
    due: z.string().nullable(),
    overdue: z.boolean(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    escalatedFrom: z.string().nullable(),
    escalatedTo: z.string().nullable(),
  })
  .openapi('Task');
export type TaskItem = z.infer<typeof TaskItemSchema>;

export function toTaskItem(r: TaskRow, now: Date): TaskItem {
  const at = (d: Date | null) => (d === null ? null : isoInZone(d, r.timeZone));
  return {
    id: r.id, customerId: r.customerId, customerName: r.customerName, phoneMasked: maskPhone(r.phone), storeId: r.storeId,
    storeName: r.storeName, type: r.type, category: r.category, role: r.role, assigneeId: r.assigneeId, assigneeName: r.assigneeName,
    unassignedReason: r.unassignedReason, reason: r.reason, programId: r.programId, stepId: r.stepId, level: r.level,
    reasons: r.reasons, status: r.status as TaskItem['status'], outcome: r.outcome, outcomeDetail: r.outcomeDetail,
    churnReason: r.churnReason, attempts: r.attempts, availableAt: at(r.availableAt)!, due: at(r.due),
    overdue: r.status === 'open' && r.due !== null && r.due < now, createdAt: at(r.createdAt)!, closedAt: at(r.closedAt),
    closedBy: r.closedBy, escalatedFrom: r.escalatedFrom, escalatedTo: r.escalatedTo,
  };
}
