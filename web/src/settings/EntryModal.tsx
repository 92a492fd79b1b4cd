import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { Script } from '../server-types';
import { FieldTags } from './FieldTags';

type Bilingual = Script['text'];

export interface EntryField {
  key: string;
  label: string;
  value: Bilingual | undefined;
  /** Absent means the entry may leave it out (a tip, an SMS subject). */
  required: boolean;
}

/**
 * One script or template in both languages: its texts edited side by side with the fields each
 * uses. "Apply" writes into the draft; nothing is saved until the draft is saved as a version.
 */
export function EntryModal({ title, fields, readOnly, onApply, onClose }: {
  title: string; fields: EntryField[] | null; readOnly: boolean; onApply: (values: Record<string, Bilingual | undefined>) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, Bilingual | undefined>>({});
  useEffect(() => {
    setValues(Object.fromEntries((fields ?? []).map((f) => [f.key, f.value])));
  }, [fields]);
  const set = (key: string, lang: keyof Bilingual, text: string) =>
    setValues((v) => {
      const next: Bilingual = { 'zh-CN': v[key]?.['zh-CN'] ?? '', en: v[key]?.en ?? '', [lang]: text };
      return { ...v, [key]: next };
    });
  const apply = () => {
    // An optional text left empty in both languages is dropped rather than saved empty (the API would refuse it).
    const cleaned = Object.fromEntries(Object.entries(values).map(([k, v]) => {
      const field = fields?.find((f) => f.key === k);
      return [k, !field?.required && v && !v['zh-CN'].trim() && !v.en.trim() ? undefined : v];
    }));
    onApply(cleaned);
  };
  return (
    <Modal
      open={fields !== null}
      title={title}
      width={760}
      onCancel={onClose}
      onOk={readOnly ? onClose : apply}
      okText={readOnly ? t('ok') : t('library.apply')}
      cancelButtonProps={readOnly ? { style: { display: 'none' } } : {}}
      cancelText={t('cancel')}
      okButtonProps={{ 'data-testid': 'apply-entry' }}
    >
      <Form layout="vertical">
        {(fields ?? []).map((f) => (
          <Form.Item key={f.key} label={f.label} required={f.required} extra={<FieldTags texts={[values[f.key]?.['zh-CN'], values[f.key]?.en]} />}>
            {(['zh-CN', 'en'] as const).map((lang) => (
              <Input.TextArea
                key={lang}
                value={values[f.key]?.[lang] ?? ''}
                readOnly={readOnly}
                onChange={(e) => set(f.key, lang, e.target.value)}
                autoSize={{ minRows: 1, maxRows: 6 }}
                placeholder={lang}
                style={{ marginBottom: 4 }}
                data-testid={`entry-${f.key}-${lang}`}
              />
            ))}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
