/**
 * The whole database dependency: run SQL, run a unit of work in a transaction, close.
 * Both adapters return `date` columns as 'YYYY-MM-DD' strings, `timestamptz` as Date,
 * and numeric/int8 as JS numbers, so callers never see a dialect difference.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction; inside one, it simply joins it. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

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
