import { addMonthsClamped, dayFromYmd, formatDay, ymdOf, type Day } from '../domain/dates.js';

/**
 * The demo's finished recall campaign (issue item 7), shared by the generator (which writes what
 * the store did and how customers answered) and the loader (which launches it over the data as
 * of its day). It selected the lost and dormant customers of levels 1–3 at the last month end at
 * least 100 days before today — a day the demo scores anyway, and far enough back that the
 * 90-day attribution window has closed — and held out 20 % of them (a larger share than the
 * default 10 %, so a demo of a few thousand customers has a hold-out group worth comparing).
 */
export interface DemoCampaign {
  id: string;
  /** The selection day (a month end): members are who was lost or dormant that day. */
  selectedOn: Day;
  /** Launched the morning after, at 09:00 store time. */
  launchDay: Day;
  endsOn: Day;
  holdOutShare: number;
  seed: string;
  attributionDays: number;
}

export const DEMO_CAMPAIGN_SHARE = 0.2;
const CAMPAIGN_DAYS = 30;
const DAYS_BACK = 100;

export function demoCampaign(today: Day): DemoCampaign {
  const { y, m } = ymdOf(today - DAYS_BACK);
  // The last day of the month before the one DAYS_BACK falls in, unless DAYS_BACK is itself a month end.
  const nextFirst = addMonthsClamped(dayFromYmd(y, m, 1), 1);
  const selectedOn = nextFirst - 1 <= today - DAYS_BACK ? nextFirst - 1 : dayFromYmd(y, m, 1) - 1;
  const launchDay = selectedOn + 1;
  return {
    id: `recall-${formatDay(launchDay).slice(0, 7)}`,
    selectedOn, launchDay, endsOn: launchDay + CAMPAIGN_DAYS - 1,
    holdOutShare: DEMO_CAMPAIGN_SHARE, seed: 'demo', attributionDays: 90,
  };
}

/** Minute of the day the campaign launches (09:00): attempts and returns count after it. */
export const LAUNCH_MINUTE = 9 * 60;
