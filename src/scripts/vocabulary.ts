/**
 * The words of the script library (programs.md §1, §3, §5–§9, §13). Kept apart from the schema so
 * that programs, the outbox and the screens can name a script's dimensions without pulling in Zod.
 */

export const langs = ['zh-CN', 'en'] as const;
export type Lang = (typeof langs)[number];

/** The recorded churn reason (§8); `unknown` is the first call, before anyone has asked. */
export const churnReasons = ['price', 'convenience', 'service', 'passive', 'unknown'] as const;
export type ChurnReason = (typeof churnReasons)[number];

/**
 * Who the customer is to the caller: a value tier, or a lifecycle situation that changes what
 * one says (a dormant customer is not greeted like a regular one).
 */
export const audiences = ['high', 'mid', 'basic', 'active_warning', 'dormant', 'lost_recall', 'returned', 'give_up'] as const;
export type Audience = (typeof audiences)[number];

export const stages = ['opening', 'probing', 'offer', 'closing'] as const;
export type Stage = (typeof stages)[number];

/**
 * Why the call is made. `retention_call` is the general reason × type × stage matrix; every other
 * occasion is a special script of the spec that may cover only some stages and borrows the rest
 * from `retention_call` (see select-script.ts).
 */
export const occasions = [
  'retention_call',
  'orange_call',
  'red_call',
  'gm_call',
  'post_service_call',
  'low_rating_call',
  'complaint_response',
  'nps_drop_call',
  'cancellation_call',
  'dormant_call',
  'recall_call',
  'return_welcome',
  'farewell_call',
  'care_call',
  'birthday_call',
  'milestone_call',
  'first_service_call',
  'warranty_call',
  'software_update_call',
] as const;
export type Occasion = (typeof occasions)[number];

/** §7: set from data (a complaint or low rating → dissatisfied) or by the advisor. */
export const dormantTypes = ['passive', 'no_need', 'substitute', 'dissatisfied'] as const;
export type DormantType = (typeof dormantTypes)[number];

/** §8 recall levels (1 = high value recent, 3 = automated). */
export const recallLevels = [1, 2, 3] as const;
export type RecallLevel = (typeof recallLevels)[number];

/** The message channels (a phone call is a script, not a template). */
export const messageChannels = ['sms', 'wechat', 'app', 'email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

export const purposes = [
  'care',
  'maintenance_reminder',
  'offer',
  'survey',
  'wake_up',
  'farewell',
  'birthday',
  'anniversary',
  'return_welcome',
  'holiday',
  'milestone',
  'first_service',
  'warranty',
  'software_update',
  'weather',
] as const;
export type Purpose = (typeof purposes)[number];

/**
 * Fallback variants of a channel and purpose's template, each written for a customer whose data
 * lacks what the plain text says (see variant-fields.ts).
 */
export const templateVariants = ['no_offer', 'no_mileage'] as const;
export type TemplateVariant = (typeof templateVariants)[number];
