/**
 * The whole database dependency: run SQL, bulk-append rows, run a unit of work in a
 * transaction, close. Both adapters return `date` columns as 'YYYY-MM-DD' strings,
 * `timestamptz` as Date, and numeric/int8 as JS numbers, so callers never see a dialect difference.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Appends rows with COPY: `rows` is COPY text format (see copy-text.ts), one line per row,
   * in the order of `columns`. All or nothing, like any statement.
   */
  copyIn(table: string, columns: readonly string[], rows: string): Promise<void>;
  /**
   * Runs COPY (`query`) out in text format and returns the bytes: the cheapest way to read
   * many rows (the server formats text, the client splits lines). COPY takes no parameters:
   * put values in with sqlLiteral (copy-text.ts).
   */
  copyOut(query: string): Promise<Uint8Array>;
  /**
   * Runs `work` in one transaction. Inside one, it runs under a savepoint: a failure rolls
   * back `work` alone, and the caller decides whether the outer transaction goes on.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATEs callers recover from, as both adapters report them on the error's `code`. */
export const DUPLICATE_KEY = '23505';
export const DEADLOCK = '40P01';
export const sqlState = (err: unknown): string | undefined => (err as { code?: string }).code;

export const TYPE_DATE = 1082;
export const TYPE_NUMERIC = 1700;
export const TYPE_INT8 = 20;

export const valueParsers: Record<number, (value: string) => unknown> = {
  [TYPE_DATE]: (v) => v,
  [TYPE_NUMERIC]: (v) => Number(v),
  [TYPE_INT8]: (v) => Number(v),
};

export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

/** The column list of a COPY statement (fixed table and column names, never user input). */
export function copyTarget(table: string, columns: readonly string[]): string {
  return `${table} (${columns.join(', ')})`;
}
