import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { scopeOf } from '../../auth/principal.js';
import { narrowToScope } from '../../auth/scope.js';
import { DEFAULT_TIME_ZONE } from '../../domain/dates.js';
import { funnelStages, readFunnel, readFunnelProblems, type FunnelCounts, type FunnelGroupRow, type FunnelProblem } from '../../store/read-funnel.js';
import { localToday, monthsBack } from '../board-dates.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody, isoDate } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const Counts = z.object(Object.fromEntries(funnelStages.map((s) => [s, z.number().int()])) as Record<(typeof funnelStages)[number], z.ZodNumber>);
const Problem = z.object({
  customerId: z.string(), name: z.string(), level: z.string(), storeId: z.string(), advisorName: z.string().nullable(),
  at: z.string(), taskId: z.string().nullable(), outcome: z.string().nullable(),
});

const FunnelSchema = z.object({
  from: z.string(), to: z.string(), stages: z.array(z.enum(funnelStages)), total: Counts,
  stores: z.array(Counts.extend({ storeId: z.string(), storeName: z.string() })),
  advisors: z.array(Counts.extend({ storeId: z.string(), storeName: z.string(), advisorId: z.string().nullable(), advisorName: z.string().nullable() })),
  problems: z.object({ notFollowedUp: z.array(Problem), followUpFailed: z.array(Problem), needsEscalation: z.array(Problem) }),
}).openapi('Funnel');
export type FunnelResponse = z.infer<typeof FunnelSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/funnel',
  summary: 'The retention funnel: warnings opened in a period → task opened → contacted → booked → returned → recovered, per store and advisor',
  description:
    'Each warning opened in the period is followed until now. Stages are nested (each a subset of the one before): a task opened for the customer after the warning; ' +
    'a task outcome reached or booked; a booking (that outcome or an appointment event); a visit after the warning; the warning closed (back to green). ' +
    'Days are calendar days in Asia/Shanghai; `to` is inclusive. Scoped like every list: an advisor sees their own customers.',
  security: ANY_AUTH,
  request: {
    query: z.object({
      from: isoDate.optional().openapi({ description: 'First day (default: the first of this month)' }),
      to: isoDate.optional().openapi({ description: 'Last day, inclusive (default: today)' }),
      storeId: z.string().min(1).optional(),
      advisorId: z.string().min(1).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The funnel',
      content: {
        'application/json': {
          schema: FunnelSchema,
        },
      },
    },
    400: { description: 'Bad period', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const zero = (): FunnelCounts => ({ warned: 0, tasked: 0, contacted: 0, booked: 0, returned: 0, recovered: 0 });
function add(into: FunnelCounts, row: FunnelCounts): void {
  for (const s of funnelStages) into[s] += row[s];
}
const serialiseProblem = (p: FunnelProblem) => ({ ...p, at: p.at.toISOString() });

export function getFunnel(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const now = deps.clock();
    const fromDay = q.from ?? monthsBack(now, 0);
    const toDay = q.to ?? localToday(now);
    if (toDay < fromDay) throw new ApiError('invalid_request', '`to` is before `from`', [{ field: 'to', reason: 'must not be before from' }]);
    const from = DateTime.fromISO(fromDay, { zone: DEFAULT_TIME_ZONE }).toJSDate();
    const to = DateTime.fromISO(toDay, { zone: DEFAULT_TIME_ZONE }).plus({ days: 1 }).toJSDate();
    const scope = narrowToScope(scopeOf(c), { storeId: q.storeId, advisorId: q.advisorId });
    const [rows, problems] = await Promise.all([readFunnel(deps.db, scope, from, to), readFunnelProblems(deps.db, scope, from, to, now)]);
    const total = zero();
    const stores = new Map<string, FunnelCounts & { storeId: string; storeName: string }>();
    for (const r of rows) {
      add(total, r);
      const s = stores.get(r.storeId) ?? { storeId: r.storeId, storeName: r.storeName, ...zero() };
      add(s, r);
      stores.set(r.storeId, s);
    }
    return c.json({
      from: fromDay, to: toDay, stages: [...funnelStages], total, stores: [...stores.values()],
      advisors: rows.map((r: FunnelGroupRow) => ({ ...r })),
      problems: {
        notFollowedUp: problems.notFollowedUp.map(serialiseProblem),
        followUpFailed: problems.followUpFailed.map(serialiseProblem),
        needsEscalation: problems.needsEscalation.map(serialiseProblem),
      },
    }, 200);
  });
}
