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
  changeMade: { 'zh-CN': '整改措施', en: 'what we changed' },
  complaintTopic: { 'zh-CN': '投诉事项', en: 'complaint topic' },
  link: { 'zh-CN': '链接', en: 'link' },
  years: { 'zh-CN': '周年数', en: 'years' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Field = keyof typeof fieldLabels;
export const fields = Object.keys(fieldLabels) as Field[];

export function isField(name: string): name is Field {
  return Object.hasOwn(fieldLabels, name);
}

/** What a missing value renders as: visible to the reader, impossible to mistake for content. */
export function missingPlaceholder(field: Field, lang: Lang): string {
  const label = fieldLabels[field][lang];
  return lang === 'zh-CN' ? `【待填写：${label}】` : `[to fill: ${label}]`;
}
