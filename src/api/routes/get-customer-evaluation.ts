import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireCustomer } from '../../auth/require-customer.js';
import { localDayOfInstant, parseDay } from '../../domain/dates.js';
import { evaluateCustomers } from '../../domain/evaluate-customer.js';
import { loadFacts } from '../../engine/load-facts.js';
import { loadPredictionModels } from '../../engine/load-prediction-models.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { CustomerIdParam, ErrorBody, EvaluationRecordSchema, isoDate } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/customers/{id}/evaluation',
  summary: 'Evaluate one customer as of a date (the evaluation record)',
  security: [{ bearer: [] }],
  request: {
    params: CustomerIdParam,
    query: z.object({
      asOf: isoDate.optional().openapi({ description: "Default: today in the store's time zone" }),
      lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
  },
  responses: {
    200: { description: 'The evaluation record with one customer', content: { 'application/json': { schema: EvaluationRecordSchema } } },
    400: { description: 'Bad date', content: { 'application/json': { schema: ErrorBody } } },
    403: { description: 'Outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function getCustomerEvaluation(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { asOf, lang } = c.req.valid('query');
    await requireCustomer(c, deps.db, id);
    const day = asOf === undefined ? undefined : parseDayOrThrow(asOf);
    const [facts] = await loadFacts(deps.db, [id], day);
    if (!facts) throw new ApiError('not_found', `no customer "${id}"`);
    const evaluateAsOf = day ?? localDayOfInstant(deps.clock().getTime(), facts.timeZone);
    const models = (await loadPredictionModels(deps.db, facts.storeId)).get(facts.storeId);
    const record = evaluateCustomers([facts], await deps.policy(), evaluateAsOf, { lang, models });
    return c.json(record as unknown as z.infer<typeof EvaluationRecordSchema>, 200);
  });
}

function parseDayOrThrow(s: string): number {
  try {
    return parseDay(s);
  } catch {
    throw new ApiError('invalid_request', `asOf: "${s}" is not a calendar date`);
  }
}
