import type { Level } from './evaluation.js';

export const levelRank: Readonly<Record<Level, number>> = { green: 0, yellow: 1, orange: 2, red: 3 };

export function maxLevel(a: Level, b: Level): Level {
  return levelRank[b] > levelRank[a] ? b : a;
}
