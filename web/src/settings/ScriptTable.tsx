import { Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { codeLabel } from '../i18n/code-label';
import { useI18n, type T } from '../i18n';
import type { Script } from '../server-types';
import { entryColumns } from './entry-columns';

type Dimension = 'occasion' | 'reason' | 'audience' | 'stage';
const DIMENSIONS: Dimension[] = ['occasion', 'reason', 'audience', 'stage'];

/** How each dimension's codes read (`any` is the wildcard of a reason or a customer type). */
function dimensionLabel(t: T, d: Dimension, code: string): string {
  const prefix = { occasion: 'occasion', reason: 'churn', audience: 'audience', stage: 'stage' }[d];
  return codeLabel(t, `${prefix}.${code}`, code);
}

/**
 * The script library (话术库) by occasion × churn reason × customer type × stage: filter by any of
 * them or search, read the text in the reader's language with the fields it uses, open one to edit.
 */
export function ScriptTable({ scripts, canEdit, onOpen }: { scripts: Script[]; canEdit: boolean; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Partial<Record<Dimension, string>>>({});
  const [search, setSearch] = useState('');
  const options = useMemo(
    () => Object.fromEntries(DIMENSIONS.map((d) => [d, [...new Set(scripts.map((s) => s[d]))].map((c) => ({ value: c, label: dimensionLabel(t, d, c) }))])) as Record<Dimension, { value: string; label: string }[]>,
    [scripts, t],
  );
  const needle = search.trim().toLowerCase();
  const shown = scripts.filter((s) =>
    DIMENSIONS.every((d) => !filter[d] || s[d] === filter[d]) &&
    (!needle || s.id.includes(needle) || s.text[lang].toLowerCase().includes(needle) || s.title[lang].toLowerCase().includes(needle)));
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        {DIMENSIONS.map((d) => (
          <Select
            key={d}
            allowClear
            placeholder={t(`library.${d}`)}
            value={filter[d]}
            onChange={(v?: string) => setFilter((f) => ({ ...f, [d]: v }))}
            options={options[d]}
            style={{ width: 150 }}
            data-testid={`filter-${d}`}
          />
        ))}
        <Input.Search allowClear placeholder={t('library.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} data-testid="script-search" />
        <Typography.Text type="secondary">{t('library.count', { n: shown.length })}</Typography.Text>
      </Space>
      <Table<Script>
        size="small"
        rowKey="id"
        dataSource={shown}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
        data-testid="scripts-table"
        columns={[
          { title: 'ID', dataIndex: 'id', width: 150, render: (id: string) => <Typography.Text style={{ fontSize: 12 }}>{id}</Typography.Text> },
          {
            title: DIMENSIONS.map((d) => t(`library.${d}`)).join(' / '), key: 'where', width: 170,
            render: (_, s) => (
              <div style={{ fontSize: 12, lineHeight: '18px' }}>
                {DIMENSIONS.map((d) => <div key={d}>{dimensionLabel(t, d, s[d])}</div>)}
              </div>
            ),
          },
          ...entryColumns<Script>({
            t, lang, title: t('library.text'), heading: (e) => e.title, text: (e) => e.text,
            fieldTexts: (e) => [e.text['zh-CN'], e.text.en, e.tip?.['zh-CN'], e.tip?.en], canEdit, onOpen, testId: 'open-script',
          }),
        ]}
      />
    </>
  );
}
