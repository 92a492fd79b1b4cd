import { Card, Empty, Table } from 'antd';
import { fmtMoney, fmtNumber } from '../format';
import { useI18n } from '../i18n';
import type { CampaignRecallBoard } from '../server-types';
import { useApi } from '../use-api';
import { LoadState } from './LoadState';

type Figures = CampaignRecallBoard['total'];

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/**
 * The recall board's campaigns (GET /api/v1/recall-board/campaigns): per campaign and recall level
 * attempted, connected, recalled, arrived, cost, return, ROI, and treated vs held-out recovery.
 */
export function RecallCampaigns() {
  const { t, lang } = useI18n();
  const loaded = useApi<CampaignRecallBoard>(`/recall-board/campaigns?lang=${lang}`);
  return (
    <Card size="small" title={t('recall.campaigns')} data-testid="recall-campaigns">
      <LoadState loaded={loaded}>
        {(b) =>
          b.campaigns.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recall.noCampaigns')} />
          ) : (
            <Table
              size="small"
              pagination={false}
              scroll={{ x: 900 }}
              rowKey="rowKey"
              dataSource={b.campaigns.map((c) => ({ rowKey: c.id, name: c.name, f: c.total, children: c.byLevel.map((l) => ({ rowKey: `${c.id}/${l.key}`, name: l.key, f: l })) }))}
              columns={[
                { title: t('recall.campaign'), dataIndex: 'name', fixed: 'left' },
                { title: t('recall.attempted'), key: 'a', render: (_, r) => fmtNumber(r.f.attempted) },
                { title: t('recall.connected'), key: 'c', render: (_, r) => `${r.f.connected} (${pct(r.f.connectedRate)})` },
                { title: t('recall.recalled'), key: 'r', render: (_, r) => `${r.f.recalled} (${pct(r.f.recalledRate)})` },
                { title: t('recall.visited'), key: 'v', render: (_, r) => fmtNumber(r.f.arrived) },
                { title: t('recall.revenue'), key: 'rev', render: (_, r) => fmtMoney(r.f.return) },
                { title: t('recall.cost'), key: 'cost', render: (_, r) => fmtMoney(r.f.cost.total) },
                { title: t('recall.roi'), key: 'roi', render: (_, r) => pct(r.f.roi) },
                { title: t('recall.treatedVsHeldOut'), key: 'u', render: (_, r) => <span title={r.f.verdict}>{pct(r.f.uplift.treated.rate)} / {pct(r.f.uplift.heldOut.rate)}</span> },
              ]}
            />
          )
        }
      </LoadState>
    </Card>
  );
}
