import { Form, Input } from 'antd';
import { useI18n } from '../i18n';
import type { RetentionSettings } from '../server-types';
import type { Draft } from './use-draft';

type LinkKey = keyof RetentionSettings['links'];

/** The links messages carry, editable without the JSON: the fields a store sets most often. An empty field unsets the link. */
export function LinkFields({ draft }: { draft: Draft<RetentionSettings> }) {
  const { t } = useI18n();
  const links = draft.doc?.links;
  const field = (key: LinkKey) => (
    <Form.Item label={t(`retention.${key}`)} style={{ marginBottom: 8 }}>
      <Input
        value={links?.[key] ?? ''}
        disabled={!links}
        placeholder="https://"
        onChange={(e) => draft.update((d) => { d.links[key] = e.target.value.trim() === '' ? null : e.target.value; })}
        data-testid={`${key}-link-input`}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" size="small">
      {field('survey')}
      {field('booking')}
    </Form>
  );
}
