// What a person does in the workbench, in a real Chromium against the real runtime: the first admin logs in,
// replaces the generated password, finds the built-in views, creates an agent, and watches a vendor's plug-in
// view appear when its jar is dropped into plugins/ and disappear when it is deleted.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, skipReason } from './chromium.mjs';
import { samplePlugin, startKefu } from './kefu.mjs';

const skip = skipReason();
if (skip) console.log(`# ${skip}`);
const screenshots = resolve(new URL('../target/e2e-screenshots', import.meta.url).pathname);
mkdirSync(screenshots, { recursive: true });

describe('workbench in Chromium', { skip: skip ?? false }, () => {
  let kefu;
  let browser;
  let page;
  const consoleErrors = [];
  const newPassword = 'Kefu-e2e-password-2026';

  before(async () => {
    kefu = await startKefu('e2e');
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
  });

  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    await page.goto(kefu.base + '/');
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', 'not-the-password');
    await page.click('button[type="submit"]');
    await page.getByText('Wrong username or password').waitFor();
  });

  it('logs the first admin in and makes them replace the generated password', async () => {
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', kefu.adminPassword);
    await page.click('button[type="submit"]');
    await page.waitForSelector('input[name="currentPassword"]');
    await page.fill('input[name="currentPassword"]', kefu.adminPassword);
    await page.fill('input[name="newPassword"]', newPassword);
    await page.fill('input[name="repeatPassword"]', newPassword);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-view-id="kefu.home"]');
    await page.screenshot({ path: join(screenshots, 'shell-home.png') });
  });

  it('shows the built-in views an admin may open, each loading its module', async () => {
    for (const id of ['kefu.home', 'kefu.users', 'kefu.audit', 'kefu.platform']) {
      await page.waitForSelector(`[data-view-id="${id}"]`);
    }
    await page.click('[data-view-id="kefu.platform"]');
    await page.waitForSelector('tr[data-bundle="kefu.workbench"]');
    assert.match(page.url(), /#\/view\/kefu\.platform$/);
  });

  it('shows the channel settings generated from each channel\'s configuration description', async () => {
    await page.click('[data-view-id="kefu.channels"]');
    await page.waitForSelector('section[data-kind="kefu.channel.webhook"]');
    await page.waitForSelector('section[data-kind="kefu.channel.email"]');
    await page.click('[data-action="add"][data-kind="kefu.channel.webhook"]');
    await page.waitForSelector('form[data-form="kefu.channel.webhook"] [name=".secret"]');
    await page.screenshot({ path: join(screenshots, 'channel-settings.png') });
    await page.click('[data-action="cancel"]');
  });

  it('lets the admin create an agent and shows the generated password once', async () => {
    await page.click('[data-view-id="kefu.users"]');
    await page.click('[data-action="new-user"]');
    // Opened views stay in the page while hidden, so selectors are scoped to the view at hand.
    await page.fill('kefu-users-view form input[name="username"]', 'li.na');
    await page.fill('kefu-users-view form input[name="displayName"]', '李娜');
    await page.click('kefu-users-view form button[type="submit"]');
    const secret = await page.waitForSelector('kefu-users-view input[data-secret]');
    assert.ok((await secret.inputValue()).length >= 10);
    await page.screenshot({ path: join(screenshots, 'users-created.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('kefu-users-view tr[data-user="li.na"]');
  });

  it('shows a plug-in view live when its jar is dropped in, and removes it when deleted', async () => {
    const jar = join(kefu.home, 'plugins', 'parcel-tracking.jar');
    copyFileSync(samplePlugin, jar);
    const nav = await page.waitForSelector('[data-view-id="example.parcels"]', { timeout: 30_000 });
    await nav.click();
    await page.fill('example-parcel-view input[name="tracking"]', 'SF1234567890123');
    await page.keyboard.press('Enter');
    await page.getByText('SF Express').waitFor();
    await page.screenshot({ path: join(screenshots, 'plugin-view.png') });

    rmSync(jar);
    await page.waitForSelector('[data-view-id="example.parcels"]', { state: 'detached', timeout: 30_000 });
  });

  it('logs out back to the login form', async () => {
    await page.click('[data-action="logout"]');
    await page.waitForSelector('input[name="username"]');
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    // The wrong-password attempt logs its 401 as a failed resource load; that one is expected.
    assert.ok(consoleErrors.some((e) => /401/.test(e)), 'the console is being listened to');
    const unexpected = consoleErrors.filter((e) => !/401/.test(e));
    assert.deepEqual(unexpected, []);
  });
});
