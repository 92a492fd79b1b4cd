import { scopeSql, type Scope } from '../auth/scope.js';
import { localDayOfInstant } from '../domain/dates.js';
import { evaluateCustomer } from '../domain/evaluate-customer.js';
import type { Level } from '../domain/evaluation.js';
import { levelRank } from '../domain/levels.js';
import type { Policy } from '../domain/policy/policy-schema.js';
import { loadFacts } from '../engine/load-facts.js';
import type { Db } from '../store/db.js';

const LEVELS: Level[] = ['green', 'yellow', 'orange', 'red'];

export interface PolicyPreview {
  customers: number;
  /** matrix[from][to]: customers at `from` under the policy in force and at `to` under the draft. */
  matrix: Record<Level, Record<Level, number>>;
  moved: number;
  raised: number;
  lowered: number;
  /** A few of the customers who move, for a look at why. */
  examples: { customerId: string; name: string; from: Level; to: Level }[];
}

/**
 * How many customers a policy change moves between levels before it is saved: every stored
 * customer in scope is evaluated as of today (in its store's time zone) under the policy in
 * force and under the draft, on the same facts, so the difference is the change alone.
 */
export async function previewPolicy(db: Db, scope: Scope, current: Policy, draft: Policy, now: Date, pageSize = 500): Promise<PolicyPreview> {
  const matrix = Object.fromEntries(LEVELS.map((f) => [f, Object.fromEntries(LEVELS.map((t) => [t, 0]))])) as PolicyPreview['matrix'];
  const preview: PolicyPreview = { customers: 0, matrix, moved: 0, raised: 0, lowered: 0, examples: [] };
  for (let after = ''; ; ) {
    const params: unknown[] = [];
    const where = scopeSql(scope, params, 'c');
    params.push(after, pageSize);
    const ids = (await db.query<{ id: string }>(
      `SELECT c.id FROM customers c WHERE ${where} AND c.id > $${params.length - 1} ORDER BY c.id LIMIT $${params.length}`,
      params,
    )).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    for (const facts of await loadFacts(db, ids)) {
      const asOf = localDayOfInstant(now.getTime(), facts.timeZone);
      const from = evaluateCustomer(facts, current, asOf).level;
      const to = evaluateCustomer(facts, draft, asOf).level;
      preview.customers++;
      matrix[from][to]++;
      if (from === to) continue;
      preview.moved++;
      if (levelRank[to] > levelRank[from]) preview.raised++;
      else preview.lowered++;
      if (preview.examples.length < 20) preview.examples.push({ customerId: facts.customer.id, name: facts.customer.name, from, to });
    }
    if (ids.length < pageSize) break;
  }
  return preview;
}
