import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Loaded } from '../use-api';

/** Shows a spinner until the first answer, an error when it failed, else the content. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) {
    const message = loaded.error.status === 403 ? t('error.forbidden') : t('error.load', { message: loaded.error.message });
    return <Alert type="error" showIcon title={message} data-testid="load-error" />;
  }
  if (loaded.data === undefined) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return <>{children(loaded.data)}</>;
}
