import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * An IANA zone whose offsets are remembered per day, or per hour on a day the offset shifts.
 * Luxon asks the zone for its offset at every construction and every step of arithmetic, and
 * each answer is an Intl formatting call: planning a program's steps, and evaluating two years
 * of events, spent much of their time there. A day (an hour) is remembered only when its first
 * and last millisecond agree, so a shift inside the hour (Lord Howe's half-hour summer time) is
 * still answered exactly.
 */
class RememberingZone extends Zone {
  readonly #zone: IANAZone;
  readonly #days = new Map<number, number>();
  readonly #hours = new Map<number, number>();

  constructor(name: string) {
    super();
    this.#zone = IANAZone.create(name);
  }

  override get type(): string { return 'iana'; }
  override get name(): string { return this.#zone.name; }
  override get isUniversal(): boolean { return false; }
  override get isValid(): boolean { return this.#zone.isValid; }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null { return this.#zone.offsetName(ts, options); }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string { return this.#zone.formatOffset(ts, format); }
  override equals(other: Zone): boolean { return other.type === 'iana' && other.name === this.name; }

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY);
    const known = this.#days.get(day);
    if (known !== undefined) return known;
    const first = this.#zone.offset(day * DAY);
    if (first !== this.#zone.offset(day * DAY + DAY - 1)) return this.#hourOffset(ts);
    this.#days.set(day, first);
    return first;
  }

  #hourOffset(ts: number): number {
    const hour = Math.floor(ts / HOUR);
    const known = this.#hours.get(hour);
    if (known !== undefined) return known;
    const first = this.#zone.offset(hour * HOUR);
    if (first !== this.#zone.offset(hour * HOUR + HOUR - 1)) return this.#zone.offset(ts);
    this.#hours.set(hour, first);
    return first;
  }
}

const zones = new Map<string, Zone>();

/** The store's zone for luxon (`{ zone: storeZone(name) }`): one instance per name, offsets remembered. */
export function storeZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) zones.set(name, (zone = new RememberingZone(name)));
  return zone;
}
