import { Space, Tag } from 'antd';

/** The personalised fields texts use (`{{customerName}}`, spaces inside the braces tolerated), each once. */
function placeholdersIn(texts: (string | undefined)[]): string[] {
  const names = texts.flatMap((text) => [...(text ?? '').matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));
  return [...new Set(names)];
}

/** The fields a script or template is filled with, as the library names them. */
export function FieldTags({ texts }: { texts: (string | undefined)[] }) {
  const names = placeholdersIn(texts);
  if (names.length === 0) return <>—</>;
  return <Space size={[0, 4]} wrap>{names.map((n) => <Tag key={n} color="geekblue" style={{ fontFamily: 'monospace', fontSize: 11 }}>{n}</Tag>)}</Space>;
}
