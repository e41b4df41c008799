// The agent's inbox in Chromium against the real runtime: a customer writes through a messaging app (webhook
// channel, signed like a real app), the message appears live in the agent's open inbox, the agent takes the
// conversation, inserts a canned response, sends it, and the app receives the reply.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, skipReason } from './chromium.mjs';
import { startKefu } from './kefu.mjs';

const skip = skipReason();
const screenshots = resolve(new URL('../target/e2e-screenshots', import.meta.url).pathname);
mkdirSync(screenshots, { recursive: true });
const SECRET = 'e2e-demo-app-secret-0123456789abcdef';

describe('agent inbox in Chromium', { skip: skip ?? false }, () => {
  let kefu;
  let browser;
  let page;
  let app;
  const replies = [];
  const consoleErrors = [];

  async function customerWrites(userId, message, key) {
    const body = JSON.stringify({ userId, text: message });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = 'sha256=' + createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const r = await fetch(`${kefu.base}/api/webhook/demo/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Kefu-Timestamp': timestamp,
        'X-Kefu-Signature': signature },
      body,
    });
    const text = await r.text();
    assert.equal(r.status, 202, text);
    return JSON.parse(text);
  }

  before(async () => {
    app = createServer((request, response) => {
      let data = '';
      request.on('data', (chunk) => { data += chunk; });
      request.on('end', () => { replies.push(JSON.parse(data)); response.writeHead(200).end(); });
    });
    await new Promise((ok) => app.listen(0, '127.0.0.1', ok));
    kefu = await startKefu('e2e-inbox', {
      'kefu.channel.webhook-demo.cfg': `app=demo\n.secret=${SECRET}\noutboundUrl=http://127.0.0.1:${app.address().port}/replies\n`,
      // This company sends its messaging-app customers straight to agents: the bot answers web chat only.
      'kefu.bot.cfg': 'channels=webchat\n',
    });
    const admin = await kefu.login('admin', kefu.adminPassword);
    const agent = await admin('POST', '/api/users', { username: 'zhou', displayName: '周敏', roles: ['AGENT'],
      password: 'Agent-password-2026' });
    assert.equal(agent.status, 201);
    const macro = await admin('POST', '/api/macros', { title: 'Shipping delay', body: '{{customer.name}}，您好！您的订单已发货。' });
    assert.equal(macro.status, 201);
    await customerWrites('o6_first', '你好，在吗', 'k-1');

    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  });

  after(async () => {
    await browser?.close();
    await kefu?.stop();
    app?.close();
  });

  it('logs the agent in to the inbox', async () => {
    await page.goto(kefu.base + '/');
    await page.fill('input[name="username"]', 'zhou');
    await page.fill('input[name="password"]', 'Agent-password-2026');
    await page.click('button[type="submit"]');
    // An admin-set password must be replaced at first login.
    await page.waitForSelector('input[name="currentPassword"]');
    await page.fill('input[name="currentPassword"]', 'Agent-password-2026');
    await page.fill('input[name="newPassword"]', 'Zhou-own-password-1');
    await page.fill('input[name="repeatPassword"]', 'Zhou-own-password-1');
    await page.click('button[type="submit"]');
    await page.click('[data-view-id="kefu.inbox"]');
    await page.click('[data-tab="unassigned"]');
    await page.waitForSelector('li[data-conversation]');
  });

  it('shows a new customer message live, as text', async () => {
    const receipt = await customerWrites('o6_wang', '我的订单怎么还没发货？<script>window.hacked=1</script>', 'k-2');
    const row = await page.waitForSelector(`li[data-conversation="${receipt.conversationId}"]`, { timeout: 15_000 });
    await row.click();
    await page.waitForSelector('article[data-message][data-direction="INBOUND"]');
    assert.equal(await page.evaluate(() => window.hacked), undefined);
    await page.getByText('<script>window.hacked=1</script>', { exact: false }).first().waitFor();
  });

  it('takes the conversation, inserts a canned response and the app receives the reply', async () => {
    await page.click('[data-action="take"]');
    await page.click('[data-action="macros"]');
    await page.click('[data-macro]');
    const text = await page.inputValue('textarea[name="reply"]');
    assert.match(text, /您好！您的订单已发货/);
    assert.doesNotMatch(text, /\{\{/);
    await page.click('[data-action="send"]');
    await page.waitForSelector('article[data-message][data-direction="OUTBOUND"][data-delivery="SENT"]', { timeout: 20_000 });
    assert.ok(replies.some((r) => r.userId === 'o6_wang' && /您的订单已发货/.test(r.text)));
    await page.screenshot({ path: join(screenshots, 'inbox.png') });
  });

  it('puts the open conversation in the address, so a link opens it in another tab', async () => {
    const link = page.url();
    assert.match(link, /#\/view\/kefu\.inbox\/c\/[0-9a-f-]{36}$/);
    // Another browser context signed in with the same session cookie: it shares no sessionStorage, so only the
    // link can open the conversation there.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      await context.addCookies(await page.context().cookies());
      const other = await context.newPage();
      await other.goto(link);
      await other.waitForSelector('article[data-message][data-direction="OUTBOUND"][data-delivery="SENT"]', { timeout: 15_000 });
      assert.equal(other.url(), link);
    } finally {
      await context.close();
    }
  });

  it('ran without script errors or failed requests', () => {
    // The shell asks "who am I" before login and gets the expected 401.
    assert.deepEqual(consoleErrors.filter((e) => !/status of 401/.test(e)), []);
  });
});
