import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Murmur3's 32-bit finaliser. It only turns (seed, stream, index) into a well-spread 32-bit
 * seed for pure-rand; the random numbers themselves come from xoroshiro128+.
 */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Independent streams, so that e.g. a customer's profile does not shift when its events change. */
export const Stream = {
  store: 1,
  profile: 2,
  behaviour: 3,
  storeEvents: 4,
  softwareUpdates: 5,
  careTouches: 6,
} as const;

/**
 * A seeded random source. Every customer gets its own instance derived from (seed, stream,
 * index), which is what makes generation lazy and order-independent: customer 70 000 comes
 * out the same whether or not the 69 999 before it were generated.
 */
export class Rand {
  private readonly gen: RandomGenerator;

  constructor(seed: number, ...parts: number[]) {
    // Both halves of a (safe-integer) seed count, so seeds above 2^32 do not collide.
    const high = Math.floor(seed / 0x1_0000_0000);
    let h = mix32(mix32(seed ^ 0x9e3779b9) ^ mix32(high + 0x632be5ab));
    for (const p of parts) h = mix32(h ^ mix32(p + 0x7f4a7c15));
    this.gen = xoroshiro128plus(h | 0);
    // xoroshiro's first outputs from a fresh state are weakly mixed; discard a few.
    for (let i = 0; i < 4; i++) this.gen.next();
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return max <= min ? min : uniformInt(this.gen, min, max);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Picks by relative weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.float() * total;
    for (const [value, w] of table) {
      x -= w;
      if (x < 0) return value;
    }
    const last = table[table.length - 1];
    if (!last) throw new Error('weighted pick from an empty table');
    return last[0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Log-normal around `median`; `spread` is the sigma of the underlying normal. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(spread * this.normal());
  }

  /**
   * A whole number of days between two habitual events: `mean` ± `jitter` (a fraction).
   * Habits are regular rather than Poisson: people wash the car roughly monthly, not at
   * memoryless random times — and the scoring windows punish one long accidental gap.
   */
  gap(mean: number, jitter = 0.3): number {
    return Math.max(1, Math.round(mean * (1 + jitter * (2 * this.float() - 1))));
  }
}
