import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.js';
import { EVERYTHING } from '../../auth/scope.js';
import { parseDay } from '../../domain/dates.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import { scoreCustomers } from '../score-customers.js';
import { createCampaign } from './create-campaign.js';
import { launchCampaign } from './launch-campaign.js';
import { readMonthlyReview } from './monthly-review.js';
import { printPdf } from './report/print-pdf.js';
import { reviewHtml } from './report/review-html.js';
import { reviewWorkbook } from './report/review-workbook.js';
import { runCampaign } from './run-campaign.js';
import { AS_OF, LAUNCH, campaignDoc, clearEngineRuns, loadLostCustomers } from './testing/campaign-fixture.js';

const visit = (id: string, customerId: string, at: string, amount: number, extra: Record<string, unknown> = {}) =>
  ({ id, customerId, type: 'visit', at, visitId: id, kind: 'maintenance', amount, ...extra });
const call = (id: string, customerId: string, at: string, answered: boolean, extra: Record<string, unknown> = {}) =>
  ({ id, customerId, type: 'call', at, direction: 'out', answered, staffId: 'sm-wang', outcome: answered ? 'reached' : 'no_answer', ...extra });

/**
 * j1 and j2 were last seen on 20 February: active at the end of May, lost by the end of June —
 * j1 said on a call it was the price, j2 rated the visit 3 (service). The July campaign (b1–b4,
 * seed-7 holds out b3 and b4) wins b1 back after Wang Fang's call and gives up on b2.
 */
const events = [
  visit('j1v', 'j1', '2024-02-20T10:00:00+08:00', 9000), call('j1c', 'j1', '2024-06-10T10:00:00+08:00', true, { churnReason: 'price' }),
  visit('j2v', 'j2', '2024-02-20T10:00:00+08:00', 5000), { id: 'j2n', customerId: 'j2', type: 'nps', at: '2024-02-21T10:00:00+08:00', score: 3 },
  call('k1', 'b1', '2024-07-02T10:30:00+08:00', true), visit('x1', 'b1', '2024-07-12T11:00:00+08:00', 1200, { offerId: 'l3-voucher-50' }),
  call('k2', 'b2', '2024-07-02T15:00:00+08:00', false),
];

async function load(db: Parameters<typeof readMonthlyReview>[0]) {
  await loadLostCustomers(db, { b1: 1000, b2: 1000, b3: 1000, b4: 1000, j1: 0, j2: 0 }, events);
  await scoreCustomers(db, { asOf: parseDay('2024-05-31'), now: new Date('2024-05-31T02:00:00+08:00'), policy: defaultPolicy() });
  await createCampaign(db, campaignDoc({ id: 'roi', holdOutShare: 0.5, seed: 'seed-7' }), LAUNCH);
  await launchCampaign(db, 'roi', { now: LAUNCH, asOf: AS_OF });
  await clearEngineRuns(db);
  await runCampaign(db, 'roi', new Date('2024-08-01T09:00:00+08:00'));
}

/** The text of every compressed stream of a PDF (fonts' ToUnicode maps among them). */
function pdfStreams(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString('latin1');
  let out = '';
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out += inflateSync(Buffer.from(text.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      // not a deflated stream (an image, a font program)
    }
  }
  return out;
}

describeEachDatabase('monthly review', (t) => {
  it('counts the lost, their value and reasons, the recovered, the cases and the rewards', async () => {
    const db = await t.open();
    await load(db);
    const june = await readMonthlyReview(db, '2024-06', EVERYTHING);
    expect(june.lost).toMatchObject({ customers: 2, value: 14000, byLifecycle: { lost: 2 } });
    expect(june.churnReasons.map((r) => `${r.reason}:${r.customers}`)).toEqual(['price:1', 'service:1']);
    expect(june.failedCases.map((f) => `${f.customerId}:${f.why}`)).toEqual(['j1:lost', 'j2:lost']);
    expect(june.warnings.opened.total).toBeGreaterThan(0);

    const july = await readMonthlyReview(db, '2024-07', EVERYTHING);
    expect(july.recovered).toEqual({ customers: 1, revenue: 1200, fromCampaigns: 1, fromWarnings: 0 });
    expect(july.bestCases.map((b) => `${b.customerId} ${b.staffName} ${b.offerId}`)).toEqual(['b1 王芳 l3-voucher-50']);
    expect(july.staff).toEqual([
      { staffId: 'sm-wang', staffName: '王芳', recovered: { yellow: 0, orange: 0, red: 1 }, total: 1, reward: 1200, topRecoverer: true },
    ]);
    const august = await readMonthlyReview(db, '2024-08', EVERYTHING);
    expect(august.failedCases.map((f) => `${f.customerId}:${f.why}:${f.attempts}`)).toEqual(['b2:gave_up:1']);
  });

  it('writes the review as an Excel workbook and a PDF with Chinese text', async () => {
    const db = await t.open();
    await load(db);
    const june = await readMonthlyReview(db, '2024-06', EVERYTHING);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await reviewWorkbook(june, 'zh-CN')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概览', '流失原因分布', '流失客户', '最佳案例', '失败案例', '员工激励']);
    const reasons = book.getWorksheet('流失原因分布')!;
    expect(reasons.getRow(1).getCell(1).value).toBe('2024年6月 月度复盘 · 流失原因分布');
    expect(reasons.getRow(2).values).toEqual([undefined, '原因', '客户数', '占比', '年价值']);
    expect(reasons.getRow(3).values).toEqual([undefined, '价格', 1, '50.0%', '¥9,000']);
    expect(reasons.getRow(4).values).toEqual([undefined, '服务体验', 1, '50.0%', '¥5,000']);
    const lost = book.getWorksheet('流失客户')!;
    expect(lost.getRow(3).getCell(1).value).toBe('j1');
    expect(lost.getRow(3).getCell(3).value).toBe('流失');

    const pdf = await printPdf(reviewHtml(june, 'zh-CN'));
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    const streams = pdfStreams(pdf).toLowerCase();
    // Chromium embeds the CJK font and maps its glyphs back to Unicode: 月度复盘, 流失原因, 价格.
    for (const ch of '月度复盘流失原因价格') expect(streams).toContain(ch.codePointAt(0)!.toString(16).padStart(4, '0'));
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/WenQuanYi|Noto|SourceHan/);
  });
});
