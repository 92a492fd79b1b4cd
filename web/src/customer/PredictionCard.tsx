import { Card, Col, Empty, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { fmtMoney, fmtNumber, fmtProbability } from '../format';
import { useI18n } from '../i18n';
import type { CustomerPrediction } from '../server-types';
import { useApi } from '../use-api';
import { churnFactorWords } from './churn-factor-words';

/** 模型预测 on customer 360 (GET /customers/{id}/prediction): the model's figures beside the rule score, and why. */
export function PredictionCard({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const loaded = useApi<CustomerPrediction>(`/customers/${encodeURIComponent(customerId)}/prediction`);
  const p = loaded.data;
  const network = p?.models && Object.values(p.models).some((m) => m?.network);
  return (
    <Card
      size="small"
      data-testid="prediction-card"
      loading={loaded.loading && !p}
      title={<Space size={6}>{t('prediction.title')}{network && <Tag data-testid="prediction-network">{t('model.network')}</Tag>}</Space>}
    >
      {!p || p.pAlive === null ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prediction.none')} /> : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}><Statistic title={t('prediction.churn')} value={fmtProbability(p.churnProbability)} data-testid="prediction-churn" /></Col>
            <Col xs={12} md={6}><Statistic title={t('prediction.pAlive')} value={fmtProbability(p.pAlive)} data-testid="prediction-p-alive" /></Col>
            <Col xs={12} md={6}><Statistic title={t('prediction.visits90')} value={fmtNumber(p.expectedVisits90, 2)} /></Col>
            <Col xs={12} md={6}><Statistic title={t('prediction.clv')} value={fmtMoney(p.clv)} data-testid="prediction-clv" /></Col>
          </Row>
          {p.disagreement && (
            <Tooltip title={t('disagree.hint')}><Tag color="purple" style={{ marginTop: 8 }} data-testid="prediction-disagreement">{t(`disagree.${p.disagreement}`)}</Tag></Tooltip>
          )}
          {p.factors && p.factors.raises.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="prediction-factors">
              <Typography.Text strong>{t('prediction.factors')}：</Typography.Text>
              {p.factors.raises.map((f) => <Tag color="red" key={f.feature}>{churnFactorWords(f.feature, lang)}</Tag>)}
            </div>
          )}
          {p.factors && p.factors.lowers.length > 0 && (
            <div style={{ marginTop: 4 }}>
              <Typography.Text strong>{t('prediction.lowers')}：</Typography.Text>
              {p.factors.lowers.map((f) => <Tag color="green" key={f.feature}>{churnFactorWords(f.feature, lang)}</Tag>)}
            </div>
          )}
        </>
      )}
    </Card>
  );
}
