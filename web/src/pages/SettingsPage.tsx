import { App, Alert, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, query } from '../api';
import { levelColor } from '../components/Chart';
import { LoadState } from '../components/LoadState';
import { CodeLabel, LevelTag } from '../components/Tags';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { useMe } from '../session';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';

interface PolicyInfo {
  version: string;
  activatedAt: string | null;
  document: PolicyDoc;
  versions: { version: string; createdAt: string; createdBy: string | null; active: boolean }[];
}
type PolicyDoc = { version: string; rules: { id: string; level: string; enabled: boolean; when: unknown }[] } & Record<string, unknown>;
interface Preview {
  currentVersion: string;
  draftVersion: string;
  customers: number;
  matrix: Record<string, Record<string, number>>;
  moved: number;
  raised: number;
  lowered: number;
  examples: { customerId: string; name: string; from: string; to: string }[];
}

const LEVELS = ['green', 'yellow', 'orange', 'red'];
const TABS = ['policy', 'rules', 'programs', 'scripts', 'templates', 'staff', 'audit'] as const;

export default function SettingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const tab = (useParams()['*'] || 'policy') as (typeof TABS)[number];
  const isAdmin = me.staff.role === 'admin';
  const policy = useApi<PolicyInfo>('/settings/policy');
  const pending = <Alert type="info" showIcon title={t('settings.pendingPrograms')} />;
  const items = [
    { key: 'policy', label: t('settings.policy') },
    { key: 'rules', label: t('settings.rules') },
    { key: 'programs', label: t('settings.programs'), children: pending },
    { key: 'scripts', label: t('settings.scripts'), children: pending },
    { key: 'templates', label: t('settings.templates'), children: pending },
    { key: 'staff', label: t('settings.staff'), children: <StaffTab /> },
    ...(isAdmin ? [{ key: 'audit', label: t('settings.audit'), children: <AuditTab /> }] : []),
  ];
  return (
    <>
      <PageTitle>{t('nav.settings')}</PageTitle>
      <Tabs activeKey={tab} onChange={(k) => navigate(`/settings/${k}`)} items={items.map((i) => ({ ...i, children: i.children ?? null }))} />
      {(tab === 'policy' || tab === 'rules') && (
        <LoadState loaded={policy}>{(p) => <PolicyEditor info={p} tab={tab} onSaved={policy.reload} />}</LoadState>
      )}
    </>
  );
}

