/**
 * One customer's purchase (visit) history reduced to what the BTYD models read, in the model's
 * time unit: `frequency` = repeat purchase periods (the first is the "birth" and never counted),
 * `recency` = birth to the last purchase, `T` = birth to the end of observation.
 * `monetaryValue` is the mean value of the repeat purchases (0 without any), as Gamma-Gamma needs.
 */
export interface RfmRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue?: number;
}

/** Frequency, recency and T as parallel typed arrays: the likelihoods loop over them many times. */
export interface RfmColumns {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

export function toColumns(rows: readonly RfmRow[]): RfmColumns {
  const x = new Float64Array(rows.length);
  const tx = new Float64Array(rows.length);
  const T = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    x[i] = r.frequency;
    tx[i] = r.recency;
    T[i] = r.T;
  });
  return { x, tx, T };
}

/** Refuses rows the models cannot read, naming the first bad one: better than a NaN fit. */
export function checkRfmRows(rows: readonly RfmRow[]): void {
  if (rows.length === 0) throw new RangeError('no customers to fit');
  for (const r of rows) {
    if (!(Number.isInteger(r.frequency) && r.frequency >= 0)) throw new RangeError(`customer ${r.id}: frequency ${r.frequency} is not a whole number ≥ 0`);
    if (!(r.recency >= 0 && r.T >= r.recency)) throw new RangeError(`customer ${r.id}: needs 0 ≤ recency (${r.recency}) ≤ T (${r.T})`);
    if (r.frequency > 0 && !(r.recency > 0)) throw new RangeError(`customer ${r.id}: repeat purchases need recency > 0`);
  }
}

/**
 * Columns plus the distinct frequencies: the Gamma-function terms of the likelihoods depend on
 * x alone, so they are computed once per distinct x, not once per customer.
 */
export interface PreparedRfm extends RfmColumns {
  n: number;
  distinctX: Float64Array;
  /** distinctX index of each customer's x */
  group: Int32Array;
  meanT: number;
}

export function prepareRfm(rows: readonly RfmRow[]): PreparedRfm {
  checkRfmRows(rows);
  const cols = toColumns(rows);
  const index = new Map<number, number>();
  const group = new Int32Array(rows.length);
  let sumT = 0;
  for (let i = 0; i < rows.length; i++) {
    const x = cols.x[i]!;
    let g = index.get(x);
    if (g === undefined) index.set(x, (g = index.size));
    group[i] = g;
    sumT += cols.T[i]!;
  }
  return { ...cols, n: rows.length, distinctX: Float64Array.from(index.keys()), group, meanT: sumT / rows.length };
}
