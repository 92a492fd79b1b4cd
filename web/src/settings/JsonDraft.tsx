import { Alert, Input } from 'antd';
import { useI18n } from '../i18n';
import type { Draft } from './use-draft';

/** The whole draft as JSON, for what the table views do not edit; read-only for those who may not save. */
export function JsonDraft<D>({ draft, readOnly, testId }: { draft: Draft<D>; readOnly: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Input.TextArea
        value={draft.text}
        readOnly={readOnly}
        onChange={(e) => draft.setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 28 }}
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        data-testid={testId}
      />
      {draft.parseError && <Alert style={{ marginTop: 8 }} type="error" title={t('settings.invalidJson', { message: draft.parseError })} />}
    </>
  );
}
