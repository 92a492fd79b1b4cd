import type { Uplift } from './uplift.js';

export type Lang = 'zh-CN' | 'en';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const points = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;
const whole = (v: number) => (Math.round(v) === 0 ? '0' : `${v < 0 ? '−' : ''}${Math.abs(Math.round(v))}`);

/**
 * The comparison in plain words for the boards and the reports. When the interval includes 0
 * it says so first: a board must not let a chance difference pass for an effect.
 */
export function describeUplift(u: Uplift, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (u.verdict === 'no_treated') return zh ? '没有干预组客户：无法比较。' : 'No treated customers: nothing to compare.';
  if (u.verdict === 'no_hold_out') return zh ? '没有对照组（留出组）客户：无法衡量增量效果。' : 'No held-out customers: the uplift cannot be measured.';
  const t = u.treated;
  const h = u.heldOut;
  const [lo, hi] = u.interval!;
  const [ilo, ihi] = u.incrementalInterval!;
  const level = Math.round(u.confidence * 100);
  const verdict = {
    not_significant: zh ? '差异不显著：置信区间包含 0，这个差异可能只是偶然。' : 'Not significant: the interval includes 0, so the difference may be chance.',
    better: zh ? `差异显著（${level}%）：召回确实带回了更多客户。` : `Significant at ${level} %: the treatment brought more customers back.`,
    worse: zh ? `差异显著（${level}%）：干预组的召回率反而更低。` : `Significant at ${level} %: treated customers came back less often.`,
  }[u.verdict];
  if (zh) {
    return `${verdict}干预组召回率 ${pct(t.rate!)}（${t.n} 人中 ${t.recovered} 人），对照组 ${pct(h.rate!)}（${h.n} 人中 ${h.recovered} 人），`
      + `相差 ${points(u.difference!)} 个百分点（${level}% 置信区间 ${points(lo)} 至 ${points(hi)}），`
      + `增量召回约 ${whole(u.incrementalRecoveries!)} 人（${whole(ilo)} 至 ${whole(ihi)}）。`;
  }
  return `${verdict} Treated customers recovered at ${pct(t.rate!)} (${t.recovered} of ${t.n}), held-out at ${pct(h.rate!)} (${h.recovered} of ${h.n}): `
    + `${points(u.difference!)} points (${level} % CI ${points(lo)} to ${points(hi)}), `
    + `about ${whole(u.incrementalRecoveries!)} incremental recoveries (${whole(ilo)} to ${whole(ihi)}).`;
}
