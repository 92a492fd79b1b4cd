import { z } from 'zod';

const count = z.number().int().nonnegative();
const common = {
  enabled: z.boolean().default(true),
  severity: z.number().int().min(1).max(5),
  penalty: z.number().min(0).max(100),
};
const signal = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ...common, ...shape });

/** scoring.md §2: each signal's switch, stars, penalty and its own thresholds. */
export const signalsSchema = z.strictObject({
  maintenance_overdue_unanswered: signal({ minOverdueDays: count, minRemindersUnanswered: count }),
  nps_drop: signal({ minDrop: z.number().min(0), bothAtMost: z.number().min(0).max(10) }),
  appointment_cancelled: signal({ cancelledWithinDays: count, minReschedules90: count }),
  app_inactive: signal({ minBaseline: z.number().min(0), belowLogins30: count }),
  complaint_silence: signal({ minSilenceDays: count }),
  value_add_refused: signal({ minStreak: count }),
  basic_only: signal({ minStreak: count, maxTicketTrend: z.number().min(0) }),
  no_activities: signal({ minInvited: count, maxAttended: count }),
  contact_invalid: signal({}),
  social_negative: signal({}),
});

export type SignalsPolicy = z.infer<typeof signalsSchema>;
