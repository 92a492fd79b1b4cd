import type { Lang } from '../../../campaigns/describe-uplift.js';
import type { MonthlyReview } from '../monthly-review.js';
import { reviewSections, reviewTitle, type Cell } from './review-sections.js';

const escape = (v: Cell) =>
  String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The monthly review as a printable HTML page. The font list names CJK fonts first (the CI image
 * installs WenQuanYi Micro Hei) so Chinese prints as text, not boxes.
 */
export function reviewHtml(r: MonthlyReview, lang: Lang): string {
  const title = reviewTitle(r, lang);
  const sections = reviewSections(r, lang)
    .map((s) => `<h2>${escape(s.title)}</h2>
<table><thead><tr>${s.head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
<tbody>${s.rows.map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
  body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #222; }
  h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
  .period { color: #555; margin-bottom: 8pt; }
  table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
  th, td { border: 1px solid #ccc; padding: 3pt 5pt; text-align: left; } th { background: #f0f0f0; }
</style></head>
<body><h1>${escape(title)}</h1><div class="period">${escape(r.from)} – ${escape(r.to)}</div>
${sections}
</body></html>`;
}
