import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { importPath } from '../../ingest/import-path.js';
import { writeProgramFixture } from '../programs/testing/program-fixture.js';
import { recordOutcome } from '../programs/record-outcome.js';
import { createCampaign } from './create-campaign.js';
import { launchCampaign } from './launch-campaign.js';
import { runCampaign } from './run-campaign.js';
import { AS_OF, LAUNCH, campaignDoc, clearEngineRuns, loadLostCustomers } from './testing/campaign-fixture.js';

const call = (id: string, at: string) => ({ id, customerId: 'h0', type: 'call', at, direction: 'out', answered: false, staffId: 'sm-wang', outcome: 'no_answer' });

describeEachDatabase('attempts before giving up on a level-1 customer', (t) => {
  it('asks for another time of day and channel after three morning calls, gives up only after all', async () => {
    const db = await t.open();
    await loadLostCustomers(db, { h0: 9000 }, [
      call('a1', '2024-07-02T10:00:00+08:00'), call('a2', '2024-07-03T10:30:00+08:00'), call('a3', '2024-07-04T11:00:00+08:00'),
    ]);
    await createCampaign(db, campaignDoc({ holdOutShare: 0 }), LAUNCH);
    await launchCampaign(db, 'summer', { now: LAUNCH, asOf: AS_OF });
    // Only the campaign's own attempts policy is under test here.
    await clearEngineRuns(db);

    const first = await runCampaign(db, 'summer', new Date('2024-07-05T09:00:00+08:00'));
    expect(first).toMatchObject({ attemptsRecorded: 3, gaveUp: 0, attemptTasks: 1 });
    const [task] = await db.query<{ id: string; type: string; role: string; available_at: Date }>(
      "SELECT id, type, role, available_at FROM tasks WHERE status = 'open' AND trigger_key = 'campaign:summer'");
    expect(task).toMatchObject({ type: 'wechat', role: 'service_manager' });
    expect(task!.available_at.toISOString()).toBe(new Date('2024-07-06T15:00:00+08:00').toISOString());

    // The WeChat reaches nobody useful; an evening call goes unanswered.
    await recordOutcome(db, task!.id, { result: 'reached', detail: '已读未回' }, new Date('2024-07-06T15:05:00+08:00'), 'sm-wang');
    await importPath(db, writeProgramFixture([{ id: 'h0', since: '2022-06-10' }], [call('a4', '2024-07-07T18:30:00+08:00')]), {});
    const second = await runCampaign(db, 'summer', new Date('2024-07-08T09:00:00+08:00'));
    expect(second).toMatchObject({ attemptsRecorded: 2, gaveUp: 1, attemptTasks: 0 });
    const attempts = await db.query<{ channel: string; local_minute: number; outcome: string }>(
      'SELECT channel, local_minute, outcome FROM campaign_attempts ORDER BY at');
    expect(attempts.map((a) => `${a.channel}@${Math.floor(a.local_minute / 60)}h ${a.outcome}`)).toEqual([
      'call@10h no_answer', 'call@10h no_answer', 'call@11h no_answer', 'wechat@15h reached', 'call@18h no_answer',
    ]);
    const [member] = await db.query<{ status: string }>("SELECT status FROM campaign_members WHERE customer_id = 'h0'");
    expect(member!.status).toBe('gave_up');
  });
});
