import { z } from '@hono/zod-openapi';
import { staffRoles } from '../domain/records.js';

/** Shapes of the web app's routes (sign-in, boards, settings), named at the edge. */

export const StaffViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(staffRoles),
    storeId: z.string(),
    storeName: z.string(),
    regionId: z.string(),
  })
  .openapi('StaffMember');

export const ScopeSchema = z
  .object({
    storeIds: z.array(z.string()).nullable().openapi({ description: 'Stores visible; null = every store' }),
    advisorId: z.string().nullable().openapi({ description: "Only this advisor's customers; null = any advisor" }),
  })
  .openapi('Scope');

export const SessionSchema = z
  .object({
    staff: StaffViewSchema,
    scope: ScopeSchema,
    csrfToken: z.string().openapi({ description: 'Send as X-CSRF-Token on every POST/PUT/PATCH/DELETE of this session' }),
  })
  .openapi('Session');

export const level = z.enum(['green', 'yellow', 'orange', 'red']);
export const valueTier = z.enum(['high', 'mid', 'basic']);
export const lifecycle = z.enum(['abandoned', 'sold_or_moved', 'observation', 'dormant', 'lost', 'active']);
export const lang = z.enum(['zh-CN', 'en']).default('zh-CN');

/** The filters every list of the web app takes (screens.md: store, advisor, level, value tier, lifecycle). */
export const ListFilterQuery = z.object({
  storeId: z.string().min(1).optional(),
  advisorId: z.string().min(1).optional(),
  level: level.optional(),
  valueTier: valueTier.optional(),
  lifecycle: lifecycle.optional(),
  minChurn: z.coerce.number().min(0).max(1).optional()
    .openapi({ description: 'Only customers whose predicted churn probability is at least this (0–1); customers without one are left out' }),
});

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const staffView = (s: { id: string; name: string; role: z.infer<typeof StaffViewSchema>['role']; storeId: string; storeName: string; regionId: string }) => ({
  id: s.id, name: s.name, role: s.role, storeId: s.storeId, storeName: s.storeName, regionId: s.regionId,
});

/** Either an API token or a staff session (typed wide so route inference is not confused by two shapes). */
export const ANY_AUTH: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
