import dayjs from 'dayjs';
import type { Lang } from './i18n';

export const fmtDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
export const fmtNumber = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined ? '—' : n.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const fmtMoney = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `¥${fmtNumber(n)}`);
export const fmtPct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—');
export const fmtProbability = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${(p * 100).toFixed(0)}%`);

/** The antd/dayjs locale name of a language. */
export const dayjsLocale = (lang: Lang) => (lang === 'en' ? 'en' : 'zh-cn');
