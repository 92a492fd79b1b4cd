import type { ContactPolicy } from './contact-policy.js';
import type { MessageChannel } from './outbox-types.js';

export type OptOutResult =
  | { optOut: false }
  /** `channel` is the channel the reply came on: the consent to withdraw. */
  | { optOut: true; channel: MessageChannel; word: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin letters and digits make up a Latin word; CJK and punctuation around one end it. */
const LATIN_WORD_CHAR = '[\\p{Script=Latin}\\p{Nd}_]';
const HAS_LATIN = /[\p{Script=Latin}\p{Nd}]/u;

const compiled = new Map<string, RegExp>();

/**
 * One pattern per word. A word with Latin letters must stand alone between non-Latin
 * characters: "TD", "stop!" and "我要TD" match, "TDK" and "stopped" do not. A Chinese word
 * ("退订") matches anywhere, since Chinese text has no spaces to mark word edges.
 */
function patternOf(word: string): RegExp {
  let re = compiled.get(word);
  if (!re) {
    const w = escape(word.normalize('NFKC'));
    re = HAS_LATIN.test(word)
      ? new RegExp(`(?<!${LATIN_WORD_CHAR})${w}(?!${LATIN_WORD_CHAR})`, 'iu')
      : new RegExp(w, 'iu');
    compiled.set(word, re);
  }
  return re;
}

/**
 * Whether a reply (data-format.md `reply`: channel and text) is an opt-out. The text is NFKC
 * normalised first so full-width "ＴＤ" from a Chinese keyboard counts as "TD".
 */
export function detectOptOut(
  reply: { channel: MessageChannel; text: string },
  optOut: ContactPolicy['optOut'],
): OptOutResult {
  const text = reply.text.normalize('NFKC');
  for (const word of optOut.words) {
    if (patternOf(word).test(text)) return { optOut: true, channel: reply.channel, word };
  }
  return { optOut: false };
}
