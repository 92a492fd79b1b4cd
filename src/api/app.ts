import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { authenticate } from '../auth/authenticate.js';
import { log } from '../log.js';
import type { ApiDeps } from './deps.js';
import { ApiError, errorCodeOf, errorResponse } from './errors.js';
import { getBacktest } from './routes/get-backtest.js';
import { getCustomerRoute } from './routes/get-customer.js';
import { getCustomerEvaluation } from './routes/get-customer-evaluation.js';
import { getCustomerEvaluations } from './routes/get-customer-evaluations.js';
import { getCustomerEvents } from './routes/get-customer-events.js';
import { getCustomers } from './routes/get-customers.js';
import { getFunnel } from './routes/get-funnel.js';
import { getWarnings } from './routes/get-warnings.js';
import { campaignRoutes } from './routes/campaign-routes.js';
import { offerRoutes } from './routes/offer-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { roiRoutes } from './routes/roi-routes.js';
import { postEvents } from './routes/post-events.js';
import { registerWebRoutes } from './register-web-routes.js';
import { registerTaskRoutes } from './routes/register-task-routes.js';
import { SIGN_IN_PATH } from './routes/post-sign-in.js';
import { serveWebApp } from './serve-web.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';
/** Room for the largest event batch (MAX_EVENTS_PER_BATCH of ~300 bytes) with a margin. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The HTTP API and the web app at one origin. Every route under /api/v1 needs an API token
 * (integrations) or a staff session cookie (the web app), except the OpenAPI document and
 * sign-in; what a caller sees is limited to its scope (src/auth/scope.ts).
 */
export function createApp(deps: ApiDeps, options: { webRoot?: string } = {}): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), reason: i.message }));
        return errorResponse(c, new ApiError('invalid_request', 'the request is not valid', details));
      }
    },
  });

  // Refused from the Content-Length before anything is read; a chunked body is cut off at the limit.
  app.use(
    '/api/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, new ApiError('payload_too_large', `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MiB: send it in smaller batches`)),
    }),
  );
  app.use('/api/v1/*', authenticate(deps, (method, path) => path === OPENAPI_PATH || (method === 'POST' && path === SIGN_IN_PATH)));

  postEvents(app, deps);
  getCustomers(app, deps);
  getCustomerRoute(app, deps);
  getCustomerEvents(app, deps);
  getCustomerEvaluation(app, deps);
  getCustomerEvaluations(app, deps);
  getWarnings(app, deps);
  getBacktest(app, deps);
  registerWebRoutes(app, deps);
  campaignRoutes(app, deps);
  offerRoutes(app, deps);
  roiRoutes(app, deps);
  reviewRoutes(app, deps);
  registerTaskRoutes(app, deps);
  getFunnel(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'retain_session' });
  // Made once, at the first request, when every route is registered: generating it took some
  // 25 ms a request, on a route anyone may call.
  let document: ReturnType<typeof app.getOpenAPIDocument> | undefined;
  app.get(OPENAPI_PATH, (c) => c.json(document ??= app.getOpenAPIDocument({ openapi: '3.0.0', info: { title: 'Retain API', version: '1' } })));

  serveWebApp(app, options.webRoot);

  app.notFound((c) => errorResponse(c, new ApiError('not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof SyntaxError) return errorResponse(c, new ApiError('invalid_request', `malformed JSON: ${err.message}`));
    // Hono's own refusals (a body that is not JSON, before validation) keep their 4xx status.
    if (err instanceof HTTPException && err.status < 500) return errorResponse(c, new ApiError(errorCodeOf(err.status), err.message));
    log.error({ err }, 'request failed');
    return errorResponse(c, new ApiError('internal', 'internal error'));
  });
  return app;
}
