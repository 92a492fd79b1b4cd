import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { DEMO_TIME_ZONE, generateServiceCenter } from '../src/demo/index.js';
import { formatDay, parseDay } from '../src/domain/dates.js';
import type { CustomerFacts } from '../src/domain/evaluation.js';
import { defaultPolicy } from '../src/domain/policy/default-policy.js';
import { storeHistory } from '../src/engine/churn-snapshots.js';
import { fitVisitModels, rfmRowsAsOf } from '../src/engine/fit-visit-models.js';
import { trainChurnModel } from '../src/engine/train-churn-model.js';
import { visitHistoryOf } from '../src/engine/visit-histories.js';
import { fitBgNbd } from '../src/prediction/bg-nbd.js';
import { fitGammaGamma } from '../src/prediction/gamma-gamma.js';
import { fitParetoNbd } from '../src/prediction/pareto-nbd.js';
import { bgNbdOutputs, clvOf } from '../src/prediction/predict-customer.js';
import { readSummaryCsv } from '../src/prediction/read-summary-csv.js';
import { sharedDataPath } from '../src/prediction/testing/shared-data.js';
import type { VisitHistory } from '../src/prediction/visit-summary.js';

/**
 * `npm run bench:prediction`: the prediction models' speed (a benchmark, not a test). BG/NBD,
 * Pareto/NBD and Gamma-Gamma on CDNOW; BG/NBD and Gamma-Gamma fitted on the demo network's
 * customers (100k by default) and every customer scored with them; the churn model trained on
 * one store's snapshots.
 */
const { values } = parseArgs({ options: { customers: { type: 'string', default: '100000' }, stores: { type: 'string', default: '20' } } });
const customers = Number(values.customers);
const asOfText = '2026-06-30';
const asOf = parseDay(asOfText);
const rows: [string, string, string][] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

// CDNOW (2,357 customers, weeks).
const cdnow = readSummaryCsv(readFileSync(sharedDataPath('cdnow', 'cdnow_customers_summary_with_transactions.csv'), 'utf8'));
const bg = timed(() => fitBgNbd(cdnow));
rows.push(['BG/NBD fit, CDNOW (2,357)', seconds(bg.ms), `LL ${bg.result.logLik.toFixed(2)}, ${bg.result.iterations} iterations`]);
const pn = timed(() => fitParetoNbd(cdnow));
rows.push(['Pareto/NBD fit, CDNOW (2,357)', seconds(pn.ms), `LL ${pn.result.logLik.toFixed(2)}`]);
const gg = timed(() => fitGammaGamma(cdnow.filter((r) => r.frequency > 0).map((r) => ({ frequency: r.frequency, monetaryValue: r.monetaryValue! }))));
rows.push(['Gamma-Gamma fit, CDNOW (946)', seconds(gg.ms), `LL ${gg.result.logLik.toFixed(2)}`]);

// The demo network: visit histories of every customer, and one store's full facts for the churn model.
const center = generateServiceCenter({ customers, stores: Number(values.stores), seed: 7, asOf: asOfText });
const firstStore = center.stores[0]!.id;
const histories: { id: string; history: VisitHistory }[] = [];
const storeFacts: CustomerFacts[] = [];
const gen = timed(() => {
  for (const b of center.bundles()) {
    const facts: CustomerFacts = { customer: b.customer, vehicles: b.vehicles, events: b.events, timeZone: DEMO_TIME_ZONE };
    histories.push({ id: b.customer.id, history: visitHistoryOf(facts) });
    if (b.customer.storeId === firstStore) storeFacts.push(facts);
  }
});
rows.push([`generate the demo (${customers.toLocaleString('en')} customers)`, seconds(gen.ms), 'not prediction: the input']);

const visitModels = timed(() => fitVisitModels(histories, asOf, new Set(['bgnbd', 'gammagamma'])));
const fitted = visitModels.result;
const rfm = rfmRowsAsOf(histories, asOf);
rows.push([`BG/NBD + Gamma-Gamma fit, demo (${customers.toLocaleString('en')})`, seconds(visitModels.ms), `BG/NBD LL ${fitted.bgNbd!.metrics.logLik.toFixed(0)}, ${fitted.bgNbd!.metrics.iterations} iterations`]);
const bgOnly = timed(() => fitBgNbd(rfm, { penalty: 0.01 }));
rows.push([`BG/NBD fit alone, demo (${customers.toLocaleString('en')})`, seconds(bgOnly.ms), `${bgOnly.result.iterations} iterations`]);

const scoring = timed(() => {
  let sum = 0;
  for (const r of rfm) {
    const s = { frequency: r.frequency, recency: r.recency, T: r.T, visits: r.visits, paidVisits: r.paidVisits, meanPaid: r.meanPaid };
    const out = bgNbdOutputs(fitted.bgNbd!.model, s);
    sum += out.pAlive + out.expectedVisits90 + clvOf(fitted.bgNbd!.model, fitted.gammaGamma!.model, s);
  }
  return sum;
});
rows.push([
  `score ${rfm.length.toLocaleString('en')} customers`,
  seconds(scoring.ms),
  `P(alive), visits in 90/180 days, P(no visit), 60-month CLV: ${((1000 * scoring.ms) / rfm.length).toFixed(1)} µs each`,
]);

const churn = timed(() => trainChurnModel(storeHistory(storeFacts), defaultPolicy(), asOf));
const bt = churn.result?.metrics.backtest;
rows.push([
  `churn model, one store (${storeFacts.length.toLocaleString('en')} customers)`,
  seconds(churn.ms),
  churn.result
    ? `${churn.result.metrics.trainDates.length} snapshots, ${churn.result.metrics.rows} rows; back-test ${bt ? `AUC ${bt.auc?.toFixed(3)} at ${bt.testDate}` : 'none'}`
    : 'no model (too little history)',
]);

const t = new Table({ head: ['step', 'time', 'detail'] });
for (const r of rows) t.push(r);
console.log(`prediction benchmark, demo as of ${formatDay(asOf)}, Node ${process.version}\n${t.toString()}`);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
