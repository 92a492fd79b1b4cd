import { Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { levelColor } from '../components/Chart';
import { ExportButtons } from '../components/ExportButtons';
import { KeyReason } from '../components/KeyReason';
import { filterQuery, ListFilters, useFilters } from '../components/ListFilters';
import { LoadState } from '../components/LoadState';
import { CodeLabel, LevelTag } from '../components/Tags';
import { useI18n } from '../i18n';
import type { WarningBoard } from '../server-types';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';
import { Deadline } from './RiskListPage';

type BoardItem = WarningBoard['items'][number];

export default function WarningBoardPage() {
  const { t } = useI18n();
  const { filters, page, pageSize, setPage } = useFilters();
  const loaded = useApi<WarningBoard>(`/warning-board${filterQuery(filters, { page, pageSize })}`);
  const columns: ColumnsType<BoardItem> = [
    { title: t('col.level'), dataIndex: 'level', width: 80, render: (l: string) => <LevelTag level={l} /> },
    { title: t('col.customer'), key: 'name', width: 110, render: (_, r) => <Link to={`/customers/${encodeURIComponent(r.customerId)}`}>{r.name}</Link> },
    { title: t('board.keyReason'), key: 'reason', width: 280, render: (_, r) => <KeyReason facts={r} /> },
    {
      title: t('col.owner'), dataIndex: 'owner', width: 100,
      render: (o: string | null) => (o ? o : <Typography.Text type="warning">{t('unassigned')}</Typography.Text>),
    },
    { title: t('col.action'), key: 'action', width: 190, render: (_, r) => <CodeLabel prefix="action" code={r.requiredAction?.action} /> },
    { title: t('col.deadline'), key: 'deadline', width: 160, render: (_, r) => <Deadline iso={r.requiredAction?.deadline} /> },
    { title: t('col.phone'), dataIndex: 'phoneMasked', width: 120 },
  ];
  return (
    <>
      <PageTitle extra={<ExportButtons path="/warning-board/export" filters={filters} />}>{t('nav.warnings')}</PageTitle>
      <ListFilters levels={['red', 'orange']} />
      <LoadState loaded={loaded}>
        {(b) => (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              {(['red', 'orange', 'yellow'] as const).map((level) => (
                <Col xs={8} md={5} key={level}>
                  <Card size="small">
                    <Statistic title={t(`level.${level}`)} value={b.counts[level]} styles={{ content: { color: levelColor[level] } }} data-testid={`count-${level}`} />
                  </Card>
                </Col>
              ))}
              <Col xs={24} md={9}>
                <Card size="small" title={t('board.week')}>
                  <Progress percent={b.week.target ? Math.min(100, Math.round((100 * b.week.recovered) / b.week.target)) : 0} />
                  <Typography.Text type="secondary">{t('board.recovered', { done: b.week.recovered, target: b.week.target })}</Typography.Text>
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('board.redOrange')}>
              <Table<BoardItem>
                data-testid="board-table"
                rowKey="warningId"
                size="small"
                columns={columns}
                dataSource={b.items}
                loading={loaded.loading}
                scroll={{ x: 1000 }}
                pagination={{ current: page, pageSize, total: b.total, showTotal: (n) => t('total', { n }), onChange: setPage, size: 'small' }}
              />
            </Card>
          </>
        )}
      </LoadState>
    </>
  );
}
