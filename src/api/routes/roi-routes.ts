import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole, scopeOf } from '../../auth/principal.js';
import { dimensions, figuresByDimension, loadMembers, programFigures, readCampaignRecallBoard, totalFigures } from '../../engine/campaigns/campaign-report.js';
import type { ApiDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH } from '../web-schemas.js';
import { FiguresSchema, lang } from './campaign-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const campaignIds = z.string().min(1).optional().openapi({ description: 'Comma-separated campaign ids (default: every launched campaign)' });
const ids = (v: string | undefined) => (v ? { campaignIds: v.split(',').map((s) => s.trim()).filter(Boolean) } : {});

const CampaignRecallBoardSchema = z.object({
  campaigns: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), startsOn: z.string(), endsOn: z.string(), budget: z.number(), total: FiguresSchema, byLevel: z.array(FiguresSchema) })),
  total: FiguresSchema, byLevel: z.array(FiguresSchema), byReason: z.array(FiguresSchema),
  daily: z.array(z.object({ day: z.string(), calls: z.number().int(), connected: z.number().int() })),
}).openapi('CampaignRecallBoard');
export type CampaignRecallBoard = z.infer<typeof CampaignRecallBoardSchema>;

const routes = {
  roi: createRoute({ method: 'get', path: '/api/v1/roi', summary: 'Cost, return, ROI and treated vs held-out per campaign, recall level, quadrant, program, store or churn reason',
    security: ANY_AUTH, request: { query: z.object({ by: z.enum(dimensions).default('campaign'), campaignIds, lang }) },
    responses: { 200: json(z.object({ by: z.enum(dimensions), items: z.array(FiguresSchema), total: FiguresSchema }), 'ROI'), 403: json(ErrorBody, 'Not allowed') } }),
  board: createRoute({ method: 'get', path: '/api/v1/recall-board/campaigns',
    summary: 'The recall board of campaigns: per campaign and recall level attempted, connected, recalled, arrived, revenue, cost, ROI; daily calls; treated vs held out',
    security: ANY_AUTH, request: { query: z.object({ campaignIds, lang }) },
    responses: {
      200: json(CampaignRecallBoardSchema, 'The board'),
      403: json(ErrorBody, 'Not allowed'),
    } }),
  programs: createRoute({ method: 'get', path: '/api/v1/roi/programs',
    summary: "The program engine's runs against its random hold-out, per program: recovery treated vs held out, cost, return, ROI",
    security: ANY_AUTH, request: { query: z.object({ lang }) },
    responses: { 200: json(z.object({ items: z.array(FiguresSchema) }), 'Per program'), 403: json(ErrorBody, 'Not allowed') } }),
};

/** Honest ROI (programs.md §12) and the recall board's campaign figures; scoped to the caller's stores. */
export function roiRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(routes.roi, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    const q = c.req.valid('query');
    const { members } = await loadMembers(deps.db, { scope: scopeOf(c), now: deps.clock(), ...ids(q.campaignIds) });
    const [items, total] = await Promise.all([figuresByDimension(deps.db, members, q.by, q.lang), totalFigures(deps.db, members, q.lang)]);
    return c.json({ by: q.by, items, total }, 200);
  });
  app.openapi(routes.programs, async (c) => {
    requireRole(c, MANAGER_ROLES, { tokens: true });
    return c.json({ items: await programFigures(deps.db, { scope: scopeOf(c), now: deps.clock(), lang: c.req.valid('query').lang }) }, 200);
  });
  app.openapi(routes.board, async (c) => {
    const q = c.req.valid('query');
    const board = await readCampaignRecallBoard(deps.db, { scope: scopeOf(c), now: deps.clock(), lang: q.lang, ...ids(q.campaignIds) });
    return c.json(board, 200);
  });
}

