import type { Lang } from '../../../campaigns/describe-uplift.js';
import { pct, word, yuan } from '../../../campaigns/labels.js';
import type { MonthlyReview } from '../monthly-review.js';

export type Cell = string | number | null;

export interface Section {
  title: string;
  head: string[];
  rows: Cell[][];
}

const T = (lang: Lang, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

/**
 * The monthly review as titled tables, in the reader's language: one source for the Excel
 * sheets, the PDF's HTML and the CLI's tables, so the three always show the same rows.
 */
export function reviewSections(r: MonthlyReview, lang: Lang): Section[] {
  const t = (zh: string, en: string) => T(lang, zh, en);
  const w = r.warnings;
  return [
    {
      title: t('概览', 'Summary'),
      head: [t('指标', 'Figure'), t('数值', 'Value')],
      rows: [
        [t('新增预警', 'Warnings opened'), w.opened.total],
        [t('其中 黄/橙/红', 'of which yellow / orange / red'), `${w.opened.yellow} / ${w.opened.orange} / ${w.opened.red}`],
        [t('月初未结预警', 'Open at the start'), w.openAtStart],
        [t('已解除预警', 'Warnings closed'), w.closed],
        [t('预警挽回率', 'Recovery rate'), pct(w.recoveryRate)],
        [t('月末未结预警', 'Open at the end'), w.openAtEnd.total],
        [t('挽回客户', 'Customers recovered'), r.recovered.customers],
        [t('其中召回活动', 'of which by campaigns'), r.recovered.fromCampaigns],
        [t('挽回客户消费', 'Revenue of the recovered'), yuan(r.recovered.revenue)],
        [t('流失客户', 'Customers lost'), r.lost.customers],
        [t('流失客户年价值', 'Annual value lost'), yuan(r.lost.value)],
      ],
    },
    {
      title: t('流失原因分布', 'Churn reasons'),
      head: [t('原因', 'Reason'), t('客户数', 'Customers'), t('占比', 'Share'), t('年价值', 'Annual value')],
      rows: r.churnReasons.map((c) => [word(lang, c.reason), c.customers, pct(c.share), yuan(c.value)]),
    },
    {
      title: t('流失客户', 'Customers lost'),
      head: [t('客户编号', 'Customer'), t('姓名', 'Name'), t('阶段', 'Lifecycle'), t('年价值', 'Annual value'), t('原因', 'Reason'), t('服务顾问', 'Advisor')],
      rows: r.lost.list.map((l) => [l.customerId, l.name, word(lang, l.lifecycle), yuan(l.value), word(lang, l.churnReason), l.advisorName]),
    },
    {
      title: t('最佳案例', 'Best cases'),
      head: [t('客户编号', 'Customer'), t('姓名', 'Name'), t('挽回人', 'Recovered by'), t('预警等级', 'Level'), t('途径', 'How'), t('优惠', 'Offer'), t('消费', 'Revenue')],
      rows: r.bestCases.map((b) => [b.customerId, b.name, b.staffName, word(lang, b.level), word(lang, b.source), b.offerId, yuan(b.revenue)]),
    },
    {
      title: t('失败案例', 'Failed cases'),
      head: [t('客户编号', 'Customer'), t('姓名', 'Name'), t('年价值', 'Annual value'), t('原因', 'Reason'), t('结果', 'Outcome'), t('尝试次数', 'Attempts')],
      rows: r.failedCases.map((f) => [f.customerId, f.name, yuan(f.value), word(lang, f.churnReason), word(lang, f.why === 'gave_up' ? 'gave_up' : f.lifecycle), f.attempts]),
    },
    {
      title: t('员工激励', 'Staff incentives'),
      head: [t('员工', 'Staff'), t('黄', 'Yellow'), t('橙', 'Orange'), t('红', 'Red'), t('合计', 'Total'), t('奖励', 'Reward'), t('月度挽回之星', 'Top recoverer')],
      rows: r.staff.map((s) => [s.staffName, s.recovered.yellow, s.recovered.orange, s.recovered.red, s.total, yuan(s.reward), s.topRecoverer ? '★' : '']),
    },
  ];
}

export function reviewTitle(r: MonthlyReview, lang: Lang): string {
  return T(lang, `${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月 月度复盘`, `Monthly review ${r.month}`);
}
