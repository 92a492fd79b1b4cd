import Table from 'cli-table3';

/** A terminal table; colours only on a terminal, so piped output stays plain text. */
export function makeTable(head: string[]): Table.Table {
  return new Table(process.stdout.isTTY ? { head } : { head, style: { head: [], border: [] } });
}
