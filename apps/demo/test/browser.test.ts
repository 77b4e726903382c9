// The page in a real browser: Debian's Chromium, headless, driven by playwright-core. It
// loads the page, sees a user's events arrive over @rel/core/client, switches the upstream
// to an outage and sees the breaker open, then to recovery and sees it close again.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ReliabilityConfigInput } from '@rel/config';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serve, type ServeHandle } from '../src/serve/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const available = existsSync(CHROMIUM);
const required = process.env['REL_REQUIRE_BROWSER'] === '1';

// Short breaker windows so that opening and closing take a couple of seconds.
const fast: ReliabilityConfigInput = {
  circuitBreaker: { openMs: 1_000, maxOpenMs: 2_000, windowMs: 3_000, minimumThroughput: 6 },
  health: { windowMs: 3_000, recentErrorWindowMs: 3_000 },
};

let browser: Browser | undefined;
let handle: ServeHandle | undefined;
afterAll(async () => {
  await browser?.close();
  await handle?.close();
});

describe('the demo page in Chromium', () => {
  if (!available && !required) {
    it.skip(`skipped: ${CHROMIUM} not found (install Debian's chromium; REL_REQUIRE_BROWSER=1 makes this a failure)`, () => {});
    return;
  }

  it("streams a user's events, and shows the breaker open on an outage and close on recovery", async () => {
    expect(
      available,
      `REL_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: install Debian's chromium package`,
    ).toBe(true);
    handle = await serve({
      port: 0,
      output: { write: () => true },
      config: { env: false, overrides: { openai: fast, tools: fast } },
      pauseMs: [150, 500],
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await mkdir(ARTIFACTS, { recursive: true });

    await page.goto(`${handle.url}/?user=bob`);
    await page.waitForSelector('#connection[data-conn="open"]', { timeout: 10_000 });
    await page.waitForFunction('document.querySelectorAll("#runs .event").length >= 10', undefined, {
      timeout: 10_000,
    });
    expect(await page.textContent('#token-note')).toMatch(/^Demo only/);
    // Only bob's runs: every run card is in one of bob's threads.
    const threads = await page.$$eval('#runs .run header span:last-child', (spans) =>
      spans.map((s) => s.textContent),
    );
    expect(threads.length).toBeGreaterThan(0);
    for (const thread of threads) expect(thread).toMatch(/^bob-chat-\d$/);
    await page.waitForSelector(
      '#services [data-service="openai"] [data-field="breaker"][data-state="closed"]',
    );
    await page.waitForSelector('#chart polyline[data-series="upstream"]', { state: 'attached' });

    await page.click('button[data-fault="outage"]');
    await page.waitForSelector('#fault[data-mode="outage"]', { timeout: 5_000 });
    await page.waitForSelector(
      '#services [data-service="openai"] [data-field="breaker"][data-state="open"]',
      {
        timeout: 20_000,
      },
    );
    await page.waitForSelector('#runs .event[data-type="agent_fallback"]', { timeout: 10_000 });
    await page.screenshot({ path: `${ARTIFACTS}demo-page-outage.png`, fullPage: true });

    await page.click('button[data-fault="recovery"]');
    for (const service of ['openai', 'tools']) {
      await page.waitForSelector(
        `#services [data-service="${service}"] [data-field="breaker"][data-state="closed"]`,
        {
          timeout: 20_000,
        },
      );
    }
    await page.waitForSelector('#transitions li[data-state="closed"]');
    await page.screenshot({ path: `${ARTIFACTS}demo-page.png`, fullPage: true });
    expect(existsSync(`${ARTIFACTS}demo-page.png`)).toBe(true);
    expect(problems).toEqual([]);
  });
});
