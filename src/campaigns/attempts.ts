import type { AttemptChannel, RetentionSettings } from './settings-schema.js';
import type { RecallLevel } from './vocabulary.js';

/** One recorded attempt to reach a customer: the channel and the store-local time it was made. */
export interface Attempt {
  channel: AttemptChannel;
  /** Minutes after local midnight. */
  localMinute: number;
}

export interface PlannedAttempt {
  channel: AttemptChannel;
  timeOfDay: string;
  /** The local time the attempt should be made (HH:MM), inside its time of day. */
  at: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The time of day a local minute belongs to: the last one started at or before it. */
export function timeOfDay(localMinute: number, times: RetentionSettings['timesOfDay']): string {
  let current = times[0]!.id;
  for (const t of [...times].sort((a, b) => minutesOf(a.from) - minutesOf(b.from))) if (minutesOf(t.from) <= localMinute) current = t.id;
  return current;
}

export function coverage(attempts: readonly Attempt[], settings: RetentionSettings) {
  return {
    attempts: attempts.length,
    channels: new Set(attempts.map((a) => a.channel)).size,
    timesOfDay: new Set(attempts.map((a) => timeOfDay(a.localMinute, settings.timesOfDay))).size,
  };
}

/**
 * programs.md §8: a level-1 customer gets at least three attempts at different times of day and
 * through different channels before a campaign gives up on them (levels 2 and 3 by their own rule).
 */
export function mayGiveUp(level: RecallLevel, attempts: readonly Attempt[], settings: RetentionSettings): boolean {
  const rule = settings.attempts[String(level) as '1' | '2' | '3'];
  if (!rule) return attempts.length > 0;
  const c = coverage(attempts, settings);
  return c.attempts >= rule.minAttempts && c.channels >= rule.minChannels && c.timesOfDay >= rule.minTimesOfDay;
}

/** Human channels first: a call, then a personal WeChat, then a written message. */
const CHANNEL_ORDER: AttemptChannel[] = ['call', 'wechat', 'sms'];
/** Where in its time of day an attempt is made: late morning, mid-afternoon, early evening. */
const OFFSET_MINUTES = [630, 900, 1110];

/**
 * The next attempt the rule still asks for — a time of day and a channel not used yet while
 * the rule wants more of them — or null when the customer may be given up on.
 */
export function nextAttempt(level: RecallLevel, attempts: readonly Attempt[], settings: RetentionSettings): PlannedAttempt | null {
  if (mayGiveUp(level, attempts, settings)) return null;
  const rule = settings.attempts[String(level) as '1' | '2' | '3']!;
  const c = coverage(attempts, settings);
  const usedTimes = new Set(attempts.map((a) => timeOfDay(a.localMinute, settings.timesOfDay)));
  const usedChannels = new Set(attempts.map((a) => a.channel));
  const times = settings.timesOfDay.map((t) => t.id);
  const timeIndex = c.timesOfDay < rule.minTimesOfDay ? times.findIndex((t) => !usedTimes.has(t)) : attempts.length % times.length;
  const channel = c.channels < rule.minChannels ? CHANNEL_ORDER.find((ch) => !usedChannels.has(ch)) ?? 'call' : 'call';
  const index = Math.max(0, timeIndex);
  const from = minutesOf(settings.timesOfDay[index]!.from);
  const minute = Math.max(from, OFFSET_MINUTES[index] ?? from + 60);
  const at = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return { channel, timeOfDay: times[index]!, at };
}

/** The whole sequence a fresh customer gets under the rule (what a launch plans and costs). */
export function planAttempts(level: RecallLevel, settings: RetentionSettings): PlannedAttempt[] {
  const done: Attempt[] = [];
  const plan: PlannedAttempt[] = [];
  for (let next = nextAttempt(level, done, settings); next !== null && plan.length < 10; next = nextAttempt(level, done, settings)) {
    plan.push(next);
    done.push({ channel: next.channel, localMinute: minutesOf(next.at) });
  }
  return plan;
}
