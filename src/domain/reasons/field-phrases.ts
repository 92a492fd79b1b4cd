import type { Features, Lang } from '../evaluation.js';
import type { SignalId } from '../signal-ids.js';
import { messages } from './messages.js';

type Phrase = Record<Lang, string>;

/** How a field reads in a sentence; `{v}` is its value. */
const phrases: Record<keyof Features | 'risk.score' | 'health.score' | 'signals.count', Phrase> = {
  R: { 'zh-CN': '距上次到店 {v} 天', en: 'R = {v} days' },
  visits365: { 'zh-CN': '近一年到店 {v} 次', en: '{v} visits in the last 365 days' },
  visitsPrev365: { 'zh-CN': '前一年到店 {v} 次', en: '{v} visits in the year before' },
  spend365: { 'zh-CN': '近一年消费 ¥{v}', en: 'spent ¥{v} in the last 365 days' },
  spendPrev365: { 'zh-CN': '前一年消费 ¥{v}', en: 'spent ¥{v} in the year before' },
  ticketTrend: { 'zh-CN': '客单价趋势 {v}', en: 'ticket trend {v}' },
  lastNps: { 'zh-CN': '最近 NPS {v}', en: 'NPS {v}' },
  prevNps: { 'zh-CN': '上一次 NPS {v}', en: 'previous NPS {v}' },
  lastSatisfaction: { 'zh-CN': '最近满意度 {v}', en: 'satisfaction {v}' },
  sat5: { 'zh-CN': '满意度 {v}/5', en: 'satisfaction {v}/5' },
  maintenanceDue: { 'zh-CN': '保养到期 {v}', en: 'maintenance due {v}' },
  secondDue: { 'zh-CN': '第二次保养到期 {v}', en: 'second maintenance due {v}' },
  overdueDays: { 'zh-CN': '保养逾期 {v} 天', en: 'maintenance overdue {v} days' },
  remindersUnanswered: { 'zh-CN': '{v} 条保养提醒未回复', en: '{v} maintenance reminders unanswered' },
  refusedToBook: { 'zh-CN': '拒绝预约保养：{v}', en: 'refused to book: {v}' },
  cancellations90: { 'zh-CN': '90 天内取消预约 {v} 次', en: '{v} cancellations in 90 days' },
  reschedules90: { 'zh-CN': '90 天内改约 {v} 次', en: '{v} reschedules in 90 days' },
  hasApp: { 'zh-CN': '有 App 账号：{v}', en: 'app account: {v}' },
  appLogins30: { 'zh-CN': '30 天内 App 登录 {v} 次', en: '{v} app logins in 30 days' },
  appBaseline: { 'zh-CN': 'App 登录基线 {v} 次/30 天', en: 'app baseline {v} logins per 30 days' },
  wechatPerMonth: { 'zh-CN': '微信互动 {v} 次/月', en: 'WeChat {v} per month' },
  interactionsPerMonth: { 'zh-CN': '互动 {v} 次/月', en: '{v} interactions per month' },
  callAnswerRate: { 'zh-CN': '电话接通率 {v}', en: 'call answer rate {v}' },
  complaints365: { 'zh-CN': '近一年投诉 {v} 次', en: '{v} complaints in 365 days' },
  complaintSilenceDays: { 'zh-CN': '投诉关闭后无互动 {v} 天', en: 'no contact for {v} days since a complaint closed' },
  valueAddDeclineStreak: { 'zh-CN': '连续 {v} 次拒绝增值推荐', en: '{v} value-add offers declined in a row' },
  basicOnlyStreak: { 'zh-CN': '连续 {v} 次只做基础项目', en: '{v} basic-only visits in a row' },
  invited365: { 'zh-CN': '近一年受邀活动 {v} 场', en: 'invited to {v} events in 365 days' },
  attended365: { 'zh-CN': '近一年参加活动 {v} 场', en: 'attended {v} events in 365 days' },
  contactInvalid: { 'zh-CN': '联系方式失效：{v}', en: 'contact invalid: {v}' },
  socialNegativeOpen: { 'zh-CN': '未处理的负面舆情：{v}', en: 'open negative social post: {v}' },
  referrals365: { 'zh-CN': '近一年推荐 {v} 人', en: '{v} referrals in 365 days' },
  annualSpend: { 'zh-CN': '年消费 ¥{v}', en: 'annual spend ¥{v}' },
  historicalAnnualSpend: { 'zh-CN': '最后活跃年消费 ¥{v}', en: 'spent ¥{v} in the last active year' },
  tenureDays: { 'zh-CN': '成为客户 {v} 天', en: 'customer for {v} days' },
  returnedAt: { 'zh-CN': '{v} 回店', en: 'returned on {v}' },
  'risk.score': { 'zh-CN': '流失风险分 {v}', en: 'risk score {v}' },
  'health.score': { 'zh-CN': '健康分 {v}', en: 'health score {v}' },
  'signals.count': { 'zh-CN': '{v} 个信号', en: 'signals: {v}' },
};

const SIGNAL_PREFIX = 'signal.';

/** A field and its value as words ("R = 112 days", "距上次到店 112 天"). */
export function phrase(field: string, value: number | boolean | string | null, lang: Lang): string {
  const m = messages[lang];
  if (field.startsWith(SIGNAL_PREFIX)) {
    return m.signalField(m.signalName[field.slice(SIGNAL_PREFIX.length) as SignalId], value ? m.yes : m.no);
  }
  const text = value === null ? m.none : value === true ? m.yes : value === false ? m.no : String(value);
  const template = phrases[field as keyof typeof phrases];
  return template ? template[lang].replace('{v}', text) : `${field} ${text}`;
}
