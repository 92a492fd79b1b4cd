import type { Policy } from '../../domain/policy/policy-schema.js';
import { disagreementOf } from '../../prediction/disagreement.js';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { maskPhone } from '../../auth/mask-phone.js';
import { scopeOf } from '../../auth/principal.js';
import { narrowToScope } from '../../auth/scope.js';
import { listRiskRows, type ListFilter, type RiskRow } from '../../store/read-risk-list.js';
import type { ApiDeps } from '../deps.js';
import { EXPORT_ROW_LIMIT, exportResponse, type ExportColumn } from '../export-table.js';
import { requiredAction } from '../required-action.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH, ListFilterQuery, PageQuery, lang } from '../web-schemas.js';

const RiskItemSchema = z
  .object({
    customerId: z.string(),
    name: z.string(),
    phoneMasked: z.string().nullable(),
    storeId: z.string(),
    storeName: z.string(),
    advisorId: z.string().nullable(),
    advisorName: z.string().nullable(),
    level: z.string(),
    riskScore: z.number(),
    healthScore: z.number(),
    healthTier: z.string().nullable(),
    daysSinceVisit: z.number().nullable(),
    lastSatisfaction: z.number().nullable(),
    lastNps: z.number().nullable(),
    churnProbability: z.number().nullable().openapi({ description: 'Predicted churn probability (prediction); null until a model is fitted' }),
    pAlive: z.number().nullable().openapi({ description: 'BG/NBD probability that the customer is still active' }),
    clv: z.number().nullable().openapi({ description: 'Expected value (¥) of the coming visits, discounted (BG/NBD × Gamma-Gamma)' }),
    networkModel: z.boolean().openapi({ description: "The churn probability is the network's model: the store is too small or too new to fit its own" }),
    disagreement: z.enum(['rules_higher', 'model_higher']).nullable()
      .openapi({ description: "Rules and model disagree: red with a churn probability below the policy's `prediction.disagreement.low`, or green above its `high`" }),
    valueTier: z.string().nullable(),
    lifecycle: z.string().nullable(),
    evaluatedAsOf: z.string(),
    signals: z.array(z.string()),
    rules: z.array(z.string()),
    reason: z.string().nullable(),
    warningLevel: z.string().nullable(),
    requiredAction: z
      .object({ action: z.string(), role: z.string(), deadline: z.string() })
      .nullable()
      .openapi({ description: 'From the warning level (programs.md §1) until tasks carry their own' }),
  })
  .openapi('RiskListItem');
export type RiskListItem = z.infer<typeof RiskItemSchema>;

