import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Policy, VersionedDocument } from '../server-types';
import { useMe } from '../session';
import { ApiErrorAlert } from './ApiErrorAlert';
import { CareTable } from './CareTable';
import { JsonDraft } from './JsonDraft';
import { PolicyPreview, type PolicyPreviewResult } from './PolicyPreview';
import { RulesTable } from './RulesTable';
import { useDraft } from './use-draft';
import { VersionsPanel } from './VersionsPanel';

/**
 * The scoring policy (as JSON), its warning rules (as switches) and its care section (as a form): a draft is previewed — how many
 * customers it moves between levels — before an admin may save it.
 */
export function PolicyEditor({ info, tab, onSaved }: { info: VersionedDocument; tab: 'policy' | 'rules' | 'care'; onSaved: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const draft = useDraft(info.document as unknown as Policy);
  const [preview, setPreview] = useState<{ text: string; result: PolicyPreviewResult } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const isAdmin = me.staff.role === 'admin';

  const run = async (kind: 'preview' | 'save') => {
    if (!draft.doc) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'preview') {
        setPreview({ text: draft.text, result: await api<PolicyPreviewResult>('/settings/policy/preview', { method: 'POST', body: { policy: draft.doc } }) });
      } else {
        const saved = await api<{ version: string }>('/settings/policy', { method: 'PUT', body: { policy: draft.doc } });
        void message.success(t('settings.saved', { version: saved.version }));
        setPreview(null);
        onSaved();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const previewed = preview !== null && preview.text === draft.text;
  return (
    <Row gutter={[12, 12]}>
      {tab === 'policy' ? (
        <>
          <Col xs={24}><VersionsPanel info={info} /></Col>
          <Col xs={24}>
            <Card size="small" title={t('settings.draft')}><JsonDraft draft={draft} readOnly={false} testId="policy-json" /></Card>
          </Col>
        </>
      ) : tab === 'care' ? (
        <Col xs={24}>{draft.doc && <CareTable care={draft.doc.care} onChange={(change) => draft.update((d) => change(d.care))} />}</Col>
      ) : (
        <Col xs={24}>
          <RulesTable rules={draft.doc?.rules ?? []} onChange={(id, change) => draft.update((d) => change(d.rules.find((r) => r.id === id)!))} />
        </Col>
      )}
      <Col xs={24}>
        <Card size="small">
          <Space wrap>
            <Form.Item label={t('settings.draftVersion')} style={{ margin: 0 }}>
              <Input value={draft.doc?.version ?? ''} onChange={(e) => draft.update((d) => { d.version = e.target.value; })} style={{ width: 260, maxWidth: '70vw' }} data-testid="draft-version" />
            </Form.Item>
            <Button onClick={() => void run('preview')} loading={busy} disabled={!draft.doc} data-testid="preview">
              {t('settings.preview')}
            </Button>
            <Button type="primary" onClick={() => void run('save')} loading={busy} disabled={!previewed || !isAdmin} data-testid="save-policy">
              {t('settings.save')}
            </Button>
            {!previewed && <Typography.Text type="secondary">{t('settings.previewFirst')}</Typography.Text>}
            {!isAdmin && <Typography.Text type="secondary">{t('settings.onlyAdmin')}</Typography.Text>}
          </Space>
          {tab !== 'policy' && draft.parseError && <Alert style={{ marginTop: 12 }} type="error" title={t('settings.invalidJson', { message: draft.parseError })} />}
          {error !== null && <div style={{ marginTop: 12 }} data-testid="policy-error"><ApiErrorAlert error={error} /></div>}
          {preview && <PolicyPreview preview={preview.result} stale={!previewed} />}
        </Card>
      </Col>
    </Row>
  );
}
