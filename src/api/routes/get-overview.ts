import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readOverview } from '../../store/read-overview.js';
import { localToday, monthsBack, monthStart } from '../board-dates.js';
import type { ApiDeps } from '../deps.js';
import { ANY_AUTH, ListFilterQuery } from '../web-schemas.js';
import { listFilterOf } from './get-risk-list.js';

const counts = z.record(z.string(), z.number().int());

const OverviewSchema = z
  .object({
    today: z.string(),
    totalCustomers: z.number().int(),
    byHealthTier: counts,
    byLevel: counts,
    byValueTier: counts,
    byLifecycle: counts,
    warningsThisMonth: z.object({ orange: z.number().int(), red: z.number().int() }),
    openRed: z.number().int(),
    careCoverage: z.record(z.string(), z.object({
      within: z.number().int(), due: z.number().int(), overdue: z.number().int(), openTasks: z.number().int(),
    })).openapi({ description: 'Per care tier (high, mid, basic): customers within their proactive-contact interval, due today, past it; open care tasks' }),
    trend: z.array(z.object({ month: z.string(), customers: z.number().int(), byHealthTier: counts, byLevel: counts })),
  })
  .openapi('Overview');
export type OverviewResponse = z.infer<typeof OverviewSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/overview',
  summary: 'Health overview: customers by health tier, level, value tier and lifecycle; warnings this month; trend by month',
  security: ANY_AUTH,
  request: { query: ListFilterQuery.extend({ months: z.coerce.number().int().min(1).max(36).default(12) }) },
  responses: {
    200: {
      description: 'The overview',
      content: {
        'application/json': {
          schema: OverviewSchema,
        },
      },
    },
  },
});

export function getOverview(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const now = deps.clock();
    const overview = await readOverview(deps.db, listFilterOf(c, q), monthStart(now), monthsBack(now, q.months - 1));
    return c.json({ today: localToday(now), ...overview }, 200);
  });
}
