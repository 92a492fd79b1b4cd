import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../src/api/serve.js';
import { loadDemoCenter } from '../src/api/testing/demo-center.js';
import { DEMO_PASSWORD } from '../src/demo/demo-logins.js';
import { DEFAULT_TIME_ZONE, formatDay, localDayOfInstant } from '../src/domain/dates.js';
import { getActivePolicy } from '../src/engine/active-policy.js';
import { processDue } from '../src/engine/programs/index.js';
import { minutesOfClock } from '../src/outbox/contact-policy.js';
import { defaultPrograms } from '../src/programs/default-programs.js';
import type { Db } from '../src/store/db.js';
import { openDb } from '../src/store/open-db.js';

/** Debian's chromium package (`.ci/run` installs it); RETAIN_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.RETAIN_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * Where the screenshots go: a temporary folder, so a test run leaves the checkout as it was;
 * `RETAIN_SCREENSHOTS=docs/screenshots npm run e2e` refreshes the ones the README links.
 */
export const SCREENSHOTS = process.env.RETAIN_SCREENSHOTS
  ? join(ROOT, process.env.RETAIN_SCREENSHOTS)
  : join(tmpdir(), 'retain-screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface Harness {
  db: Db;
  server: RunningServer;
  browser: Browser;
  /** The store day the demo center was evaluated on and the server's clock reads. */
  today: string;
  close(): Promise<void>;
}

/**
 * The harness of a test file: started before its first test, closed after its last. The object
 * is filled in when it has started, so the tests use it as they find it.
 */
export function useHarness(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness());
  }, 180_000);
  afterAll(async () => {
    await h.close?.();
  });
  return h;
}

/**
 * The whole product for a browser test: the web app built, a small demo service center (two
 * stores, 300 customers, its prediction models fitted (the network's: each store is below the
 * policy's minimum of customers; 300 customers lose too few a half-year for the churn model's
 * usual minimum of 20 outcomes, so it trains on 5), evaluated today and at three past month ends, the program engine's due
 * work done) in an in-memory PGlite,
 * `retain serve` on a free port, and headless Chromium with a fresh profile.
 */
async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set RETAIN_CHROMIUM`);
  execFileSync(process.execPath, [join(ROOT, 'web', 'build-if-stale.mjs')], { stdio: 'inherit' });
  const db = await openDb({});
  const now = workingMoment(new Date());
  const shift = Date.now() - now.getTime();
  const today = formatDay(localDayOfInstant(now.getTime(), DEFAULT_TIME_ZONE));
  await loadDemoCenter(db, { customers: 300, stores: 2, asOf: today, now, backfillMonths: 3, fitModels: { churn: { minOutcomes: 5 } } });
  // Scoring starts the programs but opens no tasks: that is the worker's clock (processDue), which
  // the demo does not run. Run it once, as a worker would, so the inbox has the engine's own tasks.
  while ((await processDue(db, now, { limit: 500 })) > 0);
  const server = await startServer({ db, policy: () => getActivePolicy(db), clock: () => new Date(Date.now() - shift) }, { port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'retain-chromium-'));
  // launchPersistentContext would own the profile; launch() makes its own fresh, temporary one
  // (Playwright refuses --user-data-dir there), so `profile` only holds downloads.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    downloadsPath: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    db,
    server,
    browser,
    today,
    async close() {
      await browser.close();
      await server.close();
      await db.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * `real`, or when the store is closed the last hour before its working hours ended. Care steps
 * wait for working hours, so a harness started at night would find no care task open; on this
 * clock the tests find the same work whatever hour they run. The clock only ever runs behind the
 * real one, so the database's now() is never earlier than the harness's.
 */
function workingMoment(real: Date): Date {
  const { start, end } = defaultPrograms().workingHours;
  const local = DateTime.fromJSDate(real, { zone: DEFAULT_TIME_ZONE });
  const midnight = local.startOf('day');
  const opens = midnight.plus({ minutes: minutesOfClock(start) });
  const lastHour = midnight.plus({ minutes: minutesOfClock(end) - 60 });
  if (local >= opens && local < lastHour) return real;
  return (local >= lastHour ? lastHour : lastHour.minus({ days: 1 })).toJSDate();
}

/** A fresh browser session (its own cookies) at a viewport, optionally in English from the start. */
export async function newPage(h: Harness, viewport = DESKTOP, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport, baseURL: h.server.url, locale: lang, acceptDownloads: true });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('retain.lang', 'en'));
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('me').waitFor();
}

/** Waits until the page has settled (no spinner, requests done), then saves <SCREENSHOTS>/<name>-<width>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
}

/** How wide the page lays out (more than the viewport means sideways scrolling). */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * Opens `path` at phone width as `user`, waits for `ready`, saves its screenshot and returns how
 * wide it laid out, for the caller to hold to the phone's width.
 */
export async function phoneScreenshot(h: Harness, user: string, path: string, ready: string, name: string): Promise<number> {
  const { context, page } = await newPage(h, PHONE);
  await signIn(page, user);
  await page.goto(path);
  await page.getByTestId(ready).waitFor();
  await screenshot(page, name);
  const width = await pageWidth(page);
  await context.close();
  return width;
}
