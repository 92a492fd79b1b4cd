/**
 * Customer lifetime value over `months`, as the discounted sum of each month's expected purchases
 * times the expected value of a purchase: Σ_i spend · (E[X(i·u)] − E[X((i−1)·u)]) / (1 + d)^i,
 * with u the model's time units per month (30 for days, 4.345 for weeks).
 */
export interface ClvOptions {
  months: number;
  monthlyDiscountRate: number;
  unitsPerMonth: number;
}

export function customerLifetimeValue(
  expectedPurchasesWithin: (t: number) => number,
  expectedSpend: number,
  options: ClvOptions,
): number {
  let value = 0;
  let before = 0;
  for (let i = 1; i <= options.months; i++) {
    const upTo = expectedPurchasesWithin(i * options.unitsPerMonth);
    value += (expectedSpend * (upTo - before)) / (1 + options.monthlyDiscountRate) ** i;
    before = upTo;
  }
  return value;
}
