import { Card, Col, Row, Statistic, Table } from 'antd';
import { Chart, levelColor } from '../components/Chart';
import { filterQuery, ListFilters, useFilters } from '../components/ListFilters';
import { LoadState } from '../components/LoadState';
import { RecallCampaigns } from '../components/RecallCampaigns';
import { fmtMoney, fmtPct } from '../format';
import { useI18n } from '../i18n';
import type { RecallBoard } from '../server-types';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';

type RecallRow = RecallBoard['levels'][number];

const DAYS = 30;

export default function RecallBoardPage() {
  const { t } = useI18n();
  const { filters } = useFilters();
  const loaded = useApi<RecallBoard>(`/recall-board${filterQuery({ ...filters, level: undefined, lifecycle: undefined }, { days: DAYS })}`);
  const levelName = (l: number | null) => t(l === 1 ? 'recall.level.1' : l === 2 ? 'recall.level.2' : l === 3 ? 'recall.level.3' : 'recall.level.none');
  return (
    <>
      <PageTitle>{t('nav.recall')}</PageTitle>
      <ListFilters levels={[]} />
      <LoadState loaded={loaded}>
        {(b) => (
          <Row gutter={[12, 12]}>
            <Col xs={24}>
              <Table<RecallRow>
                data-testid="recall-table"
                rowKey={(r) => String(r.recallLevel)}
                size="small"
                pagination={false}
                scroll={{ x: 700 }}
                dataSource={b.levels}
                columns={[
                  { title: t('recall.level'), key: 'level', render: (_, r) => levelName(r.recallLevel) },
                  { title: t('recall.customers'), dataIndex: 'customers' },
                  { title: t('recall.attempted'), dataIndex: 'attempted' },
                  { title: t('recall.connected'), key: 'connected', render: (_, r) => `${r.connected} (${fmtPct(r.connected, r.attempted)})` },
                  { title: t('recall.visited'), key: 'visited', render: (_, r) => `${r.visited} (${fmtPct(r.visited, r.customers)})` },
                  { title: t('recall.revenue'), key: 'revenue', render: (_, r) => fmtMoney(r.revenue) },
                ]}
              />
            </Col>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title={t('recall.returned')} value={b.returned.customers} /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small"><Statistic title={t('recall.returnedRevenue')} value={fmtMoney(b.returned.revenue)} /></Card>
            </Col>
            <Col xs={24}>
              <RecallCampaigns />
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('recall.daily', { n: DAYS })}>
                <Chart
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 40, right: 16, top: 16, bottom: 48 },
                    xAxis: { type: 'category', data: b.daily.map((d) => d.day.slice(5)) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [
                      { name: t('recall.calls'), type: 'bar', data: b.daily.map((d) => d.calls), itemStyle: { color: '#91caff' } },
                      { name: t('recall.connectedCalls'), type: 'bar', data: b.daily.map((d) => d.connected), itemStyle: { color: levelColor.green } },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
        )}
      </LoadState>
    </>
  );
}
