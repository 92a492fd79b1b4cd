import { z } from 'zod';
import { churnReasons, dormantTypes, lifecycles, recallLevels, valueTiers, warningLevels } from './vocabulary.js';

/**
 * Who a campaign targets (issue: recall level, dormant type, lifecycle, value tier, store, any
 * saved filter). Every list given narrows the segment; an omitted one does not.
 */
export const segmentSchema = z.strictObject({
  recallLevels: z.array(z.union(recallLevels.map((l) => z.literal(l)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>])).min(1).optional(),
  dormantTypes: z.array(z.enum(dormantTypes)).min(1).optional(),
  lifecycles: z.array(z.enum(lifecycles)).min(1).optional(),
  valueTiers: z.array(z.enum(valueTiers)).min(1).optional(),
  levels: z.array(z.enum(warningLevels)).min(1).optional(),
  churnReasons: z.array(z.enum([...churnReasons, 'unknown'])).min(1).optional(),
  storeIds: z.array(z.string().min(1)).min(1).optional(),
  advisorIds: z.array(z.string().min(1)).min(1).optional(),
  /** A saved filter (itself a segment) that narrows this one further. */
  savedFilterId: z.string().min(1).optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

/** What a customer looks like to segment selection: the latest evaluation and the outreach record. */
export interface Candidate {
  customerId: string;
  storeId: string;
  advisorId: string | null;
  level: string;
  lifecycle: string;
  recallLevel: 1 | 2 | 3 | null;
  valueTier: string;
  /** Value tier of the spend in the last active year (scoring §10's recall quadrant axis). */
  historicalValueTier: string;
  recency: 'recent' | 'middle' | 'long';
  R: number;
  historicalAnnualSpend: number;
  dormantType: string | null;
  churnReason: string;
}

const allows = <T>(list: readonly T[] | undefined, value: T) => list === undefined || list.includes(value);

export function inSegment(s: Omit<Segment, 'savedFilterId'>, c: Candidate): boolean {
  return (
    (s.recallLevels === undefined || (c.recallLevel !== null && s.recallLevels.includes(c.recallLevel))) &&
    (s.dormantTypes === undefined || (c.dormantType !== null && (s.dormantTypes as readonly string[]).includes(c.dormantType))) &&
    allows<string>(s.lifecycles, c.lifecycle) &&
    allows<string>(s.valueTiers, c.valueTier) &&
    allows<string>(s.levels, c.level) &&
    allows<string>(s.churnReasons, c.churnReason) &&
    allows(s.storeIds, c.storeId) &&
    (s.advisorIds === undefined || (c.advisorId !== null && s.advisorIds.includes(c.advisorId)))
  );
}
