import type { z } from 'zod';
import { taskOutcomeSchema } from './programs/record-outcome.js';

/**
 * The rule the task engine leaves to the boundary: a refusal is only useful with its reason
 * (screens.md: "refused + reason"), so the API and the CLI both ask for one.
 */
export function refusalNeedsReason(o: { result: string; reason?: string | undefined }, ctx: z.RefinementCtx): void {
  if (o.result === 'refused' && o.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a refusal needs its reason' });
}

/** An outcome as the CLI takes it: the engine's schema plus the boundary's rule. */
export const outcomeInputSchema = taskOutcomeSchema.superRefine(refusalNeedsReason);
