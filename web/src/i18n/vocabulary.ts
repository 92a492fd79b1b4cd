import type { Lang } from './index';

/** Words for codes the API sends: signals, event types, channels (both languages side by side). */
const signals: Record<string, [string, string]> = {
  maintenance_overdue_unanswered: ['保养逾期未响应', 'maintenance overdue, unanswered'],
  nps_drop: ['NPS 下降', 'NPS drop'],
  appointment_cancelled: ['取消预约', 'appointment cancelled'],
  app_inactive: ['App 不活跃', 'app inactive'],
  complaint_silence: ['投诉后沉默', 'silent after complaint'],
  value_add_refused: ['拒绝增值项目', 'value-add refused'],
  basic_only: ['只做基础保养', 'basic service only'],
  no_activities: ['不参加活动', 'skips events'],
  contact_invalid: ['联系方式失效', 'contact invalid'],
  social_negative: ['社交媒体负面', 'negative social post'],
};

const events: Record<string, [string, string]> = {
  checkin: ['到店接车', 'Check-in'],
  visit: ['到店服务', 'Service visit'],
  nps: ['NPS 评分', 'NPS rating'],
  satisfaction: ['满意度评价', 'Satisfaction rating'],
  appointment_booked: ['预约', 'Appointment booked'],
  appointment_cancelled: ['取消预约', 'Appointment cancelled'],
  appointment_rescheduled: ['改约', 'Appointment rescheduled'],
  app_login: ['App 登录', 'App login'],
  wechat: ['微信互动', 'WeChat'],
  call: ['电话', 'Call'],
  message: ['消息', 'Message'],
  reply: ['客户回复', 'Reply'],
  maintenance_refused: ['拒绝保养', 'Maintenance refused'],
  complaint_opened: ['投诉', 'Complaint opened'],
  complaint_closed: ['投诉关闭', 'Complaint closed'],
  recommendation: ['推荐项目', 'Recommendation'],
  event_invited: ['活动邀请', 'Event invitation'],
  event_attended: ['参加活动', 'Event attended'],
  contact_invalid: ['联系方式失效', 'Contact invalid'],
  contact_updated: ['联系方式更新', 'Contact updated'],
  social_post: ['社交媒体发帖', 'Social post'],
  social_resolved: ['社交媒体问题解决', 'Social post resolved'],
  referral: ['转介绍', 'Referral'],
  mileage: ['里程', 'Mileage'],
  vehicle_sold: ['售车', 'Vehicle sold'],
  moved_away: ['迁出', 'Moved away'],
  abandoned: ['放弃挽回', 'Abandoned'],
  software_update: ['OTA 软件升级', 'Software update'],
};

const channels: Record<string, [string, string]> = {
  sms: ['短信', 'SMS'], phone: ['电话', 'phone'], wechat: ['微信', 'WeChat'], app: ['App', 'app'], email: ['邮件', 'email'],
};

const pick = (table: Record<string, [string, string]>, code: string, lang: Lang) => table[code]?.[lang === 'en' ? 1 : 0] ?? code;

export const signalName = (id: string, lang: Lang) => pick(signals, id, lang);
export const eventName = (type: string, lang: Lang) => pick(events, type, lang);
export const channelName = (c: string, lang: Lang) => pick(channels, c, lang);
