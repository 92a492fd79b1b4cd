import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.js';
import { EVERYTHING } from '../auth/scope.js';
import { isHeldOut } from '../campaigns/hold-out.js';
import { parseDay } from '../domain/dates.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { loadMembers, totalFigures } from '../engine/campaigns/campaign-report.js';
import { importPath } from '../ingest/import-path.js';
import { getRetentionSettings } from '../store/campaign-settings.js';
import { demoCampaign } from './demo-campaign.js';
import { DEMO_LINKS } from './demo-links.js';
import { generateServiceCenter } from './generate-service-center.js';
import { loadDemoCampaign } from './load-demo-campaign.js';
import { writeDemoFiles } from './write-demo-files.js';

const ASOF = '2025-11-24';
const options = { customers: 1200, stores: 1, seed: 7, asOf: ASOF };
const now = new Date('2025-11-24T10:00:00+08:00');
const campaign = demoCampaign(parseDay(ASOF));

/** What the generator says happened: the members (by their recorded reason) and who came back in the window. */
function generatorStory() {
  const launch = `${campaign.id.slice(7)}-01T09:00`;
  const members = new Map<string, { reason: string; recovered: boolean }>();
  for (const b of generateServiceCenter(options).bundles()) {
    const call = b.events.find((e) => e.id.endsWith('-r1'));
    if (!call || call.type !== 'call') continue;
    const end = new Date(Date.parse(`${launch}:00+08:00`) + campaign.attributionDays * 86_400_000).toISOString();
    const recovered = b.events.some((e) => e.type === 'visit' && e.amount > 0 && e.at > launch && new Date(e.at).toISOString() <= end);
    members.set(b.customer.id, { reason: String(call.extra?.churnReason ?? (call as { churnReason?: string }).churnReason), recovered });
  }
  return members;
}

describeEachDatabase('the demo recall campaign', (t) => {
  it('is launched over the demo data exactly as the generator told it, and measured from it', async () => {
    const db = await t.open();
    const dir = mkdtempSync(join(tmpdir(), 'retain-demo-campaign-'));
    try {
      await writeDemoFiles(dir, options);
      await importPath(db, dir, {});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const run = await loadDemoCampaign(db, { today: parseDay(ASOF), now, policy: defaultPolicy() });
    expect(run).toMatchObject({ campaignId: campaign.id, status: 'finished' });
    expect((await getRetentionSettings(db)).links).toEqual(DEMO_LINKS);
    expect(await loadDemoCampaign(db, { today: parseDay(ASOF), now, policy: defaultPolicy() })).toBeNull();

    const story = generatorStory();
    const rows = await db.query<{ customer_id: string; grp: string; churn_reason: string }>('SELECT customer_id, grp, churn_reason FROM campaign_members ORDER BY customer_id');
    expect(rows.map((r) => r.customer_id)).toEqual([...story.keys()].sort());
    expect(story.size).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.grp).toBe(isHeldOut(0.2, 'demo', campaign.id, r.customer_id) ? 'held_out' : 'treated');
      expect(r.churn_reason).toBe(story.get(r.customer_id)!.reason);
    }
    const { members } = await loadMembers(db, { scope: EVERYTHING, now });
    const f = await totalFigures(db, members, 'zh-CN');
    const treated = rows.filter((r) => r.grp === 'treated').map((r) => r.customer_id);
    expect(f.uplift.treated).toMatchObject({ n: treated.length, recovered: treated.filter((id) => story.get(id)!.recovered).length });
    expect(f.attempted).toBeGreaterThan(0);
    expect(f.cost.total).toBeGreaterThan(0);
    expect(f.return).toBeGreaterThan(0);
    expect(f.verdict).toMatch(/^差异/);
  });
});
