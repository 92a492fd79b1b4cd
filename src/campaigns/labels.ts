import type { Lang } from './describe-uplift.js';

/** Words for the codes campaigns and reviews print, in the reader's language. */
const words: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    price: '价格', convenience: '便利性', service: '服务体验', passive: '被动', unknown: '未知',
    lost: '流失', dormant: '休眠', abandoned: '已放弃', sold_or_moved: '已售车/迁出', observation: '回归观察', active: '活跃',
    yellow: '黄色', orange: '橙色', red: '红色', green: '绿色',
    high: '高价值', mid: '中价值', basic: '基础',
    recent: '近期', middle: '中期', long: '长期',
    treated: '干预组', held_out: '对照组', gave_up: '已放弃召回', campaign: '召回活动', warning: '预警处理',
    none: '不召回', '1': '一级', '2': '二级', '3': '三级',
  },
  en: {
    price: 'price', convenience: 'convenience', service: 'service', passive: 'passive', unknown: 'unknown',
    lost: 'lost', dormant: 'dormant', abandoned: 'abandoned', sold_or_moved: 'sold or moved', observation: 'observation', active: 'active',
    yellow: 'yellow', orange: 'orange', red: 'red', green: 'green',
    high: 'high value', mid: 'mid value', basic: 'basic',
    recent: 'recent', middle: 'middle', long: 'long',
    treated: 'treated', held_out: 'held out', gave_up: 'given up', campaign: 'recall campaign', warning: 'warning work',
    none: 'not recalled', '1': 'level 1', '2': 'level 2', '3': 'level 3',
  },
};

export function word(lang: Lang, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  if (code.includes('_') && !(code in words[lang])) return code.split('_').map((p) => words[lang][p] ?? p).join(lang === 'zh-CN' ? '·' : ' / ');
  return words[lang][code] ?? code;
}

export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
export const yuan = (v: number | null) => (v === null ? '—' : `¥${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}`);
