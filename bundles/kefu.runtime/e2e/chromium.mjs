// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own). Where Chromium is not
// installed the browser tests are skipped with a message, except in CI (CI=true), where that is a failure.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const executablePath = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
export const inCi = process.env.CI === 'true';

export function skipReason() {
  if (existsSync(executablePath)) return null;
  const why = `Chromium not found at ${executablePath} (apt-get install chromium)`;
  if (inCi) throw new Error(`${why}: CI must run the browser tests`);
  return `${why}; skipping the browser tests (they run in CI)`;
}

export function launch() {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
