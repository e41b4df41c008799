// Web chat end to end in Chromium: a customer on the demo shop page opens the widget and writes; an agent, with
// the inbox open in a second browser, sees the message arrive live, replies; the customer sees the reply in the
// widget; after a reload of the shop page the conversation is still there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, skipReason } from './chromium.mjs';
import { startKefu } from './kefu.mjs';

const skip = skipReason();
const screenshots = resolve(new URL('../target/e2e-screenshots', import.meta.url).pathname);
mkdirSync(screenshots, { recursive: true });

describe('web chat in Chromium', { skip: skip ?? false }, () => {
  let kefu;
  let browser;
  let customer;
  let agent;
  const errors = [];

  before(async () => {
    kefu = await startKefu('e2e-webchat');
    const admin = await kefu.login('admin', kefu.adminPassword);
    const created = await admin('POST', '/api/users', { username: 'li.na', displayName: '李娜', roles: ['AGENT'],
      password: 'Temporary-password-1' });
    assert.equal(created.status, 201);
    browser = await launch();
    customer = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
    for (const page of [customer, agent]) {
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text()); });
      page.on('response', (r) => { if (r.status() === 404) errors.push(`404 ${r.url()}`); });
    }
  });

  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  it('has the agent waiting in the inbox', async () => {
    await agent.goto(kefu.base + '/');
    await agent.fill('input[name="username"]', 'li.na');
    await agent.fill('input[name="password"]', 'Temporary-password-1');
    await agent.click('button[type="submit"]');
    await agent.waitForSelector('input[name="currentPassword"]');
    await agent.fill('input[name="currentPassword"]', 'Temporary-password-1');
    await agent.fill('input[name="newPassword"]', 'Li-Na-own-password-2');
    await agent.fill('input[name="repeatPassword"]', 'Li-Na-own-password-2');
    await agent.click('button[type="submit"]');
    await agent.click('[data-view-id="kefu.inbox"]');
    await agent.click('[data-tab="unassigned"]');
    await agent.waitForSelector('[data-empty="list"], li[data-conversation]');
  });

  it('lets the customer write from the shop page and the agent sees it live', async () => {
    await customer.goto(kefu.base + '/webchat/demo.html');
    await customer.click('[data-kefu="launcher"]');
    await customer.waitForSelector('[data-kefu="status"][data-state="open"]');
    await customer.fill('[data-kefu="input"]', '人工客服，我的订单 A123456 怎么还没发货？');
    await customer.click('[data-kefu="send"]');
    await customer.waitForSelector('[data-kefu-message][data-direction="INBOUND"][data-state="sent"]');
    // The bot answers web chat first; asked for a person, it hands the conversation to the agents' queue.
    await customer.locator('[data-kefu-message][data-direction="OUTBOUND"]', { hasText: '人工客服' }).first()
      .waitFor({ timeout: 15_000 });

    const row = await agent.waitForSelector('li[data-conversation]', { timeout: 15_000 });
    await row.click();
    await agent.getByText('人工客服，我的订单 A123456 怎么还没发货？').first().waitFor();
  });

  it('delivers the agent\'s reply into the widget', async () => {
    await agent.click('[data-action="take"]');
    await agent.fill('textarea[name="reply"]', '您好，您的订单今天下午发出。');
    await agent.click('[data-action="send"]');
    await customer.waitForSelector('[data-kefu-message][data-direction="OUTBOUND"]', { timeout: 15_000 });
    await customer.getByText('您好，您的订单今天下午发出。').waitFor();
    await customer.screenshot({ path: join(screenshots, 'webchat-customer.png') });
    await agent.screenshot({ path: join(screenshots, 'webchat-agent.png') });
  });

  it('keeps the conversation when the customer reloads the page', async () => {
    await customer.reload();
    const launcher = await customer.waitForSelector('[data-kefu="launcher"]');
    if (!(await customer.$('[data-kefu="panel"]:visible'))) await launcher.click();
    await customer.getByText('人工客服，我的订单 A123456 怎么还没发货？').waitFor({ timeout: 15_000 });
    await customer.getByText('您好，您的订单今天下午发出。').waitFor();
  });

  it('ran without script errors', () => {
    assert.deepEqual(errors, []);
  });
});
