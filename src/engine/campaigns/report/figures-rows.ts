import type { Lang } from '../../../campaigns/describe-uplift.js';
import { pct, word, yuan } from '../../../campaigns/labels.js';
import type { FiguresRow } from '../campaign-report.js';
import type { Cell } from './review-sections.js';

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);
const ratio = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}`);

/** The recall board's and ROI's columns (screens.md), for the CLI's tables. */
export function figuresHead(lang: Lang, keyTitle: string): string[] {
  const t = (zh: string, en: string) => T(lang, zh, en);
  return [keyTitle, t('干预', 'Treated'), t('对照', 'Held out'), t('已外呼', 'Attempted'), t('接通(率)', 'Connected (rate)'),
    t('召回(率)', 'Recalled (rate)'), t('到店', 'Arrived'), t('营收', 'Revenue'), t('成本', 'Cost'), 'ROI', t('增量营收', 'Incremental'),
    t('干预/对照召回率', 'Recovery treated / held out')];
}

export function figuresCells(r: FiguresRow, lang: Lang, key = word(lang, r.key)): Cell[] {
  const u = r.uplift;
  return [key, r.treated, r.heldOut, r.attempted, `${r.connected} (${pct(r.connectedRate)})`, `${r.recalled} (${pct(r.recalledRate)})`, r.arrived,
    yuan(r.return), yuan(r.cost.total), ratio(r.roi), yuan(r.incrementalReturn), `${pct(u.treated.rate)} / ${pct(u.heldOut.rate)}`];
}
