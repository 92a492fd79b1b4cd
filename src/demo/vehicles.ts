import { addMonthsClamped, formatDay, ymdOf, type Day } from '../domain/dates.js';
import type { Vehicle } from '../domain/records.js';
import type { Rand } from './rng.js';

/**
 * Models seen at the demo service centers, with the manufacturer code that starts their VIN
 * and their maintenance schedule (the brief's two schedules: 12 months / 20 000 km or
 * 6 months / 10 000 km). `ticket` scales the price of parts and labour.
 */
interface Model {
  name: string;
  wmi: string;
  months: number;
  km: number;
  ticket: number;
  weight: number;
}

const MODELS: readonly Model[] = [
  { name: 'Model Y', wmi: 'LRW', months: 12, km: 20_000, ticket: 1.2, weight: 18 },
  { name: 'Model 3', wmi: 'LRW', months: 12, km: 20_000, ticket: 1.1, weight: 10 },
  { name: '汉 EV', wmi: 'LC0', months: 12, km: 20_000, ticket: 1.0, weight: 10 },
  { name: '海豹', wmi: 'LC0', months: 12, km: 20_000, ticket: 0.95, weight: 8 },
  { name: '秦PLUS EV', wmi: 'LC0', months: 6, km: 10_000, ticket: 0.7, weight: 9 },
  { name: '元PLUS', wmi: 'LC0', months: 6, km: 10_000, ticket: 0.7, weight: 9 },
  { name: '埃安 AION S', wmi: 'LMG', months: 6, km: 10_000, ticket: 0.65, weight: 8 },
  { name: '小鹏 P7', wmi: 'LMV', months: 12, km: 20_000, ticket: 1.0, weight: 6 },
  { name: '蔚来 ES6', wmi: 'LJ1', months: 12, km: 20_000, ticket: 1.4, weight: 5 },
  { name: '极氪 001', wmi: 'L6T', months: 12, km: 20_000, ticket: 1.3, weight: 5 },
  { name: '五菱宏光 MINIEV', wmi: 'LZW', months: 6, km: 10_000, ticket: 0.4, weight: 6 },
  { name: '问界 M5 EV', wmi: 'LM8', months: 12, km: 20_000, ticket: 1.1, weight: 4 },
];

/** The generator's view of a vehicle: the record plus how far it is driven each day. */
export interface DemoVehicle {
  record: Vehicle;
  delivered: Day;
  months: number;
  km: number;
  ticket: number;
  /** km per day; constant per car so that odometer readings are a straight line the scorer can read */
  dailyKm: number;
}

// ISO 3779 check digit: transliteration values and position weights.
const TRANSLIT: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // VINs never use I, O, Q
const VDS_CHARS = VIN_LETTERS + '0123456789';
/** Model-year codes from 2010 (A) on; 2024 is R. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

function checkDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const v = c >= '0' && c <= '9' ? Number(c) : (TRANSLIT[c] ?? 0);
    sum += v * WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * A valid-looking 17-character VIN with a correct check digit. Uniqueness comes from the
 * serial: `serialNo` (customer index × 2 + vehicle number) in the plant letter + 6 digits.
 */
export function makeVin(rand: Rand, wmi: string, year: number, serialNo: number): string {
  let vds = '';
  for (let i = 0; i < 5; i++) vds += rand.pick([...VDS_CHARS]);
  const yearCode = YEAR_CODES[(year - 2010) % YEAR_CODES.length]!;
  const plant = VIN_LETTERS[Math.floor(serialNo / 1_000_000) % VIN_LETTERS.length]!;
  const serial = String(serialNo % 1_000_000).padStart(6, '0');
  const draft = `${wmi}${vds}0${yearCode}${plant}${serial}`;
  return draft.slice(0, 8) + checkDigit(draft) + draft.slice(9);
}

export function makeVehicle(rand: Rand, customerId: string, delivered: Day, serialNo: number): DemoVehicle {
  const model = rand.weighted(MODELS.map((m) => [m, m.weight] as const));
  // Most owners drive 20–60 km a day; a tail of ride-hailing drivers (网约车) does 150+.
  const dailyKm = rand.chance(0.06) ? rand.between(140, 220) : Math.min(110, rand.logNormal(38, 0.4));
  const vin = makeVin(rand, model.wmi, ymdOf(delivered).y, serialNo);
  return {
    record: {
      vin,
      customerId,
      model: model.name,
      deliveredAt: formatDay(delivered),
      warrantyEnd: formatDay(addMonthsClamped(delivered, 48)),
      maintenanceIntervalMonths: model.months,
      maintenanceIntervalKm: model.km,
    },
    delivered,
    months: model.months,
    km: model.km,
    ticket: model.ticket,
    dailyKm: Math.round(dailyKm * 10) / 10,
  };
}

/** Odometer on a day: a straight line from 0 km at delivery. */
export function odometer(v: DemoVehicle, day: Day): number {
  return Math.max(0, Math.round((day - v.delivered) * v.dailyKm));
}
