import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MANAGER_ROLES, requireRole, staffOf } from '../../auth/principal.js';
import { setPassword } from '../../auth/set-password.js';
import { staffRoles } from '../../domain/records.js';
import { getStaffMember, listStaff } from '../../store/read-staff.js';
import type { ApiDeps } from '../deps.js';
import { ANY_AUTH } from '../web-schemas.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';

const StaffItemSchema = z
  .object({
    id: z.string(), name: z.string(), role: z.enum(staffRoles), storeId: z.string(), storeName: z.string(),
    regionId: z.string(), hasPassword: z.boolean(), lockedUntil: z.string().nullable(),
  })
  .openapi('StaffListItem');
export type StaffListItem = z.infer<typeof StaffItemSchema>;

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff',
  summary: 'Staff in scope with their role, store and sign-in state',
  security: ANY_AUTH,
  responses: {
    200: {
      description: 'Staff',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(StaffItemSchema),
          }),
        },
      },
    },
    403: { description: 'Advisors do not see settings', content: { 'application/json': { schema: ErrorBody } } },
  },
});

const passwordRoute = createRoute({
  method: 'put',
  path: '/api/v1/staff/{id}/password',
  summary: "Set a staff member's password (admins): lifts a lock-out and ends their sessions",
  security: [{ session: [] }],
  request: {
    params: z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) }),
    body: { content: { 'application/json': { schema: z.object({ password: z.string().min(8).max(200) }).openapi('PasswordBody') } }, required: true },
  },
  responses: {
    200: { description: 'Set', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    403: { description: 'Not an admin', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such staff member', content: { 'application/json': { schema: ErrorBody } } },
  },
});

export function settingsStaff(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(listRoute, async (c) => {
    const p = requireRole(c, MANAGER_ROLES, { tokens: true });
    const items = await listStaff(deps.db, p.scope.storeIds);
    return c.json({ items: items.map((s) => ({ ...s, lockedUntil: s.lockedUntil && s.lockedUntil > deps.clock() ? s.lockedUntil.toISOString() : null })) }, 200);
  });

  app.openapi(passwordRoute, async (c) => {
    requireRole(c, ['admin']);
    const { id } = c.req.valid('param');
    if (!(await getStaffMember(deps.db, id))) throw new ApiError('not_found', `no staff member "${id}"`);
    await setPassword(deps.db, id, c.req.valid('json').password, deps.clock(), { by: staffOf(c).staff.id });
    return c.json({ ok: true as const }, 200);
  });
}
