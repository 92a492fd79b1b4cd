/** Words campaigns share with the program engine and the scoring record. */

/** The recorded churn reasons (programs.md §8); 'unknown' until someone records one. */
export const churnReasons = ['price', 'convenience', 'service', 'passive'] as const;
export type ChurnReason = (typeof churnReasons)[number];
export type ChurnReasonOrUnknown = ChurnReason | 'unknown';

/** Dormant types (programs.md §7). */
export const dormantTypes = ['passive', 'no_need', 'substitute', 'dissatisfied'] as const;
export type DormantType = (typeof dormantTypes)[number];

export const recallLevels = [1, 2, 3] as const;
export type RecallLevel = (typeof recallLevels)[number];

export const valueTiers = ['high', 'mid', 'basic'] as const;
export const lifecycles = ['abandoned', 'sold_or_moved', 'observation', 'dormant', 'lost', 'active'] as const;
export const warningLevels = ['green', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];
