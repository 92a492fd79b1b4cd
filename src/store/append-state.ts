import { copyField } from './copy-text.js';
import type { Db } from './db.js';
import { emptyStagingTable } from './staging-table.js';

const APPEND = `ON CONFLICT (customer_id) DO UPDATE SET events = s.events || E'\\n' || excluded.events, revision = s.revision + 1`;

/**
 * Appends newly logged events to their customers' states (migration 015) in the statement that
 * logs them: `source` yields the new events' customer_id and record.
 */
export function appendToStateSql(source: string): string {
  return `INSERT INTO customer_state AS s (customer_id, events)
    SELECT customer_id, string_agg(record::text, E'\\n') FROM (${source}) AS appended GROUP BY customer_id ${APPEND}`;
}

/**
 * Appends a batch's event rows (COPY lines of the events table, record last) to their customers'
 * states, in the transaction that copied them into the log. The records are grouped here, as
 * they are, already escaped for COPY: reading them back from the log cost the server about as
 * much again as the copy into it.
 */
export async function appendRowsToState(tx: Db, customerIds: readonly string[], lines: readonly string[]): Promise<void> {
  const byCustomer = new Map<string, string>();
  for (let i = 0; i < customerIds.length; i++) {
    const line = lines[i]!;
    const record = line.slice(line.lastIndexOf('\t') + 1, line.endsWith('\n') ? -1 : undefined);
    const before = byCustomer.get(customerIds[i]!);
    // `\n` escaped: a line break between records in the COPY field.
    byCustomer.set(customerIds[i]!, before === undefined ? record : `${before}\\n${record}`);
  }
  if (byCustomer.size === 0) return;
  let text = '';
  for (const [customerId, records] of byCustomer) text += `${copyField(customerId)}\t${records}\n`;
  await emptyStagingTable(tx, 'state_append', '(customer_id text, events text)');
  await tx.copyIn('state_append', ['customer_id', 'events'], text);
  await tx.exec(`INSERT INTO customer_state AS s (customer_id, events) SELECT customer_id, events FROM state_append ${APPEND}`);
}
