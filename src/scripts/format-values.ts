import { parseDay, ymdOf } from '../domain/dates.js';
import type { visitKinds } from '../domain/records.js';
import type { FieldValue } from './render.js';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date as people say it on the phone: the year only when it is not this year
 * (`5月20日` / `20 May`, `2023年5月20日` / `20 May 2023`).
 */
export function formatDate(date: string, asOf: string): FieldValue {
  const d = ymdOf(parseDay(date.slice(0, 10)));
  const sameYear = d.y === ymdOf(parseDay(asOf)).y;
  return {
    'zh-CN': sameYear ? `${d.m}月${d.d}日` : `${d.y}年${d.m}月${d.d}日`,
    en: sameYear ? `${d.d} ${EN_MONTHS[d.m - 1]}` : `${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}`,
  };
}

function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatKm(km: number): FieldValue {
  return { 'zh-CN': `${grouped(km)}公里`, en: `${grouped(km)} km` };
}

const KIND: Record<(typeof visitKinds)[number], FieldValue> = {
  maintenance: { 'zh-CN': '保养', en: 'maintenance' },
  repair: { 'zh-CN': '维修', en: 'repair' },
  inspection: { 'zh-CN': '检测', en: 'inspection' },
  warranty: { 'zh-CN': '保修', en: 'warranty work' },
  free: { 'zh-CN': '免费检查', en: 'free check' },
  other: { 'zh-CN': '到店服务', en: 'service visit' },
};

export function formatVisitKind(kind: (typeof visitKinds)[number]): FieldValue {
  return KIND[kind];
}

/** Recorded items are free text in the store's language; only the separator changes. */
export function formatItems(items: readonly string[]): FieldValue | null {
  const clean = items.map((i) => i.trim()).filter((i) => i !== '');
  if (clean.length === 0) return null;
  return { 'zh-CN': clean.join('、'), en: clean.join(', ') };
}

/** The next service by distance when the interval is known (`40,000公里保养`), else routine maintenance. */
export function formatMaintenanceItem(targetKm: number | null): FieldValue {
  if (targetKm === null) return { 'zh-CN': '常规保养', en: 'routine maintenance' };
  return { 'zh-CN': `${grouped(targetKm)}公里保养`, en: `${grouped(targetKm)} km service` };
}
