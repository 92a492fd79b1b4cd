import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import { abandonRoutes } from './abandon-routes.js';
import { getCustomerScripts } from './get-customer-scripts.js';
import { getCustomerTimeline } from './get-customer-timeline.js';
import { getTask } from './get-task.js';
import { getTasks } from './get-tasks.js';
import { postProgramPreview } from './post-program-preview.js';
import { postTaskOutcome } from './post-task-outcome.js';
import { postTaskReassign } from './post-task-reassign.js';
import { settingsContact } from './settings-contact.js';
import { settingsPrograms } from './settings-programs.js';
import { settingsScripts } from './settings-scripts.js';

/** The routes of the task engine's work: the inbox, outcomes, the timeline, programs, scripts (a task's and a customer's), contact rules, give-up. */
export function registerTaskRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  for (const register of [
    getTasks, getTask, postTaskOutcome, postTaskReassign, getCustomerTimeline, getCustomerScripts,
    settingsPrograms, postProgramPreview, settingsScripts, settingsContact, abandonRoutes,
  ]) {
    register(app, deps);
  }
}
