import type { Lang } from '../i18n';
import type { TaskItem } from './types';

// The shipped programs' names (src/programs/default-programs.json), so a task says what it is
// for without another request; a program added in settings falls back to its id.
const programs: Record<string, [string, string]> = {
  early_warning_yellow: ["黄色预警自动关怀", "Yellow warning: automated care"],
  early_warning_orange: ["橙色预警顾问回访", "Orange warning: advisor call"],
  early_warning_red: ["红色预警经理挽回", "Red warning: manager recovery call"],
  health_red: ["健康度危险：店长介入", "Health danger: store manager"],
  health_orange: ["健康度预警：服务经理跟进", "Health warning: service manager"],
  health_yellow: ["健康度关注：顾问跟进", "Health attention: advisor"],
  waiting_time: ["在店等待时长补救", "In-service waiting time"],
  post_service: ["服务后黄金48小时", "Post-service golden 48 hours"],
  low_rating: ["低满意度店长处理", "Low rating: store manager"],
  complaint_open: ["投诉闭环处理", "Complaint closure"],
  complaint_after: ["投诉关闭后回访", "After a complaint closes"],
  maintenance_chase: ["保养逾期追踪", "Maintenance overdue chase"],
  nps_drop: ["NPS下降跟进", "NPS drop"],
  cancellation: ["预约取消回访", "Appointment cancelled"],
  social_negative: ["负面舆情处理", "Negative social post"],
  contact_invalid: ["联系方式失效", "Contact invalid"],
  silent_yellow: ["沉默客户唤醒（黄）", "Silent customer wake-up (yellow)"],
  silent_orange: ["沉默客户唤醒（橙）", "Silent customer wake-up (orange)"],
  silent_red: ["沉默客户唤醒（红）", "Silent customer wake-up (red)"],
  dormant_wakeup: ["休眠客户21天唤醒", "Dormant 21-day wake-up"],
  recall_level_1: ["流失召回一级（高价值近期）", "Lost-customer recall, level 1"],
  recall_level_2: ["流失召回二级", "Lost-customer recall, level 2"],
  recall_level_3: ["流失召回三级（自动）", "Lost-customer recall, level 3 (automated)"],
  return_ritual: ["回归客户欢迎仪式", "Return ritual"],
  observation: ["回归后90天观察期", "90-day observation"],
  give_up: ["放弃客户告别", "Give up: farewell"],
  care_contact: ["定期关怀（按价值分层）", "Proactive care by value tier"],
  care_birthday: ["生日关怀", "Birthday care"],
  care_anniversary: ["提车周年关怀", "Delivery anniversary"],
  care_mileage_milestone: ["里程里程碑关怀", "Mileage milestone"],
  care_first_service: ["首保提醒", "First service due"],
  care_warranty: ["质保到期关怀", "Warranty ending"],
  care_software_update: ["软件升级到店邀约", "Software update worth a visit"],
  care_holiday: ["节日关怀", "Holiday greetings"],
  care_bad_weather: ["恶劣天气提醒", "Bad-weather notice"],
};

/** What a task is for, in the reader's language: its program's name (an early-warning task merges several). */
export function taskReasonLabel(task: Pick<TaskItem, 'reason' | 'programId'>, lang: Lang): string {
  if (task.reason === 'early_warning' && !programs[task.programId]) return lang === 'en' ? 'Early-warning follow-up' : '预警跟进';
  const name = programs[task.programId];
  return name ? name[lang === 'en' ? 1 : 0] : task.programId;
}
