import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole, scopeOf } from '../../auth/principal.js';
import { narrowToScope } from '../../auth/scope.js';
import { settingsSchema } from '../../campaigns/settings-schema.js';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant } from '../../domain/dates.js';
import { readMonthlyReview } from '../../engine/campaigns/monthly-review.js';
import { readRetentionSettings, saveRetentionSettings } from '../../store/campaign-settings.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
/** Beside the document: who replaced it and when (the document itself stays as PUT takes it); null while the shipped settings apply. */
const changed = {
  changedAt: z.string().nullable().openapi({ description: 'When the settings in force were saved' }),
  changedBy: z.string().nullable().openapi({ description: 'Staff id of who saved it (null for an API token or a script such as the demo)' }),
};
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM').optional().openapi({ description: 'YYYY-MM (default: this month)' });

const StaffIncentiveSchema = z.object({
  staffId: z.string(), staffName: z.string(), recovered: z.object({ yellow: z.number().int(), orange: z.number().int(), red: z.number().int() }),
  total: z.number().int(), reward: z.number(), topRecoverer: z.boolean(),
}).openapi('StaffIncentive');
export type StaffIncentive = z.infer<typeof StaffIncentiveSchema>;

const routes = {
  review: createRoute({ method: 'get', path: '/api/v1/reviews/monthly',
    summary: 'The monthly review: warnings, recovery rate, lost customers and value lost, churn reasons, best and failed cases, staff incentives',
    security: ANY_AUTH, request: { query: z.object({ month, storeId: z.string().min(1).optional() }) },
    responses: { 200: json(z.record(z.string(), z.unknown()).openapi('MonthlyReview'), 'The review'), 400: json(ErrorBody, 'Bad month'), 403: json(ErrorBody, 'Not allowed') } }),
  incentives: createRoute({ method: 'get', path: '/api/v1/incentives', summary: 'Customers recovered per staff member by warning level, rewards and the top recoverer of the month',
    security: ANY_AUTH, request: { query: z.object({ month, storeId: z.string().min(1).optional() }) },
    responses: { 200: json(z.object({ month: z.string(), items: z.array(StaffIncentiveSchema) }), 'The leaderboard') } }),
  settings: createRoute({ method: 'get', path: '/api/v1/settings/retention', summary: 'Costs per channel and call minute, attribution window, hold-out, approval limits, attempts policy, rewards',
    security: ANY_AUTH, responses: { 200: json(z.looseObject(changed), 'The settings in force, with who last replaced them and when') } }),
  saveSettings: createRoute({ method: 'put', path: '/api/v1/settings/retention', summary: 'Replace the retention settings (admins)', security: ANY_AUTH,
    request: { body: { content: { 'application/json': { schema: settingsSchema } }, required: true } },
    responses: { 200: json(z.object({ ok: z.literal(true) }), 'Stored'), 400: json(ErrorBody, 'Not valid'), 403: json(ErrorBody, 'Not allowed') } }),
};

const thisMonth = (now: Date) => formatDay(localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE)).slice(0, 7);

/** The monthly review and the incentives (programs.md §11), and the retention settings behind them. */
export function reviewRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(routes.review, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const q = c.req.valid('query');
    const review = await readMonthlyReview(deps.db, q.month ?? thisMonth(deps.clock()), narrowToScope(scopeOf(c), { storeId: q.storeId }));
    return c.json(JSON.parse(JSON.stringify(review)) as Record<string, unknown>, 200);
  });
  app.openapi(routes.incentives, async (c) => {
    const q = c.req.valid('query');
    const m = q.month ?? thisMonth(deps.clock());
    const review = await readMonthlyReview(deps.db, m, narrowToScope(scopeOf(c), { storeId: q.storeId }));
    return c.json({ month: m, items: review.staff }, 200);
  });
  app.openapi(routes.settings, async (c) => {
    const r = await readRetentionSettings(deps.db);
    return c.json({ ...r.settings, changedAt: r.changedAt?.toISOString() ?? null, changedBy: r.changedBy }, 200);
  });
  app.openapi(routes.saveSettings, async (c) => {
    const p = requireRole(c, ['admin'], { tokens: true });
    await saveRetentionSettings(deps.db, c.req.valid('json'), deps.clock(), p.kind === 'staff' ? p.staff.id : undefined);
    return c.json({ ok: true as const }, 200);
  });
}
