import { Button, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { T } from '../i18n';
import { FieldTags } from './FieldTags';

type Bilingual = { 'zh-CN': string; en: string };
type Lang = keyof Bilingual;

/** The columns a library entry (a script or a template) shares: its text, the fields it uses, and opening it. */
export function entryColumns<E extends { id: string }>(opts: {
  t: T;
  lang: Lang;
  title: string;
  heading: (e: E) => Bilingual | null | undefined;
  text: (e: E) => Bilingual;
  /** Every text whose `{{fields}}` count (both languages of the text and of its heading or tip). */
  fieldTexts: (e: E) => (string | undefined)[];
  canEdit: boolean;
  onOpen: (id: string) => void;
  testId: string;
}): ColumnType<E>[] {
  const { t, lang } = opts;
  return [
    {
      title: opts.title, key: 'text',
      render: (_, e) => {
        const heading = opts.heading(e);
        return (
          <>
            {heading && <Typography.Text strong>{heading[lang]}</Typography.Text>}
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '…' }} style={{ margin: 0, fontSize: 13 }}>{opts.text(e)[lang]}</Typography.Paragraph>
          </>
        );
      },
    },
    { title: t('library.fields'), key: 'fields', width: 160, render: (_, e) => <FieldTags texts={opts.fieldTexts(e)} /> },
    {
      title: '', key: 'open', width: 70, fixed: 'right',
      render: (_, e) => <Button size="small" onClick={() => opts.onOpen(e.id)} data-testid={`${opts.testId}-${e.id}`}>{opts.canEdit ? t('library.edit') : t('library.view')}</Button>,
    },
  ];
}
