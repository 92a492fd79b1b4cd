import type { ChurnReason, Occasion } from './vocabulary.js';

/** What a program task is, for the library: the call's occasion and the reason the trigger implies. */
export interface TaskOccasion {
  occasion: Occasion;
  /** A reason the trigger itself tells (a complaint is about service); else the customer's recorded one. */
  impliedReason: ChurnReason | null;
}

/**
 * The shipped programs (programs.md) name their steps' scripts with their own ids
 * (`orange_call_{valueTier}`, `red_vip_recovery`…); the library is organised by occasion × reason ×
 * customer type × stage. This table joins the two by program (and, for the warning programs, by
 * step). A program a user added falls back to the general retention call, which always answers.
 */
const BY_STEP: Record<string, TaskOccasion> = {
  'early_warning_orange/orange_call': { occasion: 'orange_call', impliedReason: null },
  'early_warning_red/red_call': { occasion: 'red_call', impliedReason: null },
  'early_warning_red/gm_call': { occasion: 'gm_call', impliedReason: null },
};

const BY_PROGRAM: Record<string, TaskOccasion> = {
  waiting_time: { occasion: 'retention_call', impliedReason: 'service' },
  post_service: { occasion: 'post_service_call', impliedReason: null },
  low_rating: { occasion: 'low_rating_call', impliedReason: 'service' },
  complaint_open: { occasion: 'complaint_response', impliedReason: 'service' },
  complaint_after: { occasion: 'complaint_response', impliedReason: 'service' },
  social_negative: { occasion: 'complaint_response', impliedReason: 'service' },
  nps_drop: { occasion: 'nps_drop_call', impliedReason: 'service' },
  maintenance_chase: { occasion: 'retention_call', impliedReason: 'passive' },
  cancellation: { occasion: 'cancellation_call', impliedReason: null },
  silent_yellow: { occasion: 'retention_call', impliedReason: 'passive' },
  silent_orange: { occasion: 'retention_call', impliedReason: 'passive' },
  silent_red: { occasion: 'retention_call', impliedReason: 'passive' },
  dormant_wakeup: { occasion: 'dormant_call', impliedReason: null },
  recall_level_1: { occasion: 'recall_call', impliedReason: null },
  recall_level_2: { occasion: 'recall_call', impliedReason: null },
  recall_level_3: { occasion: 'recall_call', impliedReason: null },
  return_ritual: { occasion: 'return_welcome', impliedReason: null },
  observation: { occasion: 'return_welcome', impliedReason: null },
  give_up: { occasion: 'farewell_call', impliedReason: null },
  care_contact: { occasion: 'care_call', impliedReason: null },
  care_birthday: { occasion: 'birthday_call', impliedReason: null },
  care_anniversary: { occasion: 'care_call', impliedReason: null },
  care_mileage_milestone: { occasion: 'milestone_call', impliedReason: null },
  care_first_service: { occasion: 'first_service_call', impliedReason: null },
  care_warranty: { occasion: 'warranty_call', impliedReason: null },
  care_software_update: { occasion: 'software_update_call', impliedReason: null },
};

const GENERAL: TaskOccasion = { occasion: 'retention_call', impliedReason: null };

export function occasionForTask(programId: string, stepId: string): TaskOccasion {
  return BY_STEP[`${programId}/${stepId}`] ?? BY_PROGRAM[programId] ?? GENERAL;
}
