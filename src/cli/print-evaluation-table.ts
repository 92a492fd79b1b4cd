import { makeTable } from './table.js';
import type { EvaluationRecord } from '../domain/evaluation.js';

/** The evaluation as a terminal table: one row per customer, most urgent first. */
export function printEvaluationTable(record: EvaluationRecord): void {
  const order = { red: 0, orange: 1, yellow: 2, green: 3 } as const;
  const rows = [...record.customers].sort((a, b) => order[a.level] - order[b.level] || a.risk.score - b.risk.score);
  const t = makeTable(['customer', 'level', 'risk', 'health', 'R', 'lifecycle', 'value', 'main reason']);
  for (const c of rows) {
    t.push([c.customerId, c.level, c.risk.score.toFixed(1), c.health.score.toFixed(1), c.features.R, c.lifecycle, c.valueTier, clip(c.reasons[0] ?? '', 60)]);
  }
  process.stdout.write(`as of ${record.asOf} · policy ${record.policyVersion} · ${rows.length} customers\n${t.toString()}\n`);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
