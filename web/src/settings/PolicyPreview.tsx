import { Table, Typography } from 'antd';
import { levelColor } from '../components/Chart';
import { LevelTag } from '../components/Tags';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { PolicyPreview as Preview } from '../server-types';

export type PolicyPreviewResult = Preview & { currentVersion: string; draftVersion: string };

const LEVELS = ['green', 'yellow', 'orange', 'red'] as const;

/** How many customers a draft policy moves between levels: rows the policy in force, columns the draft. */
export function PolicyPreview({ preview, stale }: { preview: PolicyPreviewResult; stale: boolean }) {
  const { t } = useI18n();
  const rows = LEVELS.map((from) => ({ from, ...preview.matrix[from] }));
  return (
    <div style={{ marginTop: 16, opacity: stale ? 0.5 : 1 }} data-testid="preview-result">
      <Typography.Paragraph strong>{t('settings.moved', { moved: preview.moved, raised: preview.raised, lowered: preview.lowered, customers: preview.customers })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="from"
        pagination={false}
        scroll={{ x: 420 }}
        title={() => `${t('settings.matrixTitle')} · ${preview.currentVersion} → ${preview.draftVersion}`}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'from', render: (l: string) => <LevelTag level={l} /> },
          ...LEVELS.map((to) => ({
            title: <LevelTag level={to} />,
            dataIndex: to,
            render: (n: number, r: { from: string }) => (
              <span style={{ fontWeight: r.from !== to && n > 0 ? 600 : 400, color: r.from !== to && n > 0 ? levelColor[to] : undefined }}>{n}</span>
            ),
          })),
        ]}
      />
      {preview.examples.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('settings.examples')}: {preview.examples.slice(0, 8).map((e) => `${e.name} (${t(`level.${e.from}` as MessageKey)}→${t(`level.${e.to}` as MessageKey)})`).join('，')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
