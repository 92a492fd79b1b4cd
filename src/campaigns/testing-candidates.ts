import type { Candidate } from './segment.js';

/** A lost customer for planning tests; override what the test is about. */
export function candidate(id: string, over: Partial<Candidate> = {}): Candidate {
  return {
    customerId: id, storeId: 'sh-01', advisorId: 'sa-li', level: 'red', lifecycle: 'lost', recallLevel: 3, valueTier: 'basic',
    historicalValueTier: 'basic', recency: 'recent', R: 150, historicalAnnualSpend: 2000, dormantType: null, churnReason: 'unknown', ...over,
  };
}
