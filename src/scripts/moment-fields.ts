import type { Fact } from '../programs/types.js';
import { formatDate, formatKm } from './format-values.js';
import type { ScriptContext } from './render.js';

const text = (v: Fact | undefined): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * What a care moment tells the script beyond the customer's data: the holiday, the milestone, the
 * warranty's last day, the update, the notice — from the facts of the program run (the trigger's
 * occurrence), so the message names the moment that started it.
 */
export function momentFields(facts: Readonly<Record<string, Fact>>, asOf: string): ScriptContext {
  const zh = text(facts['holidayNameZh']);
  const en = text(facts['holidayNameEn']);
  const warrantyEnd = text(facts['warrantyEnd']);
  const out: ScriptContext = {
    holidayName: zh && en ? { 'zh-CN': zh, en } : undefined,
    milestoneKm: typeof facts['milestoneKm'] === 'number' ? formatKm(facts['milestoneKm']) : undefined,
    warrantyEnd: warrantyEnd ? formatDate(warrantyEnd, asOf) : undefined,
    updateTitle: text(facts['updateTitle']) ?? text(facts['updateVersion']),
    noticeTitle: text(facts['noticeTitle']),
  };
  // The anniversary of this car, not of the newest one the customer has.
  if (typeof facts['years'] === 'number') out.years = facts['years'];
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ScriptContext;
}
