import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireCustomer } from '../../auth/require-customer.js';
import { formatDay, localDayOfInstant } from '../../domain/dates.js';
import { evaluateCustomer } from '../../domain/evaluate-customer.js';
import { loadFacts } from '../../engine/load-facts.js';
import { loadPredictionModels } from '../../engine/load-prediction-models.js';
import { visitHistoryOf } from '../../engine/visit-histories.js';
import { churnFactors } from '../../prediction/churn-factors.js';
import { disagreementOf } from '../../prediction/disagreement.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { CustomerIdParam, ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

const factor = z.object({ feature: z.string(), contribution: z.number() });
const ref = z.object({ id: z.number().int(), network: z.boolean() }).nullable();
const CustomerPredictionSchema = z.object({
  asOf: z.string(),
  level: z.string(),
  riskScore: z.number(),
  pAlive: z.number().nullable(),
  expectedVisits90: z.number().nullable(),
  churnProbability: z.number().nullable(),
  clv: z.number().nullable(),
  models: z.object({ bgNbd: ref, gammaGamma: ref, churn: ref }).nullable(),
  factors: z.object({ raises: z.array(factor), lowers: z.array(factor) }).nullable()
    .openapi({ description: "The churn model's inputs that raise and lower this customer's probability most, as log-odds terms against the average customer" }),
  disagreement: z.enum(['rules_higher', 'model_higher']).nullable(),
}).openapi('CustomerPrediction');
export type CustomerPrediction = z.infer<typeof CustomerPredictionSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/prediction',
  summary: "One customer's prediction beside the rule score: P(alive), expected visits, CLV, churn probability and its top factors",
  security: ANY_AUTH,
  request: { params: CustomerIdParam },
  responses: {
    200: { description: 'The prediction as of today', content: { 'application/json': { schema: CustomerPredictionSchema } } },
    403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getCustomerPrediction(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    await requireCustomer(c, deps.db, id);
    const [facts] = await loadFacts(deps.db, [id]);
    if (!facts) throw new ApiError('not_found', `no customer "${id}"`);
    const asOf = localDayOfInstant(deps.clock().getTime(), facts.timeZone);
    const policy = await deps.policy();
    const models = (await loadPredictionModels(deps.db, facts.storeId)).get(facts.storeId);
    const e = evaluateCustomer(facts, policy, asOf, { models });
    const p = e.prediction;
    return c.json({
      asOf: formatDay(asOf), level: e.level, riskScore: e.risk.score,
      pAlive: p.pAlive, expectedVisits90: p.expectedVisits90, churnProbability: p.churnProbability, clv: p.clv, models: p.models,
      factors: models ? churnFactors(e, visitHistoryOf(facts), asOf, models) : null,
      disagreement: disagreementOf(e.level, p.churnProbability, policy.prediction.disagreement),
    }, 200);
  });
}
