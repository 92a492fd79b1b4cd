import { Divider, Empty, List, Space, Tag, Typography } from 'antd';
import { query } from '../api';
import { LoadState } from '../components/LoadState';
import { fmtDate } from '../format';
import { useI18n } from '../i18n';
import { codeLabel } from '../i18n/code-label';
import type { CustomerScripts as Scripts } from '../server-types';
import { useApi } from '../use-api';
import { ScriptExtras } from './ScriptExtras';
import { ScriptStages } from './ScriptStages';

/**
 * Customer 360's "scripts and offers that fit": the retention call filled in for this customer by
 * their churn reason and customer type — with or without an open task — and the offers that apply.
 */
export function CustomerScripts({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const loaded = useApi<Scripts>(`/customers/${encodeURIComponent(customerId)}/scripts${query({ lang })}`);
  return (
    <LoadState loaded={loaded}>
      {({ scripts, offers }) => (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="customer-script-for">
            {t('customer.scriptFor', { occasion: codeLabel(t, `occasion.${scripts.occasion}`, scripts.occasion), reason: codeLabel(t, `churn.${scripts.reason}`, scripts.reason) })}
          </Typography.Text>
          <ScriptStages stages={scripts.stages} />
          <ScriptExtras scripts={scripts} />
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>{t('customer.offers')}</Divider>
          <Offers offers={offers} />
        </Space>
      )}
    </LoadState>
  );
}

function Offers({ offers }: { offers: Scripts['offers'] }) {
  const { t } = useI18n();
  if (offers.granted.length === 0 && offers.suggested.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noOffers')} />;
  }
  return (
    <div data-testid="customer-offers">
      {offers.granted.map((g) => (
        <div key={g.grantId} style={{ marginBottom: 4 }}>
          <Tag color={g.status === 'granted' ? 'green' : 'orange'}>{g.status === 'granted' ? t('customer.granted') : t('customer.pendingApproval')}</Tag>
          <Typography.Text strong>{g.name}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t('customer.validUntil', { date: fmtDate(g.validUntil) })}</Typography.Text>
        </div>
      ))}
      {offers.recallLevel !== null && offers.suggested.length > 0 && (
        <List
          size="small"
          header={<Typography.Text type="secondary">{t('customer.recallDefaults', { level: offers.recallLevel })}</Typography.Text>}
          dataSource={offers.suggested}
          renderItem={(o) => (
            <List.Item style={{ padding: '4px 0' }} data-testid="suggested-offer" data-fits={o.fits}>
              <Space wrap size={4}>
                <Typography.Text type="secondary">{codeLabel(t, `churn.${o.reason}`, o.reason)}:</Typography.Text>
                <Typography.Text strong={o.fits}>{o.name}</Typography.Text>
                {o.fits && <Tag color="blue">{t('customer.fits')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
