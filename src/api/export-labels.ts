import type { ExportLang } from './export-table.js';

/** The words an export writes for coded values, in the reader's language. */
const labels: Record<ExportLang, Record<string, string>> = {
  'zh-CN': {
    green: '绿', yellow: '黄', orange: '橙', red: '红', blue: '蓝',
    high: '高价值', mid: '中价值', basic: '基础',
    active: '活跃', lost: '流失', dormant: '休眠', observation: '回归观察', abandoned: '已放弃', sold_or_moved: '已售车/迁出',
    manager_call: '服务经理致电', advisor_call: '顾问致电', care_message: '自动关怀消息',
    drink: '喜好饮品', family: '家庭', job: '职业', open_question: '上次未决问题', other: '其他备注',
  },
  en: {
    green: 'green', yellow: 'yellow', orange: 'orange', red: 'red', blue: 'blue',
    high: 'high value', mid: 'mid value', basic: 'basic',
    active: 'active', lost: 'lost', dormant: 'dormant', observation: 'observation', abandoned: 'abandoned', sold_or_moved: 'sold or moved',
    manager_call: 'manager call', advisor_call: 'advisor call', care_message: 'automated care message',
    drink: 'preferred drink', family: 'family', job: 'job', open_question: 'open question', other: 'other note',
  },
};

export function label(lang: ExportLang, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return labels[lang][code] ?? code;
}
