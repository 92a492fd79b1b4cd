import type { Db } from './db.js';

export interface DailyCalls {
  day: string;
  calls: number;
  connected: number;
}

/** Calls made to the campaigns' members per store-local day (the recall board's daily calls). */
export async function readDailyCalls(db: Db, campaignIds: readonly string[], customerIds?: readonly string[]): Promise<DailyCalls[]> {
  return db.query<DailyCalls>(
    `SELECT (a.at AT TIME ZONE s.time_zone)::date::text AS day, count(*)::int AS calls, count(*) FILTER (WHERE a.connected)::int AS connected
       FROM campaign_attempts a JOIN stores s ON s.id = a.store_id
      WHERE a.campaign_id = ANY($1::text[]) AND a.channel = 'call' AND ($2::text[] IS NULL OR a.customer_id = ANY($2::text[]))
      GROUP BY 1 ORDER BY 1`,
    [campaignIds, customerIds ?? null],
  );
}
