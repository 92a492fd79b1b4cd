import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { scopeOf } from '../../auth/principal.js';
import { modelInForce, readCurrentModels, readModelHistory, type StoredModel } from '../../store/read-model.js';
import { NETWORK } from '../../store/write-model.js';
import type { ApiDeps } from '../deps.js';
import { calibrationBin } from './get-backtest.js';
import { ANY_AUTH } from '../web-schemas.js';

const backtest = z.object({
  testDate: z.string(), testRows: z.number().int(), lostRate: z.number(), auc: z.number().nullable(), brier: z.number(), baseRateBrier: z.number(),
  calibration: z.array(calibrationBin),
}).nullable();
const fit = z.object({
  id: z.number().int(), network: z.boolean(), fittedAt: z.string(), fittedBy: z.string(), windowFrom: z.string().nullable(), windowTo: z.string(),
  customers: z.number().int(), active: z.boolean(), note: z.string().nullable(),
});
const StoreModelsSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  /** Why the store has no model of its own, when it is predicted with the network's (or not at all). */
  message: z.string().nullable(),
  bgnbd: fit.extend({ logLik: z.number().nullable() }).nullable(),
  gammagamma: fit.nullable(),
  churn: fit.extend({ backtest, horizonDays: z.number().int().nullable() }).nullable(),
  churnHistory: z.array(fit.extend({ auc: z.number().nullable(), brier: z.number().nullable() }))
    .openapi({ description: "The store's last churn fits, newest first, with those the not-worse gate kept out of force" }),
}).openapi('StoreModels');

const route = createRoute({
  method: 'get',
  path: '/api/v1/models',
  summary: 'The prediction models in force per store in scope: who fitted them when, on what window, their back-test and calibration',
  security: ANY_AUTH,
  responses: { 200: { description: 'Per store', content: { 'application/json': { schema: z.object({ stores: z.array(StoreModelsSchema) }) } } } },
});

type Metrics = { logLik?: number; horizonDays?: number; backtest?: z.infer<typeof backtest> & Record<string, unknown> };

const fitOf = (m: StoredModel) => ({
  id: m.id, network: m.storeId === NETWORK, fittedAt: m.fittedAt.toISOString(), fittedBy: m.fittedBy, windowFrom: m.windowFrom,
  windowTo: m.windowTo, customers: m.customers, active: m.active, note: m.note,
});
const backtestOf = (m: Metrics) => {
  const b = m.backtest;
  return b ? { testDate: b.testDate, testRows: b.testRows, lostRate: b.lostRate, auc: b.auc, brier: b.brier, baseRateBrier: b.baseRateBrier, calibration: b.calibration } : null;
};

/** GET /api/v1/models: so a manager can see whether to trust the churn probability (screens: overview). */
export function getModels(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const scope = scopeOf(c);
    const { minCustomers, minHistoryDays } = (await deps.policy()).prediction;
    const stores = await deps.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM stores WHERE $1::text[] IS NULL OR id = ANY($1::text[]) ORDER BY id', [scope.storeIds]);
    const current = await readCurrentModels(deps.db);
    const out = [];
    for (const s of stores) {
      const [bg, gg, churn] = [modelInForce(current, s.id, 'bgnbd'), modelInForce(current, s.id, 'gammagamma'), modelInForce(current, s.id, 'churn')];
      const own = [bg, gg, churn].every((m) => m !== null && m.storeId === s.id);
      const none = [bg, gg, churn].every((m) => m === null);
      const message = own ? null : none
        ? 'no model fitted yet'
        : `the network's model is used where the store has none of its own: a store needs ${minCustomers} customers and ${minHistoryDays} days of history to fit`;
      const history = (await readModelHistory(deps.db, s.id, 'churn')).slice(0, 5).map((m) => {
        const b = (m.metrics as Metrics).backtest;
        return { ...fitOf(m), auc: b?.auc ?? null, brier: b?.brier ?? null };
      });
      out.push({
        storeId: s.id, storeName: s.name, message,
        bgnbd: bg && { ...fitOf(bg), logLik: (bg.metrics as Metrics).logLik ?? null },
        gammagamma: gg && fitOf(gg),
        churn: churn && { ...fitOf(churn), backtest: backtestOf(churn.metrics as Metrics), horizonDays: (churn.metrics as Metrics).horizonDays ?? null },
        churnHistory: history,
      });
    }
    return c.json({ stores: out }, 200);
  });
}

export type ModelsResponse = { stores: z.infer<typeof StoreModelsSchema>[] };