/** The draft policy (as JSON and as rule switches), the preview of its effect, and saving it. */
function PolicyEditor({ info, tab, onSaved }: { info: PolicyInfo; tab: 'policy' | 'rules'; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const draft = { ...info.document, version: `${info.version.replace(/-\d{8}-\d{4}$/, '')}-${dayjs().format('YYYYMMDD-HHmm')}` };
    setText(JSON.stringify(draft, null, 2));
    setPreview(null);
  }, [info]);

  const parsed = useMemo((): { doc?: PolicyDoc; error?: string } => {
    try {
      return { doc: JSON.parse(text) as PolicyDoc };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [text]);

  const update = (change: (doc: PolicyDoc) => void) => {
    if (!parsed.doc) return;
    const doc = structuredClone(parsed.doc);
    change(doc);
    setText(JSON.stringify(doc, null, 2));
  };

  const run = async (kind: 'preview' | 'save') => {
    if (!parsed.doc) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'preview') {
        setPreview({ text, result: await api<Preview>('/settings/policy/preview', { method: 'POST', body: { policy: parsed.doc } }) });
      } else {
        const saved = await api<{ version: string }>('/settings/policy', { method: 'PUT', body: { policy: parsed.doc } });
        void message.success(t('settings.saved', { version: saved.version }));
        onSaved();
      }
    } catch (err) {
      const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as { field: string; reason: string }[]).map((d) => `${d.field}: ${d.reason}`).join('; ') : '';
      setError(`${err instanceof Error ? err.message : String(err)}${details ? ` — ${details}` : ''}`);
    } finally {
      setBusy(false);
    }
  };

  const previewed = preview !== null && preview.text === text;
  return (
    <Row gutter={[12, 12]}>
      {tab === 'policy' ? (
        <>
          <Col xs={24} md={8}>
            <Card size="small">
              <Statistic title={t('settings.version')} value={info.version} />
              <Typography.Text type="secondary">{t('settings.activatedAt')}: {fmtDateTime(info.activatedAt)}</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={16}>
            <Table
              size="small"
              rowKey="version"
              pagination={{ pageSize: 5, size: 'small' }}
              title={() => t('settings.versions')}
              dataSource={info.versions}
              columns={[
                { title: t('settings.version'), dataIndex: 'version', render: (v: string, r) => <Space>{v}{r.active && <Tag color="blue">{t('settings.active')}</Tag>}</Space> },
                { title: t('settings.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtDateTime(v) },
                { title: t('settings.createdBy'), dataIndex: 'createdBy', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('settings.draft')}>
              <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 28 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="policy-json" />
            </Card>
          </Col>
        </>
      ) : (
        <Col xs={24}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={parsed.doc?.rules ?? []}
            data-testid="rules-table"
            columns={[
              { title: t('settings.rule'), dataIndex: 'id', width: 70 },
              {
                title: t('col.level'), dataIndex: 'level', width: 120,
                render: (l: string, r) => (
                  <Select
                    size="small"
                    value={l}
                    style={{ width: 100 }}
                    data-testid={`rule-level-${r.id}`}
                    options={LEVELS.filter((x) => x !== 'green').map((x) => ({ value: x, label: t(`level.${x}` as MessageKey) }))}
                    onChange={(v: string) => update((d) => { d.rules.find((x) => x.id === r.id)!.level = v; })}
                  />
                ),
              },
              {
                title: t('settings.enabled'), dataIndex: 'enabled', width: 90,
                render: (on: boolean, r) => (
                  <Switch checked={on} data-testid={`rule-${r.id}`} onChange={(v) => update((d) => { d.rules.find((x) => x.id === r.id)!.enabled = v; })} />
                ),
              },
              { title: t('settings.condition'), dataIndex: 'when', render: (w: unknown) => <Typography.Text code style={{ fontSize: 12 }}>{conditionText(w)}</Typography.Text> },
            ]}
          />
        </Col>
      )}
      <Col xs={24}>
        <Card size="small">
          <Space wrap>
            <Form.Item label={t('settings.draftVersion')} style={{ margin: 0 }}>
              <Input value={parsed.doc?.version ?? ''} onChange={(e) => update((d) => { d.version = e.target.value; })} style={{ width: 260 }} data-testid="draft-version" />
            </Form.Item>
            <Button onClick={() => void run('preview')} loading={busy} disabled={!parsed.doc} data-testid="preview">
              {t('settings.preview')}
            </Button>
            <Button type="primary" onClick={() => void run('save')} loading={busy} disabled={!previewed || me.staff.role !== 'admin'} data-testid="save-policy">
              {t('settings.save')}
            </Button>
            {!previewed && <Typography.Text type="secondary">{t('settings.previewFirst')}</Typography.Text>}
            {me.staff.role !== 'admin' && <Typography.Text type="secondary">{t('settings.onlyAdmin')}</Typography.Text>}
          </Space>
          {parsed.error && <Alert style={{ marginTop: 12 }} type="error" title={t('settings.invalidJson', { message: parsed.error })} />}
          {error && <Alert style={{ marginTop: 12 }} type="error" title={error} data-testid="policy-error" />}
          {preview && <PreviewMatrix preview={preview.result} stale={!previewed} />}
        </Card>
      </Col>
    </Row>
  );
}

function PreviewMatrix({ preview, stale }: { preview: Preview; stale: boolean }) {
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

/** A rule condition as one line: R > 90, all(hasApp == true, appLogins30 == 0). */
function conditionText(w: unknown): string {
  if (!w || typeof w !== 'object') return String(w);
  const c = w as { field?: string; op?: string; value?: unknown; all?: unknown[]; any?: unknown[]; not?: unknown };
  if (c.all) return `all(${c.all.map(conditionText).join(', ')})`;
  if (c.any) return `any(${c.any.map(conditionText).join(', ')})`;
  if (c.not) return `not(${conditionText(c.not)})`;
  return `${c.field} ${c.op} ${JSON.stringify(c.value)}`;
}

interface StaffItem { id: string; name: string; role: string; storeName: string; hasPassword: boolean; lockedUntil: string | null }

function StaffTab() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const staff = useApi<{ items: StaffItem[] }>('/staff');
  const [target, setTarget] = useState<StaffItem | null>(null);
  const [password, setPassword] = useState('');
  const save = async () => {
    if (!target) return;
    try {
      await api(`/staff/${encodeURIComponent(target.id)}/password`, { method: 'PUT', body: { password } });
      void message.success(t('settings.passwordSet'));
      setTarget(null);
      setPassword('');
      staff.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <LoadState loaded={staff}>
      {(s) => (
        <>
          <Table<StaffItem>
            size="small"
            rowKey="id"
            dataSource={s.items}
            scroll={{ x: 640 }}
            pagination={{ pageSize: 20, size: 'small' }}
            data-testid="staff-table"
            columns={[
              { title: 'ID', dataIndex: 'id', width: 120 },
              { title: t('col.name'), dataIndex: 'name', width: 90 },
              { title: t('col.role'), dataIndex: 'role', width: 120, render: (r: string) => <CodeLabel prefix="role" code={r} /> },
              { title: t('col.store'), dataIndex: 'storeName', width: 150 },
              {
                title: t('settings.hasPassword'), key: 'pw', width: 160,
                render: (_, r) => (r.lockedUntil ? <Tag color="red">{t('settings.locked', { time: fmtDateTime(r.lockedUntil) })}</Tag> : r.hasPassword ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
              },
              ...(me.staff.role === 'admin'
                ? [{ title: '', key: 'set', width: 110, render: (_: unknown, r: StaffItem) => <Button size="small" onClick={() => setTarget(r)}>{t('settings.setPassword')}</Button> }]
                : []),
            ]}
          />
          <Modal open={target !== null} title={`${t('settings.setPassword')} · ${target?.name ?? ''}`} onOk={() => void save()} onCancel={() => setTarget(null)} okText={t('ok')} cancelText={t('cancel')}>
            <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} placeholder={t('settings.newPassword')} autoComplete="new-password" />
          </Modal>
        </>
      )}
    </LoadState>
  );
}

interface Reveal { id: number; at: string; staffId: string; staffName: string | null; customerId: string; customerName: string | null; clientIp: string | null; userAgent: string | null }

function AuditTab() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const log = useApi<{ items: Reveal[]; total: number }>(`/audit/phone-reveals${query({ page, pageSize: 20 })}`);
  return (
    <LoadState loaded={log}>
      {(l) => (
        <Table<Reveal>
          size="small"
          rowKey="id"
          data-testid="audit-table"
          dataSource={l.items}
          scroll={{ x: 640 }}
          pagination={{ current: page, pageSize: 20, total: l.total, onChange: setPage, size: 'small' }}
          columns={[
            { title: t('settings.revealAt'), dataIndex: 'at', width: 150, render: (v: string) => fmtDateTime(v) },
            { title: t('settings.revealBy'), key: 'by', width: 150, render: (_, r) => `${r.staffName ?? ''} (${r.staffId})` },
            { title: t('settings.revealCustomer'), key: 'c', width: 150, render: (_, r) => `${r.customerName ?? ''} (${r.customerId})` },
            { title: t('settings.revealClient'), dataIndex: 'clientIp', width: 120 },
          ]}
        />
      )}
    </LoadState>
  );
}
