import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { EVERYTHING, type Scope } from '../../auth/scope.js';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant } from '../../domain/dates.js';
import { readMonthlyReview } from '../../engine/campaigns/monthly-review.js';
import { printPdf } from '../../engine/campaigns/report/print-pdf.js';
import { reviewHtml } from '../../engine/campaigns/report/review-html.js';
import { reviewSections, reviewTitle } from '../../engine/campaigns/report/review-sections.js';
import { reviewWorkbook } from '../../engine/campaigns/report/review-workbook.js';
import { globalOptions, UsageError, withDb } from '../context.js';
import { makeTable } from '../table.js';

const optionsSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM').optional(),
  store: z.string().min(1).optional(),
  format: z.enum(['table', 'json', 'xlsx', 'pdf']).default('table'),
  out: z.string().min(1).optional(),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

function parseOptions(raw: unknown): z.infer<typeof optionsSchema> {
  const r = optionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

/** `retain review`: the monthly review (programs.md §11) as tables, JSON, an Excel workbook or a PDF. */
export function registerReview(program: Command): void {
  program
    .command('review')
    .description('the monthly review: warnings, recovery rate, lost customers and their value, churn reasons, best and failed cases, staff incentives')
    .option('--month <YYYY-MM>', 'the month (default: the current one in Asia/Shanghai)')
    .option('--store <id>', 'only this store')
    .option('--format <format>', 'table | json | xlsx | pdf', 'table')
    .option('--out <file>', 'where to write xlsx or pdf (default: review-YYYY-MM.<format>)')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(async (raw: unknown, cmd: Command) => {
      const o = parseOptions(raw);
      if ((o.format === 'table' || o.format === 'json') && o.out) throw new UsageError('--out is for --format xlsx or pdf');
      const month = o.month ?? formatDay(localDayOfInstant(Date.now(), DEFAULT_TIME_ZONE)).slice(0, 7);
      const scope: Scope = o.store ? { storeIds: [o.store], advisorId: null } : EVERYTHING;
      const review = await withDb(globalOptions(cmd), (db) => readMonthlyReview(db, month, scope));
      if (o.format === 'json') {
        process.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
        return;
      }
      if (o.format === 'table') {
        process.stdout.write(`${reviewTitle(review, o.lang)}  (${review.from} – ${review.to})\n`);
        for (const s of reviewSections(review, o.lang)) {
          const table = makeTable(s.head);
          for (const row of s.rows) table.push(row.map((v) => v ?? ''));
          process.stdout.write(`\n${s.title}\n${table.toString()}\n`);
        }
        return;
      }
      const file = o.out ?? `review-${month}.${o.format}`;
      const bytes = o.format === 'xlsx' ? await reviewWorkbook(review, o.lang) : await printPdf(reviewHtml(review, o.lang));
      writeFileSync(file, bytes);
      process.stdout.write(`wrote ${file} (${bytes.length.toLocaleString('en-US')} bytes)\n`);
    });
}
