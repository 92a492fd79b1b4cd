import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from './deps.js';
import { customerNotes } from './routes/customer-notes.js';
import { noticesRoutes } from './routes/notices-routes.js';
import { getFilterOptions } from './routes/get-filter-options.js';
import { getMe } from './routes/get-me.js';
import { getNotesExport } from './routes/get-notes-export.js';
import { getCustomerPrediction } from './routes/get-customer-prediction.js';
import { getModels } from './routes/get-models.js';
import { getOverview } from './routes/get-overview.js';
import { getPhoneReveals } from './routes/get-phone-reveals.js';
import { getRecallBoard } from './routes/get-recall-board.js';
import { getRiskList } from './routes/get-risk-list.js';
import { getWarningBoard } from './routes/get-warning-board.js';
import { postRevealPhone } from './routes/post-reveal-phone.js';
import { postSignIn } from './routes/post-sign-in.js';
import { postSignOut } from './routes/post-sign-out.js';
import { settingsPolicy } from './routes/settings-policy.js';
import { settingsStaff } from './routes/settings-staff.js';

/** The routes behind the web app: sign-in, the boards, customer 360 additions (personal notes among them) and settings. */
export function registerWebRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  for (const register of [
    postSignIn, postSignOut, getMe, getFilterOptions, postRevealPhone, getPhoneReveals,
    getOverview, getModels, getCustomerPrediction, getRiskList, getWarningBoard, getRecallBoard, settingsPolicy, settingsStaff, customerNotes, getNotesExport, noticesRoutes,
  ]) {
    register(app, deps);
  }
}
