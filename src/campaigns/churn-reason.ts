import { churnReasons, type ChurnReasonOrUnknown } from './vocabulary.js';

export interface ChurnEvidence {
  /** What a person recorded on the customer (customer_outreach.churn_reason). */
  recorded: string | null;
  /** The newest churn reason a call or task outcome carried. */
  lastStated: string | null;
  /** A complaint or a low rating in the customer's recent history. */
  dissatisfied: boolean;
}

const known = (v: string | null): v is (typeof churnReasons)[number] => v !== null && (churnReasons as readonly string[]).includes(v);

/**
 * The churn reason a campaign works with (programs.md §8): what a person recorded, else what the
 * customer last said on a call, else "service" when the data shows a complaint or a low rating
 * (as §7 sets the dormant type), else unknown — never guessed from nothing.
 */
export function churnReasonOf(e: ChurnEvidence): ChurnReasonOrUnknown {
  if (known(e.recorded)) return e.recorded;
  if (known(e.lastStated)) return e.lastStated;
  return e.dissatisfied ? 'service' : 'unknown';
}
