// The analyst's rule lifecycle in Chromium against the real runtime: she adds a routing rule in the Routing rules
// view, sees the validation error of her first try, fixes it, runs the scenarios, simulates it on the recorded
// decisions, publishes, and the next conversation is routed by the new version (to the online agent, with the rule
// named in the decision); then she rolls back and the conversation after that is routed by version 1 again. Last, a
// supervisor goes online in the inbox and watches agents and queues on the live board.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, skipReason } from './chromium.mjs';
import { startKefu } from './kefu.mjs';

const skip = skipReason();
const screenshots = resolve(new URL('../target/e2e-screenshots', import.meta.url).pathname);
mkdirSync(screenshots, { recursive: true });
const SECRET = 'e2e-routing-app-secret-0123456789abcdef';
const RULE_NAME = 'Customers who name the VIP line go to the VIP queue';
const BROKEN_RULE = `
rule "${RULE_NAME}"
    salience 30
when
    Contact(withAgent == false, mentions("vip line")
    $d : Decision()
then
    $d.routeTo("vip");
end
`;
const FIXED_RULE = BROKEN_RULE.replace('mentions("vip line")', 'mentions("vip line"))');

describe('routing rules in Chromium', { skip: skip ?? false }, () => {
  let kefu;
  let admin;
  let browser;
  let page;
  let agentId;
  const consoleErrors = [];

  async function customerWrites(userId, text) {
    const body = JSON.stringify({ userId, text });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = 'sha256=' + createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const r = await fetch(`${kefu.base}/api/webhook/demo/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${userId}-1`, 'X-Kefu-Timestamp': timestamp,
        'X-Kefu-Signature': signature },
      body,
    });
    const answer = await r.text();
    assert.equal(r.status, 202, answer);
    return JSON.parse(answer).conversationId;
  }

  /** The conversation's newest routing decision, once it has one. */
  async function decisionOf(conversationId, wanted) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await admin('GET', `/api/routing/conversations/${conversationId}/decisions`);
      assert.equal(r.status, 200);
      const found = r.json.find(wanted);
      if (found) return found;
      if (Date.now() > deadline) assert.fail(`no matching decision for ${conversationId}: ${JSON.stringify(r.json)}`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }

  async function editor(label) {
    const content = page.locator(`kefu-code-editor[label="${label}"] .cm-content`);
    await content.waitFor();
    return content;
  }

  /** Logs a new user in for the first time in {@code tab}, replacing the password the admin gave them. */
  async function firstLogin(tab, username, ownPassword) {
    await tab.goto(kefu.base + '/');
    await tab.fill('input[name="username"]', username);
    await tab.fill('input[name="password"]', 'First-password-2026');
    await tab.click('button[type="submit"]');
    await tab.waitForSelector('input[name="currentPassword"]');
    await tab.fill('input[name="currentPassword"]', 'First-password-2026');
    await tab.fill('input[name="newPassword"]', ownPassword);
    await tab.fill('input[name="repeatPassword"]', ownPassword);
    await tab.click('button[type="submit"]');
  }

  before(async () => {
    kefu = await startKefu('e2e-routing', {
      'kefu.channel.webhook-demo.cfg': `app=demo\n.secret=${SECRET}\n`,
      // Messaging-app customers go straight to agents: the bot answers web chat only.
      'kefu.bot.cfg': 'channels=webchat\n',
      // Always in business hours, so that the out-of-hours rule does not depend on when the test runs.
      'kefu.routing.cfg': 'businessDays=1,2,3,4,5,6,7\nbusinessHours=00:00-24:00\n',
    });
    admin = await kefu.login('admin', kefu.adminPassword);
    for (const [username, roles] of [['li', ['ANALYST']], ['zhou', ['AGENT']], ['wu', ['AGENT', 'SUPERVISOR']]]) {
      const created = await admin('POST', '/api/users', { username, displayName: username, roles,
        password: 'First-password-2026' });
      assert.equal(created.status, 201, JSON.stringify(created.json));
    }
    // The agent goes online with room for messaging-app conversations.
    const firstLogin = await kefu.login('zhou', 'First-password-2026');
    assert.equal((await firstLogin('POST', '/api/auth/password', { currentPassword: 'First-password-2026',
      newPassword: 'Zhou-own-password-1' })).status, 204);
    const zhou = await kefu.login('zhou', 'Zhou-own-password-1');
    const online = await zhou('PUT', '/api/routing/me/presence', { presence: 'ONLINE' });
    assert.equal(online.status, 200, JSON.stringify(online.json));
    agentId = online.json.userId;
    const profile = await admin('PUT', `/api/routing/agents/${agentId}`, { skills: { writing: 3 }, teams: [],
      capacity: { webhook: 5 } });
    assert.equal(profile.status, 200, JSON.stringify(profile.json));

    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  });

  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  it('routes by version 1 before any change', async () => {
    const conversation = await customerWrites('r_before', 'Please put me through to the vip line');
    const decision = await decisionOf(conversation, (d) => d.queueId);
    assert.equal(decision.ruleSetVersion, 1);
    assert.equal(decision.queueId, 'general');
    assert.ok(decision.firedRules.includes('Everyone starts in the general queue'), decision.firedRules.join());
  });

  it('opens the rules view as the analyst', async () => {
    await firstLogin(page, 'li', 'Li-own-password-1');
    await page.click('[data-view-id="kefu.routing.rules"]');
    const rules = await editor('Routing rules');
    await page.waitForFunction(() => document.querySelector('kefu-code-editor[label="Routing rules"]')?.value
      ?.includes('Everyone starts in the general queue'));
    assert.ok(await rules.isVisible());
  });

  it('shows the line of a compile error, and nothing is published', async () => {
    const rules = await editor('Routing rules');
    await rules.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(BROKEN_RULE);
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    const problem = page.getByRole('button', { name: /^Line \d+/ }).first();
    await problem.waitFor();
    const text = await problem.textContent();
    const total = (await page.evaluate(() => document.querySelector('kefu-code-editor[label="Routing rules"]').value))
      .split('\n').length;
    const line = Number(text.match(/Line (\d+)/)[1]);
    assert.ok(line > total - 12 && line <= total, `the error points into the new rule: ${text} (of ${total} lines)`);
    await page.screenshot({ path: join(screenshots, 'routing-rules-error.png') });
    const overview = await admin('GET', '/api/routing/rules');
    assert.equal(overview.json.active.version, 1);
  });

  it('validates the fixed rule, runs the scenarios and publishes version 2', async () => {
    const rules = await editor('Routing rules');
    const published = (await admin('GET', '/api/routing/rules/versions/1')).json.drl;
    await rules.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(published + FIXED_RULE);
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.getByText(/Valid: 34 rules/).waitFor();
    await page.getByRole('button', { name: 'Run scenarios', exact: true }).click();
    await page.getByText(/34 passed, 0 failed/).waitFor();
    // The first conversation of this test, replayed with the draft, would now go to the VIP queue.
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByText('1 of 1 decisions would change').waitFor();
    await page.getByRole('textbox', { name: 'What changed' }).fill('The VIP line goes to the VIP queue');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Version 2 is live').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'routing-rules-published.png') });
  });

  it('routes the next conversation by version 2, to the online agent', async () => {
    const conversation = await customerWrites('r_after', 'Please put me through to the vip line');
    const decision = await decisionOf(conversation, (d) => d.ruleSetVersion === 2 && d.queueId);
    assert.equal(decision.queueId, 'vip');
    assert.ok(decision.firedRules.includes(RULE_NAME), decision.firedRules.join());
    // The decision records the agent it went to once assigned.
    await decisionOf(conversation, (d) => d.id === decision.id && d.agentId === agentId);

  });

  it('rolls back to version 1 in one click', async () => {
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByText('Version 1 is live again').first().waitFor();
    const conversation = await customerWrites('r_rolled_back', 'Please put me through to the vip line');
    const decision = await decisionOf(conversation, (d) => d.queueId);
    assert.equal(decision.ruleSetVersion, 1);
    assert.equal(decision.queueId, 'general');
    const audit = await admin('GET', '/api/audit?limit=50');
    const actions = JSON.stringify(audit.json);
    assert.ok(actions.includes('routing.rules.publish') && actions.includes('routing.rules.activate'), actions);
    // The shell's first look at the session, before login, is the only expected error.
    assert.deepEqual(consoleErrors.filter((e) => !/401/.test(e)), []);
  });

  it('lets a supervisor go online in the inbox and watch queues and agents on the live board', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const supervisor = await context.newPage();
    supervisor.on('pageerror', (e) => consoleErrors.push(String(e)));
    await firstLogin(supervisor, 'wu', 'Wu-own-password-1');
    await supervisor.click('[data-view-id="kefu.inbox"]');
    const presence = supervisor.getByRole('combobox', { name: 'Presence' });
    await presence.waitFor();
    await presence.selectOption('ONLINE');
    await supervisor.click('[data-view-id="kefu.routing.board"]');
    // zhou holds the three conversations of this test; wu is online with nothing yet.
    await supervisor.getByText('webhook 3/5').first().waitFor();
    const row = supervisor.getByRole('row', { name: /wu/ });
    await row.getByText('Online').first().waitFor();
    await supervisor.screenshot({ path: join(screenshots, 'routing-board.png') });
    await context.close();
  });
});
