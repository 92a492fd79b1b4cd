import { Card, Collapse, Space, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import { JsonDraft } from './JsonDraft';
import { SaveBar } from './SaveBar';
import { useDraft, type Draft } from './use-draft';

/** Who saved a document and when, as GET /offers and GET /settings/retention send it beside the document. */
export interface Changed {
  changedAt: string | null;
  changedBy: string | null;
}

/**
 * One document the API takes whole and bare (PUT `path` with the document itself): what is in force
 * in words (`view`), who changed it last, and for admins the JSON draft, any quick fields (`fields`) and the save bar.
 */
export function DocumentCard<D extends { version: string }>({ title, path, answer, canEdit, onSaved, testId, view, fields }: {
  title: (version: string) => string;
  path: string;
  answer: D & Changed;
  canEdit: boolean;
  onSaved: () => void;
  testId: string;
  view: (doc: D) => ReactNode;
  fields?: (draft: Draft<D>) => ReactNode;
}) {
  const { t } = useI18n();
  // Who and when are not part of the document: PUT refuses them, so the draft starts without.
  const doc = useMemo(() => {
    const { changedAt: _at, changedBy: _by, ...rest } = answer;
    return rest as unknown as D;
  }, [answer]);
  const draft = useDraft(doc);
  return (
    <Card size="small" title={title(doc.version)} data-testid={testId}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary" data-testid="changed">
          {answer.changedAt
            ? t('offers.changed', { at: fmtDateTime(answer.changedAt), by: answer.changedBy ?? t('offers.bySystem') })
            : t('offers.shipped')}
        </Typography.Text>
        {view(doc)}
        {canEdit && fields?.(draft)}
        <Collapse size="small" items={[{ key: 'json', label: t('settings.json'), children: <JsonDraft draft={draft} readOnly={!canEdit} testId={`${testId}-json`} /> }]} />
        <SaveBar path={path} draft={draft} canEdit={canEdit} onSaved={onSaved} bare readOnlyNote={t('offers.onlyAdmin')} />
      </Space>
    </Card>
  );
}
