import { isIsoDate, parseDay } from '../domain/dates.js';
import type { Staff, Store } from '../domain/records.js';
import type { Frame } from './customer-profile.js';
import { generateCustomer, type CustomerBundle } from './generate-customer.js';
import { storeCalendar, type StoreEvent } from './store-events.js';
import { demoStaff, demoStores } from './stores.js';

export interface ServiceCenterOptions {
  /** default 1 */
  seed?: number;
  /** default 5000 */
  customers?: number;
  /** default 1 */
  stores?: number;
  /** the demo's "today", YYYY-MM-DD: history runs up to the day before it, nothing after it */
  asOf: string;
  /** years of history (the stores opened this long before asOf); default 2 */
  years?: number;
}

export interface ServiceCenter {
  stores: Store[];
  staff: Staff[];
  customerCount: number;
  /**
   * The customers one at a time, built on demand: each iteration builds them afresh and
   * only the current one is in memory, so 100 000 customers stream in constant space.
   */
  bundles(): Iterable<CustomerBundle>;
  /** One customer by index (0-based), without building the others. */
  bundle(index: number): CustomerBundle;
}

function positiveInt(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

/**
 * A deterministic, seeded EV service center: stores, staff and customers with their vehicles
 * and event history. Same seed and options → byte-identical output.
 */
export function generateServiceCenter(options: ServiceCenterOptions): ServiceCenter {
  if (!isIsoDate(options.asOf)) throw new Error(`asOf must be a date (YYYY-MM-DD), got ${options.asOf}`);
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const count = positiveInt('customers', options.customers ?? 5000, 0);
  const storeCount = positiveInt('stores', options.stores ?? 1, 1);
  const years = options.years ?? 2;
  if (!(years >= 0.25 && years <= 20)) throw new Error(`years must be between 0.25 and 20, got ${years}`);

  const asOf = parseDay(options.asOf);
  const stores = demoStores(storeCount);
  const frame: Frame = { seed, asOf, open: asOf - Math.round(years * 365), stores };
  const calendars = new Map<string, readonly StoreEvent[]>(
    stores.map((s, i) => [s.id, storeCalendar(frame.seed, i, s, frame.open, asOf - 1)]),
  );
  const bundle = (index: number): CustomerBundle => {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`customer index ${index} out of range`);
    return generateCustomer(frame, index, calendars);
  };
  return {
    stores,
    staff: demoStaff(stores, frame.seed),
    customerCount: count,
    bundle,
    bundles: () => ({
      *[Symbol.iterator]() {
        for (let i = 0; i < count; i++) yield bundle(i);
      },
    }),
  };
}
