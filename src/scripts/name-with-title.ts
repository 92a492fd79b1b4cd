import type { FieldValue } from './render.js';

export type Gender = 'male' | 'female';

const MALE = new Set(['male', 'm', 'man', 'mr', '男', '先生']);
const FEMALE = new Set(['female', 'f', 'woman', 'ms', 'mrs', 'miss', '女', '女士']);

/** Reads a gender as CRMs export it (`male`, `M`, `男`, `先生` …); anything else is unknown. */
export function parseGender(value: unknown): Gender | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase().replace(/\.$/, '');
  return MALE.has(v) ? 'male' : FEMALE.has(v) ? 'female' : null;
}

/** The common two-character surnames; every other Chinese name takes its first character. */
const COMPOUND = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门']);

const HAN = /^\p{Script=Han}+$/u;

function chineseSurname(name: string): string {
  const two = name.slice(0, 2);
  return name.length > 2 && COMPOUND.has(two) ? two : name.slice(0, 1);
}

/**
 * How the advisor addresses the customer. Chinese: 张先生 / 张女士, or 张总 / 王老师 when the store
 * recorded such a title. English: Mr / Ms + surname for a Latin-script name; a Chinese name stays
 * the full name in English, since we have no romanisation and a wrong pinyin is worse than none.
 * Without a gender or title the full name is used: guessing a gender offends.
 */
export function nameWithTitle(rawName: string, gender: Gender | null, title: string | null = null): FieldValue {
  const name = rawName.trim().replace(/\s+/g, ' ');
  const han = HAN.test(name);
  const latinSurname = name.split(' ').at(-1)!;
  const customTitle = title?.trim() || null;
  if (customTitle) {
    const zh = han ? (customTitle.startsWith(chineseSurname(name)) ? customTitle : `${chineseSurname(name)}${customTitle}`) : name;
    return { 'zh-CN': zh, en: name };
  }
  if (!gender) return name;
  const zhTitle = gender === 'male' ? '先生' : '女士';
  const enTitle = gender === 'male' ? 'Mr' : 'Ms';
  return {
    'zh-CN': han ? `${chineseSurname(name)}${zhTitle}` : `${latinSurname}${zhTitle}`,
    en: han ? name : `${enTitle} ${latinSurname}`,
  };
}
