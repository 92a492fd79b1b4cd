import { ToolOutlined } from '@ant-design/icons';
import { Result, Typography } from 'antd';
import { useI18n } from '../i18n';

/** The slot of a screen whose data comes from the task engine, naming the API it waits for. */
export function Pending({ api }: { api: string }) {
  const { t } = useI18n();
  return (
    <Result
      icon={<ToolOutlined />}
      title={t('pending.title')}
      subTitle={
        <>
          <div>{t('pending.body')}</div>
          <Typography.Text code>{t('pending.api', { api })}</Typography.Text>
        </>
      }
      data-testid="pending-engine"
    />
  );
}
