import { z } from '@hono/zod-openapi';

const missing = z.array(z.string()).openapi({ description: 'Fields shown as a "to fill" placeholder because the data has no value' });

/** The scripts and templates filled in for one customer (scriptsForTask): a task's, or customer 360's. */
export const ScriptsSchema = z
  .object({
    occasion: z.string(),
    reason: z.string().openapi({ description: 'The churn reason the script follows (unknown until recorded)' }),
    audiences: z.array(z.string()),
    stages: z.array(z.object({
      stage: z.string(), id: z.string(), title: z.string(), text: z.string(), tip: z.string().nullable(), missing,
      match: z.string(), borrowed: z.boolean(),
    })),
    otherReasons: z.array(z.object({ reason: z.string(), id: z.string(), title: z.string(), text: z.string(), missing })),
    templates: z.array(z.object({
      id: z.string(), channel: z.string(), purpose: z.string(), subject: z.string().nullable(), body: z.string(), missing,
    })),
    fields: z.record(z.string(), z.string().nullable()).openapi({ description: 'Each personalised field; null when unknown' }),
  })
  .openapi('TaskScripts');
