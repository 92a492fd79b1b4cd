import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MANAGER_ROLES, principalOf, requireRole } from '../../auth/principal.js';
import { catalogueSchema } from '../../campaigns/offer-schema.js';
import type { RequesterRole } from '../../campaigns/settings-schema.js';
import { decideGrant } from '../../engine/campaigns/decide-grant.js';
import { grantOffer } from '../../engine/campaigns/grant-offer.js';
import { readOfferCatalogue, saveOfferCatalogue } from '../../store/offer-catalogue.js';
import { readRedemptions } from '../../store/offer-redemptions.js';
import { getStaffMember } from '../../store/read-staff.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';
import { idParam } from './campaign-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
/** Beside the document: who replaced it and when (the document itself stays as PUT takes it); null while the shipped catalogue applies. */
const changed = {
  changedAt: z.string().nullable().openapi({ description: 'When the catalogue in force was saved' }),
  changedBy: z.string().nullable().openapi({ description: 'Staff id of who saved it (null for an API token or a script such as the demo)' }),
};
const errors = { 400: json(ErrorBody, 'Not valid'), 403: json(ErrorBody, 'Not allowed'), 404: json(ErrorBody, 'Not found') };
const GrantBody = z.object({
  customerId: z.string().min(1), offerId: z.string().min(1),
  staffId: z.string().min(1).optional().openapi({ description: 'Who gives it (API tokens only; a signed-in member gives it themselves)' }),
}).openapi('GrantBody');
const DecisionBody = z.object({ approve: z.boolean(), note: z.string().min(1).optional(), staffId: z.string().min(1).optional() }).openapi('GrantDecision');
const GrantResult = z.object({
  status: z.string(), grantId: z.number().int().nullable().optional(), cost: z.number().optional(), validUntil: z.string().optional(),
  approverRole: z.string().optional(), taskId: z.string().nullable().optional(), reason: z.string().optional(),
}).openapi('GrantResult');

const routes = {
  catalogue: createRoute({ method: 'get', path: '/api/v1/offers', summary: 'The offer catalogue: offers, unit costs, validity, per-level defaults by churn reason',
    security: ANY_AUTH, responses: { 200: json(z.looseObject(changed), 'The catalogue, with who last replaced it and when') } }),
  replace: createRoute({ method: 'put', path: '/api/v1/offers', summary: 'Replace the offer catalogue (admins)', security: ANY_AUTH,
    request: { body: { content: { 'application/json': { schema: catalogueSchema } }, required: true } },
    responses: { 200: json(z.object({ ok: z.literal(true) }), 'Stored'), ...errors } }),
  grant: createRoute({ method: 'post', path: '/api/v1/campaigns/{id}/offers', summary: "Give a treated member an offer: within the giver's limit granted, above it sent for approval (a task), never past the budget",
    security: ANY_AUTH, request: { params: idParam, body: { content: { 'application/json': { schema: GrantBody } }, required: true } },
    responses: { 200: json(GrantResult, 'Granted, pending approval or refused (with the reason)'), ...errors } }),
  decide: createRoute({ method: 'post', path: '/api/v1/offer-grants/{id}/decision', summary: 'A manager approves or rejects an offer waiting for approval',
    security: ANY_AUTH, request: { params: idParam, body: { content: { 'application/json': { schema: DecisionBody } }, required: true } },
    responses: { 200: json(GrantResult, 'Decided'), ...errors } }),
  redemptions: createRoute({ method: 'get', path: '/api/v1/offers/redemptions',
    summary: 'Redeemed offers: visits (import or POST /api/v1/events) that carry an `offerId` field, by campaign members', security: ANY_AUTH,
    request: { query: z.object({ campaignId: z.string().min(1).optional() }) },
    responses: { 200: json(z.object({ items: z.array(z.object({ eventId: z.string(), campaignId: z.string(), customerId: z.string(), offerId: z.string(), at: z.string(), amount: z.number() })) }), 'Redemptions') } }),
};

/** Who acts and in which role: the signed-in member, or for an API token the staffId the body names. */
async function actor(c: Context, deps: ApiDeps, staffId: string | undefined): Promise<{ staffId: string | null; role: RequesterRole }> {
  const p = principalOf(c);
  if (p.kind === 'staff') return { staffId: p.staff.id, role: p.staff.role };
  if (!staffId) return { staffId: null, role: 'admin' };
  const staff = await getStaffMember(deps.db, staffId);
  if (!staff) throw new ApiError('invalid_request', `unknown staff member "${staffId}"`, [{ field: 'staffId', reason: 'unknown staff member' }]);
  return { staffId: staff.id, role: staff.role };
}

/** Offers (issue item 2): the catalogue, grants within limits and budget, approvals, redemptions. */
export function offerRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(routes.catalogue, async (c) => {
    const r = await readOfferCatalogue(deps.db);
    return c.json({ ...r.catalogue, changedAt: r.changedAt?.toISOString() ?? null, changedBy: r.changedBy }, 200);
  });
  app.openapi(routes.replace, async (c) => {
    const p = requireRole(c, ['admin'], { tokens: true });
    await saveOfferCatalogue(deps.db, c.req.valid('json'), deps.clock(), p.kind === 'staff' ? p.staff.id : undefined);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(routes.grant, async (c) => {
    const body = c.req.valid('json');
    const who = await actor(c, deps, body.staffId);
    const r = await grantOffer(deps.db, { campaignId: c.req.valid('param').id, customerId: body.customerId, offerId: body.offerId, ...who }, deps.clock());
    return c.json(r, 200);
  });
  app.openapi(routes.decide, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const id = Number(c.req.valid('param').id);
    if (!Number.isInteger(id)) throw new ApiError('not_found', `no offer grant "${c.req.valid('param').id}"`);
    const body = c.req.valid('json');
    const r = await decideGrant(deps.db, id, { approve: body.approve, ...(await actor(c, deps, body.staffId)), ...(body.note ? { note: body.note } : {}) }, deps.clock());
    if (r.status === 'not_found') throw new ApiError('not_found', `no offer grant ${id}`);
    if (r.status === 'not_pending') throw new ApiError('invalid_request', `offer grant ${id} is not waiting for approval`);
    if (r.status === 'not_allowed') throw new ApiError('forbidden', r.reason);
    return c.json(r, 200);
  });
  app.openapi(routes.redemptions, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const items = await readRedemptions(deps.db, principalOf(c).scope, c.req.valid('query').campaignId);
    return c.json({ items: items.map((r) => ({ ...r, at: r.at.toISOString() })) }, 200);
  });
}
