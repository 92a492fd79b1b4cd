import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { checkOrigin } from '../../auth/check-csrf.js';
import { scopeOfStaff } from '../../auth/scope.js';
import { setSessionCookie } from '../../auth/session-cookie.js';
import { signIn } from '../../auth/sign-in.js';
import { SIGN_IN_RULES } from '../../auth/sign-in-rules.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { SessionSchema, staffView } from '../web-schemas.js';

export const SIGN_IN_PATH = '/api/v1/auth/sign-in';

const route = createRoute({
  method: 'post',
  path: SIGN_IN_PATH,
  summary: 'Staff sign-in with user name (staff id) and password; sets the session cookie',
  description: `${SIGN_IN_RULES.maxFailedAttempts} wrong passwords in a row lock the account for ${SIGN_IN_RULES.lockMs / 60_000} minutes.`,
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }).openapi('SignInBody') } },
      required: true,
    },
  },
  responses: {
    200: { description: 'Signed in; the session cookie is set', content: { 'application/json': { schema: SessionSchema } } },
    401: { description: 'Wrong user name or password', content: { 'application/json': { schema: ErrorBody } } },
    429: { description: 'Locked after repeated failures', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function postSignIn(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    checkOrigin(c); // no login CSRF: another site cannot sign a browser in to an account of its choosing
    const { username, password } = c.req.valid('json');
    const now = deps.clock();
    const result = await signIn(deps.db, username, password, now);
    if (!result.ok && result.reason === 'locked') {
      c.header('Retry-After', String(Math.max(1, Math.ceil((result.lockedUntil.getTime() - now.getTime()) / 1000))));
      throw new ApiError('locked', 'too many failed sign-ins; try again later', { lockedUntil: result.lockedUntil.toISOString() });
    }
    if (!result.ok) throw new ApiError('unauthorized', 'wrong user name or password');
    setSessionCookie(c, result.session.token, Math.floor(SIGN_IN_RULES.sessionLifetimeMs / 1000));
    const scope = await scopeOfStaff(deps.db, result.staff);
    return c.json({ staff: staffView(result.staff), scope, csrfToken: result.session.csrfToken }, 200);
  });
}
