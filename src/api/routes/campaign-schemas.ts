import { z } from '@hono/zod-openapi';

/** Response shapes of the campaign, offer, ROI and review routes, named in the OpenAPI document. */

const rate = z.number().nullable();
const interval = z.tuple([z.number(), z.number()]).nullable();

export const UpliftSchema = z.object({
  confidence: z.number(),
  treated: z.object({ n: z.number().int(), recovered: z.number().int(), rate }),
  heldOut: z.object({ n: z.number().int(), recovered: z.number().int(), rate }),
  difference: z.number().nullable().openapi({ description: 'Treated − held-out recovery rate (0.1 = 10 points)' }),
  interval: interval.openapi({ description: "Newcombe's 95 % interval of the difference" }),
  incrementalRecoveries: z.number().nullable(),
  incrementalInterval: interval,
  significant: z.boolean(),
  verdict: z.enum(['better', 'worse', 'not_significant', 'no_hold_out', 'no_treated']),
}).openapi('Uplift');

export const FiguresSchema = z.object({
  key: z.string(),
  treated: z.number().int(), heldOut: z.number().int(), attempted: z.number().int(), connected: z.number().int(), connectedRate: rate,
  recalled: z.number().int(), recalledRate: rate, arrived: z.number().int(), offersRedeemed: z.number().int(),
  cost: z.object({ offers: z.number(), messages: z.number(), staff: z.number(), total: z.number() }),
  return: z.number().openapi({ description: '¥ of paid visits within the attribution window after the first touch' }),
  roi: z.number().nullable(),
  incrementalReturn: z.number().nullable().openapi({ description: '¥ the treated spent beyond what the held-out rate predicts' }),
  incrementalRoi: z.number().nullable(),
  uplift: UpliftSchema,
  verdict: z.string().openapi({ description: 'The comparison in words; says plainly when it is not significant' }),
}).openapi('CampaignFigures');

export const PreviewSchema = z.object({
  campaignId: z.string(), status: z.string(), reaches: z.number().int(), heldOut: z.number().int(), inSegment: z.number().int(),
  excluded: z.object({ alreadyTargeted: z.number().int(), noProgram: z.number().int(), overBudget: z.number().int() }),
  holdOutShare: z.number(), budget: z.number(), committed: z.number(), expectedCost: z.number(),
  byLevel: z.array(z.object({ recallLevel: z.number().int().nullable(), treated: z.number().int(), heldOut: z.number().int(), committed: z.number(), expectedCost: z.number() })),
}).openapi('CampaignPreview');

export const CampaignViewSchema = z.object({
  campaign: z.record(z.string(), z.unknown()).openapi({ description: 'The campaign document' }),
  status: z.enum(['draft', 'active', 'finished', 'cancelled']),
  holdOutShare: z.number(), seed: z.string(), attributionDays: z.number().int(), selectedAsOf: z.string().nullable(),
  createdAt: z.string(), launchedAt: z.string().nullable(), finishedAt: z.string().nullable(),
}).openapi('Campaign');

export const lang = z.enum(['zh-CN', 'en']).default('zh-CN');
export const idParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
