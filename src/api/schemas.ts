import { z } from '@hono/zod-openapi';

/** The API's request and response shapes, named at the edge. */

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

export const FieldErrorSchema = z.object({ field: z.string(), reason: z.string() }).openapi('FieldError');

export const MAX_EVENTS_PER_BATCH = 100_000;

export const PostEventsBody = z
  .object({
    events: z
      .array(z.unknown())
      .min(1)
      .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events in one batch`)
      .openapi({ description: 'Events in the import record format; each is validated on its own.' }),
  })
  .openapi('PostEventsBody');

export const PostEventsResult = z
  .object({
    imported: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    results: z.array(
      z.object({
        index: z.number().int(),
        id: z.string().optional(),
        status: z.enum(['imported', 'unchanged', 'rejected']),
        errors: z.array(FieldErrorSchema).optional(),
      }),
    ),
    reevaluated: z.number().int().openapi({ description: 'Customers re-evaluated because of these events.' }),
  })
  .openapi('PostEventsResult');

const level = z.enum(['green', 'yellow', 'orange', 'red']);

export const CustomerSummarySchema = z
  .object({
    id: z.string(),
    storeId: z.string(),
    name: z.string(),
    advisorId: z.string().nullable(),
    level: z.string().nullable(),
    riskScore: z.number().nullable(),
    healthScore: z.number().nullable(),
    evaluatedAsOf: z.string().nullable(),
  })
  .openapi('CustomerSummary');

export const CustomerListQuery = z.object({
  storeId: z.string().optional(),
  advisorId: z.string().optional(),
  level: level.optional(),
  after: z.string().optional().openapi({ description: 'Continue after this customer id (keyset pagination).' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const WarningSchema = z
  .object({
    id: z.number().int(),
    customerId: z.string(),
    storeId: z.string(),
    level: z.string(),
    reasons: z.array(z.string()),
    asOf: z.string(),
    openedAt: z.string(),
    changedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Warning');

export const CustomerIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

export const EvaluationRecordSchema = z
  .object({
    asOf: z.string(),
    policyVersion: z.string(),
    customers: z.array(z.record(z.string(), z.unknown()).openapi({ description: 'one customer evaluation: features, signals, risk, rules, silent, health, level, reasons' })),
  })
  .openapi('EvaluationRecord');
