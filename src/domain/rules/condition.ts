import type { CompareOp } from '../notation.js';

/** A rule's `when`: a comparison of one field with a constant, or a combination of conditions. */
export type Condition =
  | { field: string; op: CompareOp; value: number | boolean | string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
