import { Alert, Typography } from 'antd';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** The fields the API named in a refusal (422: `document.programs.2.steps.1.offset`; 409: `document.version`). */
export function fieldErrors(error: unknown): { field: string; reason: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter((d): d is { field: string; reason: string } =>
    typeof d === 'object' && d !== null && typeof (d as { field?: unknown }).field === 'string');
}

/** A refused save or preview: the message, then each bad field by its path so it can be found in the JSON. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const fields = fieldErrors(error);
  return (
    <Alert
      type="error"
      showIcon
      title={t('settings.refused', { message: error instanceof Error ? error.message : String(error) })}
      description={fields.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="field-errors">
          {fields.map((f) => (
            <li key={`${f.field}:${f.reason}`}><Typography.Text code>{f.field}</Typography.Text> {f.reason}</li>
          ))}
        </ul>
      )}
      data-testid="document-error"
    />
  );
}
