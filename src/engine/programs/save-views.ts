import type { Db } from '../../store/db.js';
import type { StoredView } from './diff-views.js';

/** Writes the views that moved, in one statement. */
export async function saveViews(db: Db, views: { customerId: string; view: StoredView }[], now: Date): Promise<void> {
  if (views.length === 0) return;
  const col = <T>(f: (v: StoredView) => T) => views.map((v) => f(v.view));
  await db.query(
    `UPDATE program_views p SET as_of = u.as_of, warning_id = u.warning_id, warning_level = u.warning_level, health_level = u.health_level,
            health_episode = u.health_episode, silent_level = u.silent_level, lifecycle = u.lifecycle,
            signals = CASE WHEN u.signals = '' THEN '{}'::text[] ELSE string_to_array(u.signals, ',') END, recall_level = u.recall_level,
            care_keys = ARRAY(SELECT jsonb_array_elements_text(u.care_keys)), updated_at = $1
       FROM unnest($2::text[], $3::date[], $4::bigint[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::int[], $12::jsonb[])
            AS u(customer_id, as_of, warning_id, warning_level, health_level, health_episode, silent_level, lifecycle, signals, recall_level, care_keys)
      WHERE p.customer_id = u.customer_id`,
    [now, views.map((v) => v.customerId), col((v) => v.asOf), col((v) => v.warningId), col((v) => v.warningLevel), col((v) => v.healthLevel),
      col((v) => v.healthEpisode), col((v) => v.silentLevel), col((v) => v.lifecycle), col((v) => v.signals.join(',')), col((v) => v.recallLevel),
      // Care keys name things from the data (a vin, an update id): JSON keeps any character.
      col((v) => JSON.stringify(v.careKeys))],
  );
}
