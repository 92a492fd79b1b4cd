import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';

/** A new version name: the base of the one in force and the minute the draft was started (versions are immutable). */
export function nextVersion(version: string): string {
  return `${version.replace(/-\d{8}-\d{4}$/, '')}-${dayjs().format('YYYYMMDD-HHmm')}`;
}

export interface Draft<D> {
  /** The JSON text as typed: the one source of truth, so the table views and the JSON never disagree. */
  text: string;
  setText: (text: string) => void;
  doc: D | undefined;
  parseError: string | undefined;
  /** Whether the text differs from the draft as it was started. */
  changed: boolean;
  update: (change: (doc: D) => void) => void;
}

/** A versioned document being edited, restarted from `source` under a fresh version whenever `source` changes (after a save). */
export function useDraft<D extends { version: string }>(source: D): Draft<D> {
  const [text, setText] = useState('');
  const [start, setStart] = useState('');
  useEffect(() => {
    const initial = JSON.stringify({ ...source, version: nextVersion(source.version) }, null, 2);
    setText(initial);
    setStart(initial);
  }, [source]);
  const parsed = useMemo((): { doc?: D; error?: string } => {
    if (!text) return {};
    try {
      return { doc: JSON.parse(text) as D };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [text]);
  const update = (change: (doc: D) => void) => {
    if (!parsed.doc) return;
    const doc = structuredClone(parsed.doc);
    change(doc);
    setText(JSON.stringify(doc, null, 2));
  };
  return { text, setText, doc: parsed.doc, parseError: parsed.error, changed: text !== start, update };
}
