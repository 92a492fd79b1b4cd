/** The ten behaviour signals of scoring.md §2, in their numbered order (signal n = index n − 1). */
export const signalIds = [
  'maintenance_overdue_unanswered',
  'nps_drop',
  'appointment_cancelled',
  'app_inactive',
  'complaint_silence',
  'value_add_refused',
  'basic_only',
  'no_activities',
  'contact_invalid',
  'social_negative',
] as const;

export type SignalId = (typeof signalIds)[number];

export function signalNumber(id: SignalId): number {
  return signalIds.indexOf(id) + 1;
}
