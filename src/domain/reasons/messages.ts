import type { Lang, Level } from '../evaluation.js';
import type { SignalId } from '../signal-ids.js';

/** Every sentence a reason is made of, per language. Numbers arrive already formatted. */
export interface Messages {
  level: Record<Level, string>;
  because(level: Level): string;
  riskScore(score: string, terms: { weight: number; name: 'r' | 'signals' | 'nps'; value: number }[]): string;
  response(step: 1 | 2 | 3, triggers: string[]): string;
  rule(id: string, what: string): string;
  silent(items: { what: string; grade: 'warning' | 'danger' }[]): string;
  observation(returnedAt: string, from: Level): string;
  signal(n: number, name: string, severity: number, penalty: number, detail: string): string;
  signalName: Record<SignalId, string>;
  /** A `signal.<id>` rule field and whether it fired. */
  signalField(name: string, fired: string): string;
  yes: string;
  no: string;
  none: string;
  listSeparator: string;
}

const stars = (n: number): string => '★'.repeat(n);

const zh: Messages = {
  level: { green: '绿色', yellow: '黄色', orange: '橙色', red: '红色' },
  because: (level) => `${zh.level[level]}：`,
  riskScore: (score, terms) => {
    const names = { r: 'R 分', signals: '信号分', nps: 'NPS 分' };
    return `流失风险分 ${score} = ${terms.map((t) => `${t.weight} × ${names[t.name]} ${t.value}`).join(' + ')}`;
  },
  response: (step, triggers) => `${['一', '二', '三'][step - 1]}级响应（${triggers.join('；')}）`,
  rule: (id, what) => `${what}（规则 ${id}）`,
  silent: (items) => {
    const grade = { warning: '预警', danger: '危险' };
    return `沉默客户，${items.length} 项指标异常：${items.map((i) => `${i.what}（${grade[i.grade]}）`).join('、')}`;
  },
  observation: (returnedAt, from) => `回流观察期（${returnedAt} 回店），由${zh.level[from]}升级`,
  signal: (n, name, severity, penalty, detail) => `信号 ${n}「${name}」（${stars(severity)}，扣 ${penalty} 分）：${detail}`,
  signalName: {
    maintenance_overdue_unanswered: '保养逾期未响应',
    nps_drop: 'NPS 下降',
    appointment_cancelled: '预约取消',
    app_inactive: 'App 不活跃',
    complaint_silence: '投诉后沉默',
    value_add_refused: '拒绝增值服务',
    basic_only: '只做基础项目',
    no_activities: '不参加活动',
    contact_invalid: '联系方式失效',
    social_negative: '负面舆情',
  },
  signalField: (name, fired) => `信号「${name}」触发：${fired}`,
  yes: '是',
  no: '否',
  none: '无',
  listSeparator: '，',
};

const en: Messages = {
  level: { green: 'green', yellow: 'yellow', orange: 'orange', red: 'red' },
  because: (level) => `${level} because: `,
  riskScore: (score, terms) => {
    const names = { r: 'R', signals: 'signals', nps: 'NPS' };
    return `risk score ${score} = ${terms.map((t) => `${t.weight} × ${names[t.name]} ${t.value}`).join(' + ')}`;
  },
  response: (step, triggers) => `response level ${step} (${triggers.join('; ')})`,
  rule: (id, what) => `${what} (rule ${id})`,
  silent: (items) =>
    `silent customer, ${items.length} abnormal indicator${items.length === 1 ? '' : 's'}: ${items.map((i) => `${i.what} (${i.grade})`).join(', ')}`,
  observation: (returnedAt, from) => `under observation after returning on ${returnedAt} (raised from ${from})`,
  signal: (n, name, severity, penalty, detail) => `signal ${n} "${name}" (${stars(severity)}, penalty ${penalty}): ${detail}`,
  signalName: {
    maintenance_overdue_unanswered: 'maintenance overdue, unanswered',
    nps_drop: 'NPS drop',
    appointment_cancelled: 'appointment cancelled',
    app_inactive: 'app inactive',
    complaint_silence: 'silence after a complaint',
    value_add_refused: 'value-add refused',
    basic_only: 'basic items only',
    no_activities: 'skips store events',
    contact_invalid: 'contact invalid',
    social_negative: 'negative social post',
  },
  signalField: (name, fired) => `signal "${name}" fired: ${fired}`,
  yes: 'yes',
  no: 'no',
  none: 'none',
  listSeparator: ', ',
};

export const messages: Record<Lang, Messages> = { 'zh-CN': zh, en };
