import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole, scopeOf } from '../../auth/principal.js';
import { inScope } from '../../auth/scope.js';
import { noticeSchema } from '../../domain/records.js';
import type { Db } from '../../store/db.js';
import { writeNotices } from '../../store/write-notices.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';

export const PostNoticeBody = z
  .strictObject({
    id: z.string().trim().min(1).optional().openapi({ description: 'Your id for the notice (sending it again changes nothing); default: one made of the store and the time' }),
    storeId: z.string().min(1),
    kind: z.enum(['bad_weather']),
    title: z.string().openapi({ description: 'What the message names, at most 40 characters (it goes into an SMS): 台风"海葵"橙色预警' }),
    at: z.string().optional().openapi({ description: 'From when it is sent (ISO 8601); default: now' }),
  })
  .openapi('PostNotice');

const NoticeItem = z.object({
  id: z.string(), storeId: z.string(), storeName: z.string(), kind: z.string(), title: z.string(), at: z.string(),
  announcedAt: z.string().nullable().openapi({ description: 'When the worker sent it to the store’s customers (null: not yet)' }),
  recipients: z.number().int().nullable().openapi({ description: 'How many customers it was addressed to (within consent and caps)' }),
}).openapi('Notice');

const errors = {
  400: { description: 'Invalid body, each bad field named', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not a manager, or the store is outside your scope', content: { 'application/json': { schema: ErrorBody } } },
} as const;

const routes = {
  post: createRoute({
    method: 'post', path: '/api/v1/notices', security: ANY_AUTH,
    summary: 'Publish a store-wide notice (bad weather): every customer the outbox may write to gets it once, within the caps',
    request: { body: { content: { 'application/json': { schema: PostNoticeBody } }, required: true } },
    responses: { 200: { description: 'Stored; the worker announces it from its time on', content: { 'application/json': { schema: NoticeItem } } }, ...errors },
  }),
  list: createRoute({
    method: 'get', path: '/api/v1/notices', security: ANY_AUTH, summary: 'The newest 50 notices of the stores in your scope, with when they went out and to how many',
    responses: { 200: { description: 'Notices, newest first', content: { 'application/json': { schema: z.object({ notices: z.array(NoticeItem) }) } } } },
  }),
};

async function listNotices(db: Db, where: { scope: ReturnType<typeof scopeOf>; id?: string }) {
  // A notice belongs to a store, not to an advisor's book: everyone of the store sees it.
  const params: unknown[] = [where.scope.storeIds];
  if (where.id !== undefined) params.push(where.id);
  const rows = await db.query<{ id: string; store_id: string; store_name: string; kind: string; title: string; at: Date; announced_at: Date | null; recipients: number | null }>(
    `SELECT n.id, n.store_id, s.name AS store_name, n.kind, n.record->>'title' AS title, n.at, n.announced_at, n.recipients
       FROM store_notices n JOIN stores s ON s.id = n.store_id
      WHERE ($1::text[] IS NULL OR n.store_id = ANY($1::text[])) ${where.id !== undefined ? `AND n.id = $${params.length}` : ''}
      ORDER BY n.at DESC, n.id LIMIT 50`,
    params,
  );
  return rows.map((r) => ({
    id: r.id, storeId: r.store_id, storeName: r.store_name, kind: r.kind, title: r.title, at: r.at.toISOString(),
    announcedAt: r.announced_at?.toISOString() ?? null, recipients: r.recipients,
  }));
}

export function noticesRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(routes.post, async (c) => {
    // A notice goes to a whole store: the people who run the store publish it, and integrations.
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const body = c.req.valid('json');
    const scope = scopeOf(c);
    if (!inScope({ ...scope, advisorId: null }, body.storeId, null)) {
      throw new ApiError('forbidden', `store "${body.storeId}" is outside your scope`, [{ field: 'storeId', reason: 'outside your scope' }]);
    }
    const at = body.at ?? deps.clock().toISOString();
    const parsed = noticeSchema.safeParse({ ...body, at, id: body.id ?? `notice-${body.storeId}-${at}` });
    if (!parsed.success) {
      throw new ApiError('invalid_request', 'invalid notice', parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })));
    }
    const [outcome] = (await writeNotices(deps.db, [parsed.data])).outcomes;
    if (outcome?.status === 'rejected') throw new ApiError('unprocessable', outcome.error.reason, [outcome.error]);
    const [stored] = await listNotices(deps.db, { scope, id: parsed.data.id });
    return c.json(stored!, 200);
  });

  app.openapi(routes.list, async (c) => c.json({ notices: await listNotices(deps.db, { scope: scopeOf(c) }) }, 200));
}
