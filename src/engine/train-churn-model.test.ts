import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { formatDay, localDay, parseDay } from '../domain/dates.js';
import type { CustomerFacts } from '../domain/evaluation.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { readFactsFromFiles } from '../ingest/read-facts-from-files.js';
import { storeHistory } from './churn-snapshots.js';
import { fitVisitModels } from './fit-visit-models.js';
import { snapshotDates, trainChurnModel } from './train-churn-model.js';

const asOf = parseDay('2026-06-30');
let dir: string;
let facts: CustomerFacts[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'retain-churn-'));
  await writeDemoFiles(dir, { customers: 300, stores: 1, seed: 11, asOf: formatDay(asOf) });
  facts = (await readFactsFromFiles(dir)).facts;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('training the churn model on snapshots of the store', () => {
  it('takes snapshots a horizon before asOf and earlier, each with enough history behind it', () => {
    const dates = snapshotDates(storeHistory(facts), asOf).map(formatDay);
    expect(dates[0]).toBe('2026-01-01');
    expect(dates[1]).toBe('2025-12-02');
    // The demo's first customer arrived 2024-06-30; a snapshot needs 180 days of history.
    expect(dates.at(-1)! >= '2024-12-27').toBe(true);
    expect(dates).toHaveLength(12);
  });

  it('sees nothing after asOf: the same models with or without the later events', () => {
    const cut = asOf - 60;
    const before = facts.map((f) => ({ ...f, events: f.events.filter((e) => localDay(e.at, f.timeZone) <= cut) }));
    const options = { minOutcomes: 3 };
    const all = storeHistory(facts);
    const truncated = storeHistory(before);
    expect(fitVisitModels(truncated.customers, cut)).toEqual(fitVisitModels(all.customers, cut));
    const a = trainChurnModel(all, defaultPolicy(), cut, options);
    expect(a).not.toBeNull();
    expect(trainChurnModel(truncated, defaultPolicy(), cut, options)).toEqual(a);
    // … while the later events do change the model fitted as of asOf.
    expect(trainChurnModel(all, defaultPolicy(), asOf, options)!.model).not.toEqual(a!.model);
  });

  it('refuses to train on too few lost customers rather than fit noise', () => {
    expect(trainChurnModel(storeHistory(facts), defaultPolicy(), asOf, { minOutcomes: 1000 })).toBeNull();
  });
});
