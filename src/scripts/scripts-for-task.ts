import { fields, type Field } from './fields.js';
import type { ScriptLibrary } from './library-schema.js';
import { linkFor, type StoreLinks } from './message-links.js';
import type { TaskOccasion } from './occasion-for-task.js';
import { renderText, type ScriptContext } from './render.js';
import { renderScript, renderTemplate } from './render-script.js';
import { selectScript, type MatchKind } from './select-script.js';
import { stages, type Audience, type ChurnReason, type DormantType, type Lang, type MessageChannel, type Occasion, type RecallLevel, type Stage } from './vocabulary.js';

export interface TaskScriptInput {
  library: Pick<ScriptLibrary, 'scripts' | 'templates'>;
  context: ScriptContext;
  lang: Lang;
  occasion: TaskOccasion;
  /** The churn reason recorded on the customer, if any. */
  recordedReason: ChurnReason | null;
  /** Most specific first (audiencesFor). */
  audiences: Audience[];
  dormantType: DormantType | null;
  recallLevel: RecallLevel | null;
  /** The channel whose templates fit the task (wechat for a WeChat task, sms beside a call); null for none. */
  channel: MessageChannel | null;
  /** The store's links, for the templates' `{{link}}`. */
  links: StoreLinks;
}

export interface StageScript {
  stage: Stage;
  id: string;
  title: string;
  text: string;
  tip: string | null;
  missing: Field[];
  match: MatchKind;
  borrowed: boolean;
}

export interface TaskScripts {
  occasion: Occasion;
  reason: ChurnReason;
  audiences: Audience[];
  /** The call, stage by stage, filled in for this customer. */
  stages: StageScript[];
  /** The offer stage for each other churn reason: the caller switches once the customer says why. */
  otherReasons: { reason: ChurnReason; id: string; title: string; text: string; missing: Field[] }[];
  templates: { id: string; channel: MessageChannel; purpose: string; subject: string | null; body: string; missing: Field[] }[];
  /** Each personalised field as it reads in this language; null when the data cannot supply it. */
  fields: Record<Field, string | null>;
}

const REASONS: readonly ChurnReason[] = ['price', 'convenience', 'service', 'passive'];

/**
 * The scripts and templates of one task, rendered for its customer. Pure: the caller loads the
 * library and the customer's context. A missing value reads as the library's "to fill"
 * placeholder (【待填写：…】), never as "undefined".
 */
export function scriptsForTask(input: TaskScriptInput): TaskScripts {
  const { library, context, lang, occasion } = input;
  // The trigger knows best (a complaint is about service); then what the customer told us.
  const reason = occasion.impliedReason ?? input.recordedReason ?? 'unknown';
  const base = { audience: input.audiences, dormantType: input.dormantType, recallLevel: input.recallLevel };
  const stageScripts: StageScript[] = [];
  for (const stage of stages) {
    const choice = selectScript(library, { ...base, occasion: occasion.occasion, reason, stage });
    if (!choice) continue;
    stageScripts.push({ stage, ...renderScript(choice.script, context, lang), match: choice.match, borrowed: choice.borrowed });
  }
  const otherReasons = REASONS.filter((r) => r !== reason).flatMap((r) => {
    const choice = selectScript(library, { ...base, occasion: 'retention_call', reason: r, stage: 'offer' });
    if (!choice || choice.script.reason !== r) return [];
    const s = renderScript(choice.script, context, lang);
    return [{ reason: r, id: s.id, title: s.title, text: s.text, missing: s.missing }];
  });
  const templates = input.channel === null ? [] : library.templates
    .filter((t) => t.channel === input.channel)
    .map((t) => ({ ...renderTemplate(t, { ...context, link: linkFor(t.purpose, input.links) }, lang), channel: t.channel, purpose: t.purpose }));
  const values = Object.fromEntries(fields.map((f) => {
    const r = renderText(`{{${f}}}`, context, lang);
    return [f, r.missing.length > 0 ? null : r.text];
  })) as Record<Field, string | null>;
  return { occasion: occasion.occasion, reason, audiences: input.audiences, stages: stageScripts, otherReasons, templates, fields: values };
}
