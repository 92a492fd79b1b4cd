import { Alert, Card, Col, Empty, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fmtDateTime, fmtNumber } from '../format';
import { useI18n } from '../i18n';
import type { ModelsResponse } from '../server-types';
import { useApi } from '../use-api';
import { Chart } from './Chart';
import { LoadState } from './LoadState';

type StoreModels = ModelsResponse['stores'][number];

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * 流失预测模型 on the overview (GET /api/v1/models): the churn model in force for a store, its
 * back-test (AUC, Brier beside the base rate) and its calibration — predicted against observed
 * per band of predicted probability — so a manager can see whether to trust the probability.
 */
export function ChurnModelCard() {
  const loaded = useApi<ModelsResponse>('/models');
  return <LoadState loaded={loaded}>{(d) => <ModelOf stores={d.stores} />}</LoadState>;
}

function ModelOf({ stores }: { stores: StoreModels[] }) {
  const { t } = useI18n();
  const [storeId, setStoreId] = useState(stores[0]?.storeId);
  const s = stores.find((x) => x.storeId === storeId) ?? stores[0];
  const churn = s?.churn ?? null;
  const bt = churn?.backtest ?? null;
  const bins = (bt?.calibration ?? []).filter((b) => b.count > 0);
  return (
    <Card
      size="small"
      title={<>{t('model.title')} {churn?.network && <Tag data-testid="model-network">{t('model.network')}</Tag>}</>}
      data-testid="churn-model"
      extra={stores.length > 1 && (
        <Select size="small" style={{ width: 180 }} value={s?.storeId} onChange={setStoreId} options={stores.map((x) => ({ value: x.storeId, label: x.storeName }))} data-testid="model-store" />
      )}
    >
      {s?.message && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={s.message} data-testid="model-message" />}
      {!churn ? <Empty description={t('model.none')} /> : (
        <>
          <Typography.Paragraph type="secondary" data-testid="model-fitted">
            {t('model.fitted', { by: churn.fittedBy, at: fmtDateTime(churn.fittedAt), from: churn.windowFrom ?? '—', to: churn.windowTo })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}><Statistic title={t('model.auc')} value={bt?.auc === null || !bt ? '—' : bt.auc.toFixed(3)} data-testid="model-auc" /></Col>
            <Col xs={12} md={6}><Statistic title={t('model.brier')} value={bt ? bt.brier.toFixed(4) : '—'} data-testid="model-brier" /></Col>
            <Col xs={12} md={6}><Statistic title={t('model.baseRate')} value={bt ? bt.baseRateBrier.toFixed(4) : '—'} /></Col>
            <Col xs={12} md={6}><Statistic title={t('model.testRows')} value={bt ? `${fmtNumber(bt.testRows)} · ${bt.testDate}` : '—'} /></Col>
          </Row>
          {bins.length > 0 && (
            <Chart
              testId="model-calibration"
              height={260}
              option={{
                title: { text: t('model.calibration'), textStyle: { fontSize: 13, fontWeight: 'normal' } },
                tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => pct(v as number) },
                legend: { bottom: 0 },
                grid: { top: 40, bottom: 48, left: 48, right: 16 },
                xAxis: { type: 'category', data: bins.map((b) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}% (${b.count})`) },
                yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
                series: [
                  { name: t('model.predicted'), type: 'line', data: bins.map((b) => b.meanPredicted), symbolSize: 8 },
                  { name: t('model.observed'), type: 'bar', data: bins.map((b) => b.observedRate), barMaxWidth: 28 },
                ],
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
