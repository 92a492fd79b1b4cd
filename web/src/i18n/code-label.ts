import type { T } from './index';
import type { MessageKey } from './zh-CN';

/** A code's label when the dictionary has one, else the code itself (documents a user edits may use their own words). */
export function codeLabel(t: T, key: string, code: string): string {
  const text = t(key as MessageKey);
  return text === key ? code : text;
}
