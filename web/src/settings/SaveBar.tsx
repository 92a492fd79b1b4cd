import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { ApiErrorAlert } from './ApiErrorAlert';
import type { Draft } from './use-draft';

/**
 * Saving a versioned document (PUT `path` with `{ document }`): a new version put in force. The
 * API refuses a bad document with each field's path (422) and a reused version (409); both show here.
 * Documents the API takes bare (the offer catalogue, the retention settings: 400 with the paths)
 * pass `bare`; `readOnlyNote` says who may save when that is not the program editors.
 */
export function SaveBar<D extends { version: string }>({ path, draft, canEdit, onSaved, bare = false, readOnlyNote }: {
  path: string; draft: Draft<D>; canEdit: boolean; onSaved: () => void; bare?: boolean; readOnlyNote?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    if (!draft.doc) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api<{ version?: string }>(path, { method: 'PUT', body: bare ? draft.doc : { document: draft.doc } });
      void message.success(t('settings.savedVersion', { version: saved.version ?? draft.doc.version }));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small">
      <Space wrap>
        <Form.Item label={t('settings.draftVersion')} style={{ margin: 0 }}>
          <Input
            value={draft.doc?.version ?? ''}
            disabled={!canEdit || !draft.doc}
            onChange={(e) => draft.update((d) => { d.version = e.target.value; })}
            style={{ width: 260, maxWidth: '70vw' }}
            data-testid="draft-version"
          />
        </Form.Item>
        <Button type="primary" onClick={() => void save()} loading={busy} disabled={!canEdit || !draft.doc} data-testid="save-document">
          {t('settings.saveVersion')}
        </Button>
        {!canEdit && <Typography.Text type="secondary" data-testid="read-only">{readOnlyNote ?? t('settings.readOnly')}</Typography.Text>}
        {canEdit && draft.changed && <Typography.Text type="warning">{t('settings.draftChanged')}</Typography.Text>}
      </Space>
      {error !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={error} /></div>}
    </Card>
  );
}
