import { formatDay, type Day } from '../domain/dates.js';
import type { Store } from '../domain/records.js';
import { hours, weekday } from './calendar.js';
import type { Ctx } from './context.js';
import { conductOn } from './context.js';
import { Rand, Stream } from './rng.js';

/** A store's owner event (车主活动): a talk, a free check day, a family outing. */
export interface StoreEvent {
  id: string;
  day: Day;
  title: string;
}

const TITLES = [
  '新车主用车课堂', '夏季空调免费检测日', '冬季电池保养讲座', '车主亲子露营', '周年庆车主答谢会',
  '自驾游路线分享会', '充电与续航答疑会', '雨季安全检查活动', '车主咖啡沙龙', '春季免费检测周',
];

/**
 * The store's event calendar: one event every 6–10 weeks, on a Saturday. Seeded per store,
 * independent of the customers, so every customer of a store sees the same events.
 */
export function storeCalendar(seed: number, storeIndex: number, store: Store, open: Day, lastDay: Day): StoreEvent[] {
  const rand = new Rand(seed, Stream.storeEvents, storeIndex);
  const events: StoreEvent[] = [];
  let day = open + rand.int(20, 60);
  while (day <= lastDay + 30) {
    const saturday = day + ((6 - weekday(day) + 7) % 7);
    events.push({ id: `${store.id}-evt-${formatDay(saturday).replaceAll('-', '')}`, day: saturday, title: rand.pick(TITLES) });
    day = saturday + rand.int(42, 70);
  }
  return events;
}

/**
 * Invitations and attendance. About one customer in five are invited to a given event
 * (the store targets by model and area); steady customers come half the time, customers
 * who are drifting away almost never — which is what signal 8 (no activities) looks for.
 */
export function generateStoreEvents(ctx: Ctx): void {
  const { rand, sink } = ctx;
  for (const ev of ctx.storeEvents) {
    const invitedOn = ev.day - rand.int(7, 14);
    if (invitedOn < ctx.since + 14 || invitedOn > ctx.lastDay) continue;
    if (conductOn(ctx, invitedOn).visitGap === null && !rand.chance(0.3)) continue; // mostly not invited once gone
    if (!rand.chance(0.2)) continue;
    sink.add(invitedOn, hours.batch(rand), { type: 'event_invited', eventId: ev.id });
    if (rand.chance(conductOn(ctx, ev.day).attendEvent)) {
      sink.add(ev.day, rand.int(14 * 60, 15 * 60), { type: 'event_attended', eventId: ev.id });
    }
  }
}
