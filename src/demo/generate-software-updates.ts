import type { Day } from '../domain/dates.js';
import { dayText, hours } from './calendar.js';
import type { Ctx } from './context.js';
import { Rand, Stream } from './rng.js';

/** Days of history the makers' over-the-air feed exports. */
const FEED_DAYS = 180;

/**
 * What a release changes, whether it is worth a visit (a calibration or a check at the store),
 * and how often: most releases install over the air; one that needs the store comes about once a
 * year per maker, and then it reaches most of the maker's cars at once.
 */
const CONTENTS: readonly (readonly [readonly [string, boolean], number])[] = [
  [['电池管理系统优化', true], 0.05],
  [['底盘控制标定', true], 0.04],
  [['制动能量回收调校', true], 0.03],
  [['车机界面与导航更新', false], 0.3],
  [['语音助手升级', false], 0.3],
  [['安全补丁', false], 0.28],
];

interface Release {
  day: Day;
  updateId: string;
  version: string;
  title: string;
  visitRecommended: boolean;
}

/**
 * A maker's releases in the feed's window, one every 6–10 weeks. Seeded by the run and the maker
 * (the VIN's first three characters) on a stream of their own, so every car of a make gets the same
 * releases and the rest of the demo does not shift when this changes.
 */
function releasesOf(seed: number, wmi: string, lastDay: Day): Release[] {
  const rand = new Rand(seed, Stream.softwareUpdates, -1, ...[...wmi].map((c) => c.charCodeAt(0)));
  const out: Release[] = [];
  for (let day = lastDay - FEED_DAYS + rand.int(0, 42); day <= lastDay; day += rand.int(42, 70)) {
    const [title, visitRecommended] = rand.weighted(CONTENTS);
    const version = dayText(day).slice(0, 7).replace('-', '.');
    out.push({ day, updateId: `${wmi}-ota-${version}`, version, title, visitRecommended });
  }
  return out;
}

/**
 * Over-the-air updates as the makers report them: each of the customer's cars gets its make's
 * releases a few days after they come out (the roll-out is staggered), while the customer has it.
 */
export function generateSoftwareUpdates(ctx: Ctx): void {
  const { plan, sink, frame } = ctx;
  const rand = new Rand(frame.seed, Stream.softwareUpdates, frame.index);
  const gone = plan.persona === 'sold' || plan.persona === 'moved' ? plan.turn : null;
  for (const v of ctx.vehicles) {
    for (const r of releasesOf(frame.seed, v.record.vin.slice(0, 3), ctx.lastDay)) {
      const day = r.day + rand.int(0, 6);
      if (day < v.delivered || (gone !== null && day >= gone)) continue;
      sink.add(day, hours.batch(rand), {
        type: 'software_update', updateId: r.updateId, version: r.version, title: r.title, vin: v.record.vin, visitRecommended: r.visitRecommended,
      });
    }
  }
}
