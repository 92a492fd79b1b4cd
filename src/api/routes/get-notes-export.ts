import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { maskPhonesInText } from '../../auth/mask-phone.js';
import { scopeOf } from '../../auth/principal.js';
import { requireCustomer } from '../../auth/require-customer.js';
import { narrowToScope } from '../../auth/scope.js';
import { isoInZone } from '../../engine/programs/store-time.js';
import { listCurrentNotes, type CurrentNoteRow } from '../../store/read-notes.js';
import type { ApiDeps } from '../deps.js';
import { EXPORT_ROW_LIMIT, exportResponse, type ExportColumn } from '../export-table.js';
import { ErrorBody } from '../schemas.js';
import { ANY_AUTH, lang } from '../web-schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/notes/export',
  summary: 'The current personal notes of the customers in scope (or of one customer) as a CSV or Excel (.xlsx) file, phone numbers masked',
  security: ANY_AUTH,
  request: {
    query: z.object({
      storeId: z.string().min(1).optional(),
      advisorId: z.string().min(1).optional(),
      customerId: z.string().min(1).optional().openapi({ description: 'One customer (403/404 like the customer itself)' }),
      format: z.enum(['csv', 'xlsx']).default('csv'),
      lang,
    }),
  },
  responses: {
    200: { description: 'The file', content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
    403: { description: 'The customer is outside your scope', content: { 'application/json': { schema: ErrorBody } } },
    404: { description: 'No such customer', content: { 'application/json': { schema: ErrorBody } } },
  },
});

// One row per current note, the import's fields (customer, topic, text, at, staff) with the names
// a reader needs beside them. The texts are masked: an export is no way round the masking, and so
// it is a list to read, not a backup to import back over the originals.
const columns: ExportColumn<CurrentNoteRow>[] = [
  { header: { 'zh-CN': '客户编号', en: 'Customer id' }, value: (r) => r.customerId, width: 16 },
  { header: { 'zh-CN': '姓名', en: 'Name' }, value: (r) => r.customerName },
  { header: { 'zh-CN': '门店', en: 'Store' }, value: (r) => r.storeName, width: 20 },
  { header: { 'zh-CN': '类别', en: 'Topic' }, value: (r) => r.topic, width: 14, coded: true },
  { header: { 'zh-CN': '备注', en: 'Note' }, value: (r) => maskPhonesInText(r.text), width: 50 },
  { header: { 'zh-CN': '记录时间', en: 'Recorded at' }, value: (r) => isoInZone(r.at, r.timeZone), width: 26 },
  { header: { 'zh-CN': '记录人编号', en: 'Staff id' }, value: (r) => r.staffId, width: 14 },
  { header: { 'zh-CN': '记录人', en: 'Recorded by' }, value: (r) => r.staffName },
];

export function getNotesExport(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    if (q.customerId !== undefined) await requireCustomer(c, deps.db, q.customerId);
    const rows = await listCurrentNotes(deps.db, narrowToScope(scopeOf(c), q), { customerId: q.customerId, limit: EXPORT_ROW_LIMIT });
    const day = deps.clock().toISOString().slice(0, 10);
    return exportResponse(c, { name: `notes-${day}`, format: q.format, lang: q.lang, columns, rows }) as never;
  });
}
