import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fmtPct } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { Overview } from '../server-types';
import { isManager, useMe } from '../session';
import { levelColor } from './Chart';

const TIERS = ['high', 'mid', 'basic'];

type Coverage = Overview['careCoverage'];

/** 分层关怀覆盖 on the overview: per value tier, who is within the contact interval, due, overdue; open care tasks. */
export function CareCoverage({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  const manager = isManager(useMe().staff.role);
  const rows = TIERS.filter((tier) => coverage[tier]).map((tier) => ({ tier, ...coverage[tier]! }));
  const inbox = manager ? '/inbox?who=team&category=care' : '/inbox?category=care';
  return (
    <Card title={t('care.coverage')} size="small" data-testid="care-coverage">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('care.coverage.hint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="tier"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('care.coverage.none') }}
        scroll={{ x: 520 }}
        onRow={(r) => ({ 'data-tier': r.tier } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('care.coverage.tier'), dataIndex: 'tier', render: (tier: string) => t(`value.${tier}` as MessageKey) },
          { title: t('care.status.within'), dataIndex: 'within', align: 'right', render: (n: number) => <span data-testid="within">{n}</span> },
          { title: t('care.status.due'), dataIndex: 'due', align: 'right', render: (n: number) => <span data-testid="due" style={{ color: n > 0 ? levelColor.yellow : undefined }}>{n}</span> },
          { title: t('care.status.overdue'), dataIndex: 'overdue', align: 'right', render: (n: number) => <span data-testid="overdue" style={{ color: n > 0 ? levelColor.red : undefined }}>{n}</span> },
          { title: t('care.coverage.covered'), key: 'covered', align: 'right', render: (_: unknown, r) => fmtPct(r.within, r.within + r.due + r.overdue) },
          { title: t('care.coverage.openTasks'), dataIndex: 'openTasks', align: 'right', render: (n: number) => <Link to={inbox} data-testid="open-care-tasks">{n}</Link> },
        ]}
      />
    </Card>
  );
}
