import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's chromium package (the e2e tests use the same); RETAIN_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.RETAIN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Prints an HTML page to A4 PDF with headless Chromium: the browser's layout and font fallback
 * render Chinese correctly, which PDF libraries without text shaping do not.
 */
export async function printPdf(html: string): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set RETAIN_CHROMIUM`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
  } finally {
    await browser.close();
  }
}
