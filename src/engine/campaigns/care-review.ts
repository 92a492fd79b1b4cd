import type { Scope } from '../../auth/scope.js';
import type { RetentionSettings } from '../../campaigns/settings-schema.js';
import { compareGroups, type Uplift } from '../../campaigns/uplift.js';
import { readCareGroups, readCareWork, type CareGroupCounts, type CareWork } from '../../store/campaign-review-care.js';
import type { Db } from '../../store/db.js';
import { getActivePrograms } from '../programs/active-programs.js';

export interface CareReview {
  work: CareWork;
  /** The care programs held out at random whose starts are compared. */
  programs: string[];
  windowDays: number;
  treated: CareGroupCounts;
  heldOut: CareGroupCounts;
  /** Share with no orange/red warning within the window, treated vs held out (higher is better). */
  stayedClear: Uplift;
  /** Share with a visit within the window, treated vs held out. */
  visited: Uplift;
}

/**
 * The month's proactive care (programs.md §13) and its effect against the random hold-out: do
 * customers given care warn less and visit more than those held out of it? The window is the
 * retention settings' attribution window; a month still running counts what has happened so far.
 */
export async function readCareReview(db: Db, scope: Scope, from: Date, to: Date, settings: RetentionSettings): Promise<CareReview> {
  const care = new Set((await getActivePrograms(db)).programs.filter((p) => p.trigger.kind === 'care').map((p) => p.id));
  const programs = settings.holdOut.programs.filter((p) => care.has(p));
  const windowDays = settings.attributionDays;
  const [work, groups] = await Promise.all([
    readCareWork(db, scope, from, to),
    readCareGroups(db, scope, from, to, programs, windowDays),
  ]);
  const clear = (g: CareGroupCounts) => ({ n: g.customers, recovered: g.customers - g.warned });
  const visits = (g: CareGroupCounts) => ({ n: g.customers, recovered: g.visited });
  return {
    work, programs, windowDays, ...groups,
    stayedClear: compareGroups(clear(groups.treated), clear(groups.heldOut), settings.confidence),
    visited: compareGroups(visits(groups.treated), visits(groups.heldOut), settings.confidence),
  };
}
