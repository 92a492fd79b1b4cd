import { Select, Switch, Table, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { Policy } from '../server-types';

type Rule = Policy['rules'][number];

/** The warning rules of a draft policy: each one's level and switch edited in place, its condition as one line. */
export function RulesTable({ rules, onChange }: { rules: Rule[]; onChange: (id: Rule['id'], change: (rule: Rule) => void) => void }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 600 }}
      dataSource={rules}
      data-testid="rules-table"
      columns={[
        { title: t('settings.rule'), dataIndex: 'id', width: 70 },
        {
          title: t('col.level'), dataIndex: 'level', width: 120,
          render: (l: Rule['level'], r) => (
            <Select
              size="small"
              value={l}
              style={{ width: 100 }}
              data-testid={`rule-level-${r.id}`}
              options={(['yellow', 'orange', 'red'] as const).map((x) => ({ value: x, label: t(`level.${x}` as MessageKey) }))}
              onChange={(v: Rule['level']) => onChange(r.id, (rule) => { rule.level = v; })}
            />
          ),
        },
        {
          title: t('settings.enabled'), dataIndex: 'enabled', width: 90,
          render: (on: boolean, r) => <Switch checked={on} data-testid={`rule-${r.id}`} onChange={(v) => onChange(r.id, (rule) => { rule.enabled = v; })} />,
        },
        { title: t('settings.condition'), dataIndex: 'when', render: (w: unknown) => <Typography.Text code style={{ fontSize: 12 }}>{conditionText(w)}</Typography.Text> },
      ]}
    />
  );
}

/** A rule condition as one line: R > 90, all(hasApp == true, appLogins30 == 0). */
function conditionText(w: unknown): string {
  if (!w || typeof w !== 'object') return String(w);
  const c = w as { field?: string; op?: string; value?: unknown; all?: unknown[]; any?: unknown[]; not?: unknown };
  if (c.all) return `all(${c.all.map(conditionText).join(', ')})`;
  if (c.any) return `any(${c.any.map(conditionText).join(', ')})`;
  if (c.not) return `not(${conditionText(c.not)})`;
  return `${c.field} ${c.op} ${JSON.stringify(c.value)}`;
}
