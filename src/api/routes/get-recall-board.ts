import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { formatDay, parseDay } from '../../domain/dates.js';
import { readRecallBoard } from '../../store/read-recall-board.js';
import { localToday } from '../board-dates.js';
import type { ApiDeps } from '../deps.js';
import { ANY_AUTH, ListFilterQuery } from '../web-schemas.js';
import { listFilterOf } from './get-risk-list.js';

const RecallBoardSchema = z
  .object({
    from: z.string(),
    levels: z.array(z.object({
      recallLevel: z.number().int().nullable(), customers: z.number().int(), attempted: z.number().int(),
      connected: z.number().int(), visited: z.number().int(), revenue: z.number(),
    })),
    returned: z.object({ customers: z.number().int(), revenue: z.number() }),
    daily: z.array(z.object({ day: z.string(), calls: z.number().int(), connected: z.number().int() })),
  })
  .openapi('RecallBoard');
export type RecallBoardResponse = z.infer<typeof RecallBoardSchema>;

const route = createRoute({
  method: 'get',
  path: '/api/v1/recall-board',
  summary: 'Recall board: lost and dormant customers by recall level, their calls and visits, the customers who came back',
  description: 'Per-campaign figures, cost, ROI and treated vs hold-out need the recall programs (program engine).',
  security: ANY_AUTH,
  request: { query: ListFilterQuery.extend({ days: z.coerce.number().int().min(1).max(365).default(30) }) },
  responses: {
    200: {
      description: 'The board',
      content: {
        'application/json': {
          schema: RecallBoardSchema,
        },
      },
    },
  },
});

export function getRecallBoard(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const from = parseDay(localToday(deps.clock())) - q.days;
    const board = await readRecallBoard(deps.db, listFilterOf(c, q), from);
    return c.json({ from: formatDay(from), ...board }, 200);
  });
}
