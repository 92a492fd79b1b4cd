import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { defaultSettings } from '../../campaigns/default-settings.js';
import { createLogChannel } from '../../channels/log-channel.js';
import { saveRetentionSettings } from '../../store/campaign-settings.js';
import type { Db } from '../../store/db.js';
import { channelRegistry } from './channel-registry.js';
import { dueAt } from './testing/drive.js';
import { ev, loadFixture, writeProgramFixture } from './testing/program-fixture.js';

const T = '2024-04-05T10:00:00+08:00';
const SURVEY = 'https://retain.example/r/sh-01/survey';

/** c1 came on 5 March; a rating request by SMS is due at T (as the NPS-drop program queues it). */
async function ratingRequestDue(db: Db) {
  await loadFixture(db, writeProgramFixture([{ id: 'c1' }], [ev.visit('c1', '2024-03-05T10:00:00+08:00')]));
  await db.query(
    `INSERT INTO outbox_messages (store_id, customer_id, channel, purpose, dedupe_key, status, next_attempt_at, created_at, updated_at)
     VALUES ('sh-01', 'c1', 'sms', 'rating_request', 'rating-1', 'queued', $1, $1, $1)`, [new Date(T)],
  );
  const log = createLogChannel({ write: () => undefined });
  await dueAt(db, T, { channels: channelRegistry(log) });
  const [row] = await db.query<{ status: string; reason: string | null; detail: string | null }>('SELECT status, reason, detail FROM outbox_messages');
  return { log, row };
}

describeEachDatabase('the store\'s links in its messages', (t) => {
  it('with the survey link set, the rating request goes out carrying it', async () => {
    const db = await t.open();
    await saveRetentionSettings(db, { ...defaultSettings(), links: { survey: SURVEY, booking: null } }, new Date('2024-04-01T09:00:00+08:00'));
    const { log, row } = await ratingRequestDue(db);
    expect(log.sent.map((m) => m.body)).toEqual([`【上海浦东服务中心】客户c1您好，感谢您3月5日到店，请花1分钟为本次服务打分：${SURVEY} 您的每条意见我们都会看。回复TD退订`]);
    expect(row).toMatchObject({ status: 'sent', reason: null });
  });

  it('with none set, it is held naming the link, for a person to add it', async () => {
    const db = await t.open();
    const { log, row } = await ratingRequestDue(db);
    expect(log.sent).toEqual([]);
    expect(row).toEqual({ status: 'held', reason: 'missing_field:link', detail: 'template sms.survey has no value for link' });
  });
});
