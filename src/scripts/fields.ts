import type { NoteTopic } from '../domain/records.js';
import type { Lang } from './vocabulary.js';

/**
 * Every `{{field}}` a script or template may use, with the label shown when the value is missing.
 * A closed list on purpose: a typo in a user-edited script (`{{ofer}}`) is refused when the library
 * is saved, not discovered by a customer reading a raw brace.
 */
export const fieldLabels = {
  customerName: { 'zh-CN': '客户称呼', en: 'customer name' },
  advisorName: { 'zh-CN': '顾问姓名', en: 'advisor name' },
  staffName: { 'zh-CN': '来电人姓名', en: 'caller name' },
  storeName: { 'zh-CN': '门店名称', en: 'store name' },
  vehicleModel: { 'zh-CN': '车型', en: 'vehicle model' },
  daysSinceLastVisit: { 'zh-CN': '距上次到店天数', en: 'days since last visit' },
  mileage: { 'zh-CN': '当前里程', en: 'mileage' },
  maintenanceDue: { 'zh-CN': '保养到期日', en: 'maintenance due date' },
  maintenanceItem: { 'zh-CN': '保养项目', en: 'maintenance item' },
  lastVisitDate: { 'zh-CN': '上次到店日期', en: 'last visit date' },
  lastVisitKind: { 'zh-CN': '上次到店类型', en: 'last visit type' },
  lastVisitItems: { 'zh-CN': '上次服务项目', en: 'last visit items' },
  offer: { 'zh-CN': '优惠', en: 'offer' },
  offerDeadline: { 'zh-CN': '优惠截止日', en: 'offer deadline' },
  slot: { 'zh-CN': '预约时段', en: 'booking slot' },
  personalNote: { 'zh-CN': '客户备注', en: 'personal note' },
  preferredDrink: { 'zh-CN': '喜好饮品', en: 'preferred drink' },
  family: { 'zh-CN': '家庭情况', en: 'family' },
  job: { 'zh-CN': '职业', en: 'job' },
  openQuestion: { 'zh-CN': '上次未决问题', en: 'open question from last time' },
  changeMade: { 'zh-CN': '整改措施', en: 'what we changed' },
  complaintTopic: { 'zh-CN': '投诉事项', en: 'complaint topic' },
  link: { 'zh-CN': '链接', en: 'link' },
  years: { 'zh-CN': '周年数', en: 'years' },
  holidayName: { 'zh-CN': '节日', en: 'holiday' },
  milestoneKm: { 'zh-CN': '里程里程碑', en: 'mileage milestone' },
  warrantyEnd: { 'zh-CN': '质保到期日', en: 'warranty end date' },
  updateTitle: { 'zh-CN': '升级内容', en: 'update' },
  noticeTitle: { 'zh-CN': '天气提醒', en: 'weather notice' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Field = keyof typeof fieldLabels;
export const fields = Object.keys(fieldLabels) as Field[];

/**
 * The fields filled from the customer's personal notes (programs.md §13), by topic: the other
 * topic's note is `personalNote`. Staff read them in a script to continue the last conversation;
 * they never go into a message to the customer (library-checks.ts refuses them in templates).
 */
export const noteFieldOfTopic = {
  drink: 'preferredDrink', family: 'family', job: 'job', open_question: 'openQuestion', other: 'personalNote',
} as const satisfies Record<NoteTopic, Field>;
export const noteFields: readonly Field[] = Object.values(noteFieldOfTopic);

export function isField(name: string): name is Field {
  return Object.hasOwn(fieldLabels, name);
}

/** What a missing value renders as: visible to the reader, impossible to mistake for content. */
export function missingPlaceholder(field: Field, lang: Lang): string {
  const label = fieldLabels[field][lang];
  return lang === 'zh-CN' ? `【待填写：${label}】` : `[to fill: ${label}]`;
}
