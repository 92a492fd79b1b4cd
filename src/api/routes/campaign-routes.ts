import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, principalOf, requireRole, scopeOf } from '../../auth/principal.js';
import { campaignSchema } from '../../campaigns/campaign-schema.js';
import { createCampaign } from '../../engine/campaigns/create-campaign.js';
import { launchCampaign } from '../../engine/campaigns/launch-campaign.js';
import { previewCampaign } from '../../engine/campaigns/preview-campaign.js';
import { runCampaign } from '../../engine/campaigns/run-campaign.js';
import { recordAttempt } from '../../store/campaign-attempts.js';
import { getCampaign, listCampaigns, type CampaignRecord } from '../../store/campaign-records.js';
import { getRetentionSettings } from '../../store/campaign-settings.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';
import { CampaignViewSchema, PreviewSchema, idParam } from './campaign-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(ErrorBody, 'Not valid'), 403: json(ErrorBody, 'Not allowed'), 404: json(ErrorBody, 'No such campaign') };
const asOfQuery = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: 'Select from the evaluations as of this day' }) });

const AttemptBody = z.object({
  customerId: z.string().min(1), channel: z.enum(['call', 'wechat', 'sms', 'app', 'email']), at: z.string().datetime({ offset: true }),
  connected: z.boolean(), outcome: z.string().min(1).optional(), staffId: z.string().min(1).optional(),
  minutes: z.number().nonnegative().max(600).optional().openapi({ description: 'Staff minutes (default by the settings: connected / unanswered call, WeChat)' }),
}).openapi('CampaignAttempt');

const routes = {
  list: createRoute({ method: 'get', path: '/api/v1/campaigns', summary: 'Campaigns with their status', security: ANY_AUTH,
    responses: { 200: json(z.object({ items: z.array(CampaignViewSchema) }), 'Campaigns'), 403: errors[403] } }),
  create: createRoute({ method: 'post', path: '/api/v1/campaigns', summary: 'Store a campaign as a draft (segment, program, budget, dates, owner, hold-out)',
    security: ANY_AUTH, request: { body: { content: { 'application/json': { schema: campaignSchema } }, required: true } },
    responses: { 201: json(CampaignViewSchema, 'Stored'), ...errors } }),
  get: createRoute({ method: 'get', path: '/api/v1/campaigns/{id}', summary: 'One campaign', security: ANY_AUTH, request: { params: idParam },
    responses: { 200: json(CampaignViewSchema, 'The campaign'), ...errors } }),
  preview: createRoute({ method: 'get', path: '/api/v1/campaigns/{id}/preview', summary: 'Before launch: customers reached, held out, excluded, and the expected cost',
    security: ANY_AUTH, request: { params: idParam, query: asOfQuery }, responses: { 200: json(PreviewSchema, 'The preview'), ...errors } }),
  launch: createRoute({ method: 'post', path: '/api/v1/campaigns/{id}/launch', summary: 'Launch a draft: members and hold-out stored, the program started for the treated',
    security: ANY_AUTH, request: { params: idParam, query: asOfQuery }, responses: { 200: json(PreviewSchema.extend({ runsStarted: z.number().int() }), 'Launched'), ...errors } }),
  run: createRoute({ method: 'post', path: '/api/v1/campaigns/{id}/run', summary: 'Record attempts, mark recovered and given-up members, open due attempts; finish after the last day',
    security: ANY_AUTH, request: { params: idParam },
    responses: { 200: json(z.object({ campaignId: z.string(), status: z.string(), attemptsRecorded: z.number().int(), recovered: z.number().int(), gaveUp: z.number().int(), attemptTasks: z.number().int() }), 'Done'), ...errors } }),
  attempt: createRoute({ method: 'post', path: '/api/v1/campaigns/{id}/attempts', summary: 'Record one attempt to reach a treated member and its outcome (a call, a personal WeChat, a message)',
    security: ANY_AUTH, request: { params: idParam, body: { content: { 'application/json': { schema: AttemptBody } }, required: true } },
    responses: { 201: json(z.object({ ok: z.literal(true) }), 'Recorded'), ...errors } }),
};

const view = (r: CampaignRecord) => ({
  campaign: r.campaign as unknown as Record<string, unknown>, status: r.status, holdOutShare: r.holdOutShare, seed: r.seed, attributionDays: r.attributionDays,
  selectedAsOf: r.selectedAsOf, createdAt: r.createdAt.toISOString(), launchedAt: r.launchedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** Campaigns (issue item 1): managers and integrations create, preview, launch and run them. */
export function campaignRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(routes.list, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    return c.json({ items: (await listCampaigns(deps.db)).map(view) }, 200);
  });
  app.openapi(routes.create, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    const r = await createCampaign(deps.db, c.req.valid('json'), deps.clock(), p.kind === 'staff' ? p.staff.id : undefined);
    if (!r.ok) throw new ApiError('invalid_request', 'the campaign is not valid', r.errors);
    return c.json(view(r.record), 201);
  });
  app.openapi(routes.get, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const r = await getCampaign(deps.db, c.req.valid('param').id);
    if (!r) throw new ApiError('not_found', `no campaign "${c.req.valid('param').id}"`);
    return c.json(view(r), 200);
  });
  app.openapi(routes.preview, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('query');
    const p = await previewCampaign(deps.db, id, { scope: scopeOf(c), ...(asOf ? { asOf } : {}) });
    if (!p) throw new ApiError('not_found', `no campaign "${id}"`);
    return c.json(p, 200);
  });
  app.openapi(routes.launch, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('query');
    const r = await launchCampaign(deps.db, id, { now: deps.clock(), scope: principalOf(c).scope, ...(asOf ? { asOf } : {}) });
    if (!r.ok && r.reason === 'not_found') throw new ApiError('not_found', `no campaign "${id}"`);
    if (!r.ok) throw new ApiError('invalid_request', `campaign "${id}" is ${r.status}, not a draft`);
    return c.json({ ...r.preview, runsStarted: r.runsStarted }, 200);
  });
  app.openapi(routes.attempt, async (c) => {
    const p = principalOf(c);
    const b = c.req.valid('json');
    const staffId = p.kind === 'staff' ? p.staff.id : b.staffId;
    const ok = await recordAttempt(deps.db, c.req.valid('param').id, { ...b, at: new Date(b.at), staffId }, await getRetentionSettings(deps.db));
    if (!ok) throw new ApiError('not_found', `customer "${b.customerId}" is not a treated member of campaign "${c.req.valid('param').id}"`);
    return c.json({ ok: true as const }, 201);
  });
  app.openapi(routes.run, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const { id } = c.req.valid('param');
    const r = await runCampaign(deps.db, id, deps.clock());
    if (!r) throw new ApiError('not_found', `no campaign "${id}"`);
    return c.json(r, 200);
  });
}
