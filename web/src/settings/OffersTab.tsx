import { Space } from 'antd';
import { LoadState } from '../components/LoadState';
import { useI18n } from '../i18n';
import type { OfferCatalogue, RetentionSettings } from '../server-types';
import { useMe } from '../session';
import { useApi } from '../use-api';
import { DocumentCard, type Changed } from './DocumentCard';
import { LinkFields } from './LinkFields';
import { OfferTables } from './OfferTables';
import { RetentionDescriptions } from './RetentionDescriptions';

/**
 * Offers and budgets (优惠与预算): the offer catalogue and the retention settings, each one document
 * the API replaces whole. Only admins save them (the API's rule); everyone else reads.
 */
export function OffersTab() {
  const { t } = useI18n();
  const canEdit = useMe().staff.role === 'admin';
  const offers = useApi<OfferCatalogue & Changed>('/offers');
  const settings = useApi<RetentionSettings & Changed>('/settings/retention');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <LoadState loaded={offers}>
        {(answer) => (
          <DocumentCard<OfferCatalogue>
            title={(version) => t('offers.catalogue', { version })}
            path="/offers"
            answer={answer}
            canEdit={canEdit}
            onSaved={offers.reload}
            testId="offer-catalogue"
            view={(doc) => <OfferTables catalogue={doc} />}
          />
        )}
      </LoadState>
      <LoadState loaded={settings}>
        {(answer) => (
          <DocumentCard<RetentionSettings>
            title={(version) => t('offers.retention', { version })}
            path="/settings/retention"
            answer={answer}
            canEdit={canEdit}
            onSaved={settings.reload}
            testId="retention-settings"
            view={(doc) => <RetentionDescriptions settings={doc} />}
            fields={(draft) => <LinkFields draft={draft} />}
          />
        )}
      </LoadState>
    </Space>
  );
}
