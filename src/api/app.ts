import { OpenAPIHono } from '@hono/zod-openapi';
import { log } from '../log.js';
import { isValidApiToken } from '../store/api-tokens.js';
import type { ApiDeps } from './deps.js';
import { ApiError, errorResponse } from './errors.js';
import { getCustomerRoute } from './routes/get-customer.js';
import { getCustomerEvaluation } from './routes/get-customer-evaluation.js';
import { getCustomerEvaluations } from './routes/get-customer-evaluations.js';
import { getCustomerEvents } from './routes/get-customer-events.js';
import { getCustomers } from './routes/get-customers.js';
import { getWarnings } from './routes/get-warnings.js';
import { postEvents } from './routes/post-events.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';

/** The HTTP API: every route under /api/v1 needs a bearer token, except the OpenAPI document. */
export function createApp(deps: ApiDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), reason: i.message }));
        return errorResponse(c, new ApiError('invalid_request', 'the request is not valid', details));
      }
    },
  });

  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path === OPENAPI_PATH) return next();
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token || !(await isValidApiToken(deps.db, token))) {
      return errorResponse(c, new ApiError('unauthorized', 'a valid API token is required (Authorization: Bearer …)'));
    }
    return next();
  });

  postEvents(app, deps);
  getCustomers(app, deps);
  getCustomerRoute(app, deps);
  getCustomerEvents(app, deps);
  getCustomerEvaluation(app, deps);
  getCustomerEvaluations(app, deps);
  getWarnings(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc(OPENAPI_PATH, { openapi: '3.0.0', info: { title: 'Retain API', version: '1' } });

  app.notFound((c) => errorResponse(c, new ApiError('not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof SyntaxError) return errorResponse(c, new ApiError('invalid_request', `malformed JSON: ${err.message}`));
    log.error({ err }, 'request failed');
    return errorResponse(c, new ApiError('internal', 'internal error'));
  });
  return app;
}