const SortQuery = z.enum(['urgency', 'churn']).default('urgency')
  .openapi({ description: 'urgency: level, then risk and health scores; churn: predicted churn probability, highest first' });

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/risk-list',
  summary: 'The risk list: customers in scope by urgency, filtered, one page at a time',
  security: ANY_AUTH,
  request: { query: ListFilterQuery.extend(PageQuery.shape).extend({ sort: SortQuery }) },
  responses: {
    200: {
      description: 'A page of the list and the total',
      content: { 'application/json': { schema: z.object({ items: z.array(RiskItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } },
    },
    400: { description: 'Bad filter', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/risk-list/export',
  summary: 'The risk list with the same filters as a CSV or Excel (.xlsx) file',
  security: ANY_AUTH,
  request: { query: ListFilterQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang, sort: SortQuery }) },
  responses: {
    200: { description: 'The file', content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
  },
});

export function listFilterOf(c: Context, q: z.infer<typeof ListFilterQuery>): ListFilter {
  return { scope: narrowToScope(scopeOf(c), q), level: q.level, valueTier: q.valueTier, lifecycle: q.lifecycle, minChurn: q.minChurn };
}

const toItem = (r: RiskRow, t: Policy['prediction']['disagreement']): z.infer<typeof RiskItemSchema> => ({
  customerId: r.customerId, name: r.name, phoneMasked: maskPhone(r.phone), storeId: r.storeId, storeName: r.storeName,
  advisorId: r.advisorId, advisorName: r.advisorName, level: r.level, riskScore: r.riskScore, healthScore: r.healthScore,
  healthTier: r.healthTier, daysSinceVisit: r.daysSinceVisit, lastSatisfaction: r.lastSatisfaction, lastNps: r.lastNps,
  churnProbability: r.churnProbability, pAlive: r.pAlive, clv: r.clv, networkModel: r.networkModel,
  disagreement: disagreementOf(r.level, r.churnProbability, t), valueTier: r.valueTier, lifecycle: r.lifecycle, evaluatedAsOf: r.evaluatedAsOf,
  signals: r.signals, rules: r.rules, reason: r.reason, warningLevel: r.warningLevel,
  requiredAction: requiredAction(r.warningLevel, r.warningChangedAt),
});

type Item = z.infer<typeof RiskItemSchema>;
const columns: ExportColumn<Item>[] = [
  { header: { 'zh-CN': '客户编号', en: 'Customer id' }, value: (r) => r.customerId, width: 16 },
  { header: { 'zh-CN': '姓名', en: 'Name' }, value: (r) => r.name },
  { header: { 'zh-CN': '电话', en: 'Phone' }, value: (r) => r.phoneMasked, width: 15 },
  { header: { 'zh-CN': '门店', en: 'Store' }, value: (r) => r.storeName, width: 20 },
  { header: { 'zh-CN': '服务顾问', en: 'Advisor' }, value: (r) => r.advisorName },
  { header: { 'zh-CN': '预警等级', en: 'Level' }, value: (r) => r.level, width: 10, coded: true },
  { header: { 'zh-CN': '健康度', en: 'Health score' }, value: (r) => r.healthScore, width: 10 },
  { header: { 'zh-CN': '风险分', en: 'Risk score' }, value: (r) => r.riskScore, width: 10 },
  { header: { 'zh-CN': '未到店天数', en: 'Days since visit' }, value: (r) => r.daysSinceVisit, width: 12 },
  { header: { 'zh-CN': '最近满意度', en: 'Last satisfaction' }, value: (r) => r.lastSatisfaction, width: 12 },
  { header: { 'zh-CN': '最近NPS', en: 'Last NPS' }, value: (r) => r.lastNps, width: 10 },
  { header: { 'zh-CN': '预计流失概率', en: 'Churn probability' }, value: (r) => r.churnProbability, width: 12 },
  { header: { 'zh-CN': '仍活跃概率', en: 'P(alive)' }, value: (r) => r.pAlive, width: 10 },
  { header: { 'zh-CN': '预期价值', en: 'Expected value' }, value: (r) => r.clv, width: 12 },
  { header: { 'zh-CN': '价值层级', en: 'Value tier' }, value: (r) => r.valueTier, width: 10, coded: true },
  { header: { 'zh-CN': '生命周期', en: 'Lifecycle' }, value: (r) => r.lifecycle, width: 12, coded: true },
  { header: { 'zh-CN': '所需行动', en: 'Required action' }, value: (r) => r.requiredAction?.action ?? null, width: 16, coded: true },
  { header: { 'zh-CN': '截止时间', en: 'Deadline' }, value: (r) => r.requiredAction?.deadline ?? null, width: 22 },
  { header: { 'zh-CN': '主要原因', en: 'Key reason' }, value: (r) => r.reason, width: 50 },
];

export function getRiskList(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const { rows, total } = await listRiskRows(deps.db, listFilterOf(c, q), { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }, q.sort);
    const t = (await deps.policy()).prediction.disagreement;
    return c.json({ items: rows.map((r) => toItem(r, t)), total, page: q.page, pageSize: q.pageSize }, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const { rows } = await listRiskRows(deps.db, listFilterOf(c, q), { limit: EXPORT_ROW_LIMIT, offset: 0 }, q.sort);
    const day = deps.clock().toISOString().slice(0, 10);
    const t = (await deps.policy()).prediction.disagreement;
    return exportResponse(c, { name: `risk-list-${day}`, format: q.format, lang: q.lang, columns, rows: rows.map((r) => toItem(r, t)) }) as never;
  });
}
