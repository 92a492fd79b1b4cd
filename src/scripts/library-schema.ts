import { z } from 'zod';
import { staffRoles } from '../domain/records.js';
import { checkLibrary } from './library-checks.js';
import { audiences, churnReasons, dormantTypes, messageChannels, occasions, purposes, stages, templateVariants } from './vocabulary.js';

const text = z.string().trim().min(1, 'must not be empty');
/** Every script and template is written in both languages: the screens switch language per user. */
const bilingual = z.strictObject({ 'zh-CN': text, en: text });
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');

/**
 * One thing to say at one stage of one kind of call. `reason` and `audience` may be `any`: the
 * script then fits every reason (or every customer type) of its occasion.
 */
export const scriptSchema = z.strictObject({
  id,
  occasion: z.enum(occasions),
  reason: z.enum([...churnReasons, 'any']),
  audience: z.enum([...audiences, 'any']),
  stage: z.enum(stages),
  /** Who says it: the inbox shows the script to this role's task. */
  role: z.enum(staffRoles).default('advisor'),
  /** Only for that dormant type (§7) / recall level (§8); absent = any. */
  dormantType: z.enum(dormantTypes).optional(),
  recallLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  title: bilingual,
  /** What is said aloud. */
  text: bilingual,
  /** Guidance for the caller, not read to the customer (deadlines, what to record, tone). */
  tip: bilingual.optional(),
});

/**
 * One message for one channel and purpose; email needs a subject, an app push a title. A variant
 * (`no_offer`, `no_mileage`) is what an automated message of that channel and purpose says when
 * the customer's data lacks what the plain text names, so it is sent rather than held.
 */
export const templateSchema = z.strictObject({
  id,
  channel: z.enum(messageChannels),
  purpose: z.enum(purposes),
  variant: z.enum(templateVariants).optional(),
  subject: bilingual.optional(),
  body: bilingual,
});

/** The whole library: a versioned document, stored and compared by content like the policy. */
export const libraryShape = z.strictObject({
  version: z.string().trim().min(1, 'must not be empty'),
  scripts: z.array(scriptSchema),
  templates: z.array(templateSchema),
});

export const librarySchema = libraryShape.superRefine(checkLibrary);

export type Script = z.infer<typeof scriptSchema>;
export type Template = z.infer<typeof templateSchema>;
export type ScriptLibrary = z.infer<typeof libraryShape>;
export type Bilingual = Script['text'];
