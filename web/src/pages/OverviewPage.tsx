import { Card, Col, Row, Statistic } from 'antd';
import { CareCoverage } from '../components/CareCoverage';
import { ChurnModelCard } from '../components/ChurnModelCard';
import { Link } from 'react-router-dom';
import { Chart, levelColor } from '../components/Chart';
import { filterQuery, ListFilters, useFilters } from '../components/ListFilters';
import { LoadState } from '../components/LoadState';
import { fmtPct } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { Overview } from '../server-types';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';

const HEALTH_TIERS = ['green', 'blue', 'yellow', 'orange', 'red'];
const LEVELS = ['green', 'yellow', 'orange', 'red'];

export default function OverviewPage() {
  const { t } = useI18n();
  const { filters } = useFilters();
  const loaded = useApi<Overview>(`/overview${filterQuery(filters)}`);
  return (
    <>
      <PageTitle>{t('nav.overview')}</PageTitle>
      <ListFilters />
      <LoadState loaded={loaded}>
        {(o) => (
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card><Statistic title={t('overview.total')} value={o.totalCustomers} data-testid="total-customers" /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card><Statistic title={t('overview.monthWarnings')} value={o.warningsThisMonth.orange + o.warningsThisMonth.red} /></Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Link to="/warnings?level=red">
                  <Statistic title={t('overview.openRed')} value={o.openRed} styles={{ content: { color: levelColor.red } }} />
                </Link>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={`${t('level.red')} + ${t('level.orange')}`} value={fmtPct((o.byLevel.red ?? 0) + (o.byLevel.orange ?? 0), o.totalCustomers)} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('overview.healthTiers')} size="small">
                <Chart
                  testId="health-tiers"
                  option={{
                    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
                    legend: { bottom: 0 },
                    series: [{
                      type: 'pie', radius: ['40%', '70%'], label: { formatter: '{b}\n{d}%' },
                      data: HEALTH_TIERS.map((tier) => ({ name: t(`health.${tier}` as MessageKey), value: o.byHealthTier[tier] ?? 0, itemStyle: { color: levelColor[tier] } })),
                    }],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('overview.levels')} size="small">
                <Chart
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 48, right: 16, top: 16, bottom: 32 },
                    xAxis: { type: 'category', data: LEVELS.map((l) => t(`level.${l}` as MessageKey)) },
                    yAxis: { type: 'value' },
                    series: [{ type: 'bar', data: LEVELS.map((l) => ({ value: o.byLevel[l] ?? 0, itemStyle: { color: levelColor[l] } })), label: { show: true, position: 'top' } }],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={t('overview.trend')} size="small">
                <Chart
                  testId="trend"
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 48, right: 16, top: 16, bottom: 48 },
                    xAxis: { type: 'category', data: o.trend.map((m) => m.month) },
                    yAxis: { type: 'value' },
                    series: HEALTH_TIERS.map((tier) => ({
                      name: t(`health.${tier}` as MessageKey), type: 'bar', stack: 'tiers', itemStyle: { color: levelColor[tier] },
                      data: o.trend.map((m) => m.byHealthTier[tier] ?? 0),
                    })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <CareCoverage coverage={o.careCoverage} />
            </Col>
            <Col xs={24}>
              <ChurnModelCard />
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('overview.valueTiers')} size="small">
                <Chart
                  height={220}
                  option={{
                    tooltip: { trigger: 'item' },
                    series: [{ type: 'pie', radius: '65%', data: ['high', 'mid', 'basic'].map((v) => ({ name: t(`value.${v}` as MessageKey), value: o.byValueTier[v] ?? 0 })) }],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('overview.lifecycles')} size="small">
                <Chart
                  height={220}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 96, right: 24, top: 8, bottom: 24 },
                    yAxis: { type: 'category', data: Object.keys(o.byLifecycle).map((k) => t(`lifecycle.${k}` as MessageKey)) },
                    xAxis: { type: 'value' },
                    series: [{ type: 'bar', data: Object.values(o.byLifecycle), label: { show: true, position: 'right' } }],
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
