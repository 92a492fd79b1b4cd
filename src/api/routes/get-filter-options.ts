import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { scopeOf } from '../../auth/principal.js';
import { listStaff, listStores } from '../../store/read-staff.js';
import type { ApiDeps } from '../deps.js';
import { ANY_AUTH } from '../web-schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/filter-options',
  summary: 'The stores and advisors the caller may filter by (their scope)',
  security: ANY_AUTH,
  responses: {
    200: {
      description: 'Stores and advisors in scope',
      content: {
        'application/json': {
          schema: z.object({
            stores: z.array(z.object({ id: z.string(), name: z.string(), regionId: z.string() })),
            advisors: z.array(z.object({ id: z.string(), name: z.string(), storeId: z.string() })),
          }),
        },
      },
    },
  },
});

export function getFilterOptions(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const scope = scopeOf(c);
    const stores = await listStores(deps.db, scope.storeIds);
    const staff = await listStaff(deps.db, scope.storeIds);
    const advisors = staff
      .filter((s) => s.role === 'advisor' && (scope.advisorId === null || s.id === scope.advisorId))
      .map((s) => ({ id: s.id, name: s.name, storeId: s.storeId }));
    return c.json({ stores, advisors }, 200);
  });
}
