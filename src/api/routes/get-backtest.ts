import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole, type Principal } from '../../auth/principal.js';
import { parseDay } from '../../domain/dates.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import type { Policy } from '../../domain/policy/policy-schema.js';
import { BacktestWindowError, backtestPolicy } from '../../engine/backtest-policy.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody, isoDate } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const precisionRecall = z.object({ flagged: z.number().int(), truePositives: z.number().int(), precision: z.number().nullable(), recall: z.number().nullable() });
const levelOutcome = z.object({ customers: z.number().int(), lost: z.number().int(), precision: z.number().nullable(), recall: z.number().nullable() });
export const calibrationBin = z.object({ from: z.number(), to: z.number(), count: z.number().int(), meanPredicted: z.number().nullable(), observedRate: z.number().nullable() });
const ruleSide = z.object({ riskScoreAuc: z.number().nullable(), red: precisionRecall, orangeOrRed: precisionRecall });

const BacktestSchema = z
  .object({
    asOf: z.string(),
    horizonDays: z.number().int(),
    policyVersion: z.string(),
    storeId: z.string().nullable(),
    customers: z.number().int(),
    lost: z.number().int(),
    lostRate: z.number().nullable(),
    rules: ruleSide.extend({ levels: z.object({ green: levelOutcome, yellow: levelOutcome, orange: levelOutcome, red: levelOutcome }) }),
    churnModel: z
      .object({
        customers: z.number().int(),
        lost: z.number().int(),
        auc: z.number().nullable(),
        brier: z.number(),
        baseRateBrier: z.number(),
        calibration: z.array(calibrationBin),
        red: precisionRecall,
        orangeOrRed: precisionRecall,
        rulesOnTheseCustomers: ruleSide,
      })
      .nullable()
      .openapi({ description: 'The churn model trained on what was known at asOf, side by side with the rules; null without enough history' }),
  })
  .openapi('PolicyBacktest');

const query = z.object({
  asOf: isoDate.optional().openapi({ description: 'The past date; default: the last day with data minus the horizon' }),
  storeId: z.string().optional(),
  horizonDays: z.coerce.number().int().min(1).max(730).default(180),
});

const responses = {
  200: { description: 'How the warning levels (and the churn model) of asOf foresaw who was lost in the horizon after it', content: { 'application/json': { schema: BacktestSchema } } },
  400: { description: 'A bad date, a window not yet in the data, or an invalid draft policy', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Advisors do not see settings', content: { 'application/json': { schema: ErrorBody } } },
};

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/backtest',
  summary: 'Back-test of the policy in force: warning levels of a past date against who was lost after it',
  security: ANY_AUTH,
  request: { query },
  responses,
});

const postRoute = createRoute({
  method: 'post',
  path: '/api/v1/backtest',
  summary: 'Back-test of a draft policy (not saved), beside the churn model',
  security: ANY_AUTH,
  request: {
    query,
    body: { content: { 'application/json': { schema: z.object({ policy: z.record(z.string(), z.unknown()).openapi({ description: 'A whole draft policy document' }) }) } }, required: true },
  },
  responses,
});

async function run(deps: ApiDeps, p: Principal, q: z.infer<typeof query>, policy?: Policy) {
  let asOf: number | undefined;
  if (q.asOf !== undefined) {
    try {
      asOf = parseDay(q.asOf);
    } catch {
      throw new ApiError('invalid_request', `asOf: "${q.asOf}" is not a calendar date`);
    }
  }
  if (q.storeId !== undefined && p.scope.storeIds !== null && !p.scope.storeIds.includes(q.storeId)) {
    throw new ApiError('forbidden', `store "${q.storeId}" is outside your scope`);
  }
  try {
    return await backtestPolicy(deps.db, {
      horizonDays: q.horizonDays,
      ...(asOf !== undefined ? { asOf } : {}),
      ...(q.storeId !== undefined ? { storeId: q.storeId } : {}),
      ...(p.scope.storeIds !== null ? { storeIds: p.scope.storeIds } : {}),
      ...(policy ? { policy } : {}),
    });
  } catch (err) {
    if (err instanceof BacktestWindowError) throw new ApiError('invalid_request', err.message, [{ field: 'asOf', reason: err.message }]);
    if (err instanceof RangeError && /no store/.test(err.message)) throw new ApiError('not_found', err.message);
    throw err;
  }
}

/** The settings screen's back-test (item 4): the policy in force (GET) or a draft (POST). */
export function getBacktest(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(getRoute, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    return c.json(await run(deps, p, c.req.valid('query')), 200);
  });
  app.openapi(postRoute, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    const parsed = parsePolicy(c.req.valid('json').policy);
    if (!parsed.ok) {
      throw new ApiError('invalid_request', 'the policy is not valid', parsed.errors.map((e) => ({ field: `policy.${e.path}`, reason: e.message })));
    }
    return c.json(await run(deps, p, c.req.valid('query'), parsed.policy), 200);
  });
}
