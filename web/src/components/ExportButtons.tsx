import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useI18n } from '../i18n';
import { filterQuery, type Filters } from './ListFilters';

/** Plain links: the browser downloads the file with the session cookie, nothing held in memory. */
export function ExportButtons({ path, filters }: { path: string; filters: Filters }) {
  const { t, lang } = useI18n();
  const href = (format: 'csv' | 'xlsx') => `/api/v1${path}${filterQuery(filters, { format, lang })}`;
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={href('csv')} download data-testid="export-csv">
        {t('export.csv')}
      </Button>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} download data-testid="export-xlsx">
        {t('export.xlsx')}
      </Button>
    </Space>
  );
}
