import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { maskPhone } from '../../auth/mask-phone.js';
import { readWarningBoard, readWeeklyRecovery, type BoardWarning } from '../../store/read-warning-board.js';
import { localToday, weekStart } from '../board-dates.js';
import type { ApiDeps } from '../deps.js';
import { EXPORT_ROW_LIMIT, exportResponse, type ExportColumn } from '../export-table.js';
import { requiredAction } from '../required-action.js';
import { ANY_AUTH, ListFilterQuery, PageQuery, lang } from '../web-schemas.js';
import { listFilterOf } from './get-risk-list.js';

/** This week's target: a fifth of the orange and red warnings there were to work (until set in settings). */
export const WEEKLY_RECOVERY_TARGET_SHARE = 0.2;

const BoardItemSchema = z
  .object({
    warningId: z.number().int(),
    customerId: z.string(),
    name: z.string(),
    phoneMasked: z.string().nullable(),
    storeId: z.string(),
    advisorId: z.string().nullable(),
    owner: z.string().nullable().openapi({ description: 'Who is on it; null = unassigned' }),
    level: z.string(),
    openedAt: z.string(),
    reason: z.string().nullable(),
    daysSinceVisit: z.number().nullable(),
    lastNps: z.number().nullable(),
    lastSatisfaction: z.number().nullable(),
    signals: z.array(z.string()),
    rules: z.array(z.string()),
    valueTier: z.string().nullable(),
    lifecycle: z.string().nullable(),
    requiredAction: z.object({ action: z.string(), role: z.string(), deadline: z.string() }).nullable(),
  })
  .openapi('WarningBoardItem');

const BoardSchema = z.object({
  today: z.string(),
  counts: z.object({ red: z.number().int(), orange: z.number().int(), yellow: z.number().int() }),
  items: z.array(BoardItemSchema),
  total: z.number().int(),
  week: z.object({ recovered: z.number().int(), target: z.number().int(), toWork: z.number().int() }),
});
export type WarningBoardResponse = z.infer<typeof BoardSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/warning-board',
  summary: "Today's warning board: counts by level, each red and orange customer, this week's recovery",
  security: ANY_AUTH,
  request: { query: ListFilterQuery.extend(PageQuery.shape) },
  responses: {
    200: {
      description: 'The board',
      content: {
        'application/json': {
          schema: BoardSchema,
        },
      },
    },
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/warning-board/export',
  summary: "The board's red and orange customers as CSV or Excel (.xlsx)",
  security: ANY_AUTH,
  request: { query: ListFilterQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang }) },
  responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } } },
});

type Item = z.infer<typeof BoardItemSchema>;
const toItem = (w: BoardWarning): Item => ({
  warningId: w.warningId, customerId: w.customerId, name: w.name, phoneMasked: maskPhone(w.phone), storeId: w.storeId,
  advisorId: w.advisorId, owner: w.advisorName, level: w.level, openedAt: w.openedAt.toISOString(), reason: w.reason,
  daysSinceVisit: w.daysSinceVisit, lastNps: w.lastNps, lastSatisfaction: w.lastSatisfaction, signals: w.signals,
  rules: w.rules, valueTier: w.valueTier, lifecycle: w.lifecycle, requiredAction: requiredAction(w.level, w.changedAt),
});

const columns: ExportColumn<Item>[] = [
  { header: { 'zh-CN': '客户编号', en: 'Customer id' }, value: (r) => r.customerId, width: 16 },
  { header: { 'zh-CN': '姓名', en: 'Name' }, value: (r) => r.name },
  { header: { 'zh-CN': '电话', en: 'Phone' }, value: (r) => r.phoneMasked, width: 15 },
  { header: { 'zh-CN': '预警等级', en: 'Level' }, value: (r) => r.level, coded: true, width: 10 },
  { header: { 'zh-CN': '未到店天数', en: 'Days since visit' }, value: (r) => r.daysSinceVisit, width: 12 },
  { header: { 'zh-CN': '最近NPS', en: 'Last NPS' }, value: (r) => r.lastNps, width: 10 },
  { header: { 'zh-CN': '负责人', en: 'Owner' }, value: (r) => r.owner },
  { header: { 'zh-CN': '所需行动', en: 'Required action' }, value: (r) => r.requiredAction?.action ?? null, coded: true, width: 16 },
  { header: { 'zh-CN': '截止时间', en: 'Deadline' }, value: (r) => r.requiredAction?.deadline ?? null, width: 22 },
  { header: { 'zh-CN': '主要原因', en: 'Key reason' }, value: (r) => r.reason, width: 50 },
];

export function getWarningBoard(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const now = deps.clock();
    const board = await readWarningBoard(deps.db, listFilterOf(c, q), { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    const week = await readWeeklyRecovery(deps.db, listFilterOf(c, q).scope, weekStart(now));
    return c.json(
      {
        today: localToday(now),
        counts: board.counts,
        items: board.items.map(toItem),
        total: board.total,
        week: { ...week, target: Math.ceil(week.toWork * WEEKLY_RECOVERY_TARGET_SHARE) },
      },
      200,
    );
  });

  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const board = await readWarningBoard(deps.db, listFilterOf(c, q), { limit: EXPORT_ROW_LIMIT, offset: 0 });
    return exportResponse(c, {
      name: `warning-board-${localToday(deps.clock())}`, format: q.format, lang: q.lang, columns, rows: board.items.map(toItem),
    }) as never;
  });
}
