// Tickets, SOPs and processes in Chromium against the real runtime: a customer asks for a refund; the agent starts
// the suggested refund SOP beside the conversation, fills and completes its steps, and the refund ticket appears
// (made by the SOP's service task on the job executor). An analyst then changes the SOP in the BPMN modeler and
// deploys version 2, while an instance started on version 1 keeps its version. Last, a manager opens the process
// metrics, with SLA and open-ticket figures, and downloads them as CSV.
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
const SECRET = 'e2e-workflow-app-secret-0123456789abcdef';
const FIRST = 'First-password-2026';

describe('tickets, SOPs and processes in Chromium', { skip: skip ?? false }, () => {
  let kefu;
  let admin;
  let browser;
  let page;
  let conversationId;
  const consoleErrors = [];

  async function customerWrites(userId, text, n = 1) {
    const body = JSON.stringify({ userId, text });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = 'sha256=' + createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const r = await fetch(`${kefu.base}/api/webhook/demo/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${userId}-${n}`, 'X-Kefu-Timestamp': timestamp,
        'X-Kefu-Signature': signature },
      body,
    });
    const answer = await r.text();
    assert.equal(r.status, 202, answer);
    return JSON.parse(answer).conversationId;
  }

  async function eventually(what, probe, timeout = 90_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }

  async function user(username, roles, own) {
    const created = await admin('POST', '/api/users', { username, displayName: username, roles, password: FIRST });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const first = await kefu.login(username, FIRST);
    assert.equal((await first('POST', '/api/auth/password', { currentPassword: FIRST, newPassword: own })).status, 204);
    return kefu.login(username, own);
  }

  async function signIn(username, password) {
    await page.context().clearCookies();
    await page.goto(kefu.base + '/');
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
  }

  before(async () => {
    kefu = await startKefu('e2e-workflow', {
      'kefu.channel.webhook-demo.cfg': `app=demo\n.secret=${SECRET}\n`,
      'kefu.bot.cfg': 'channels=webchat\n',
      'kefu.routing.cfg': 'businessDays=1,2,3,4,5,6,7\nbusinessHours=00:00-24:00\n',
    });
    admin = await kefu.login('admin', kefu.adminPassword);
    const zhou = await user('zhou', ['AGENT'], 'Zhou-own-password-1');
    await user('li', ['ANALYST'], 'Li-own-password-1');
    await user('wu', ['SUPERVISOR'], 'Wu-own-password-1');
    const online = await zhou('PUT', '/api/routing/me/presence', { presence: 'ONLINE' });
    assert.equal(online.status, 200, JSON.stringify(online.json));
    // The skills the routing rules ask for refund, delivery and order conversations: whichever intent the bot
    // recognises first (its model may still be training when the first message comes), the conversation reaches
    // this one agent.
    assert.equal((await admin('PUT', `/api/routing/agents/${online.json.userId}`, {
      skills: { refunds: 3, logistics: 3, orders: 3 }, teams: [], capacity: { webhook: 5 } })).status, 200);

    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 }, locale: 'en-US' });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('dialog', (dialog) => dialog.accept());
  });

  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  it('suggests the refund SOP beside a refund conversation', async () => {
    conversationId = await customerWrites('w_refund', 'I want a refund for order E20261122000123, it arrived damaged');
    const zhou = await kefu.login('zhou', 'Zhou-own-password-1');
    await eventually('the conversation to reach the agent', async () =>
      (await zhou('GET', `/api/conversations/${conversationId}`)).json?.assigneeId);
    await signIn('zhou', 'Zhou-own-password-1');
    await page.goto(`${kefu.base}/#/view/kefu.inbox/c/${conversationId}`);
    const suggestion = page.locator('[data-test="sop-suggestion"][data-key="refund-request"]');
    await suggestion.waitFor({ timeout: 30_000 });
  });

  it('starts the SOP, fills and completes its steps, and the refund ticket appears', async () => {
    await page.click('[data-test="sop-start"][data-key="refund-request"]');
    const step = page.locator('[data-test="sop-step"]').first();
    await step.waitFor();
    assert.match(await step.textContent(), /Check the order/);
    assert.match(await page.locator('[data-test="sop-instructions"]').first().textContent(), /refund window/);
    // The order number comes from the conversation (the NLU's order_number slot).
    const order = step.getByLabel(/Order number/);
    await order.waitFor();
    assert.equal(await order.inputValue(), 'E20261122000123');
    await step.getByLabel(/Amount to refund/).fill('199.5');
    await chooseOption(step, /Reason/, /Arrived damaged/);
    await step.getByLabel(/Within the refund policy/).check();
    await page.screenshot({ path: join(screenshots, 'workflow-sop-step1.png') });
    await step.locator('[data-test="sop-complete"]').click();

    // The ticket is created by the SOP's asynchronous service task; the next step follows it.
    const next = page.locator('[data-test="sop-step"]', { hasText: 'Confirm with the customer' });
    await next.waitFor({ timeout: 30_000 });
    const ticketItem = page.locator('[data-test="conversation-ticket"]');
    await ticketItem.first().waitFor({ timeout: 30_000 });
    const tickets = (await admin('GET', `/api/tickets/conversations/${conversationId}`)).json;
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0].type, 'refund');
    assert.equal(tickets[0].teamId, 'finance');
    assert.match(tickets[0].subject, /E20261122000123/);
    let messages;
    const zhou = await kefu.login('zhou', 'Zhou-own-password-1');
    await eventually('the customer to be told the ticket number', async () => {
      messages = JSON.stringify((await zhou('GET', `/api/conversations/${conversationId}/messages`)).json);
      return messages.includes(`ticket #${tickets[0].id}`);
    }, 15_000).catch((e) => assert.fail(`${e.message}: ${messages}`));

    await next.getByLabel(/The customer agrees/).check();
    await next.locator('[data-test="sop-complete"]').click();
    await page.locator('[data-test="sop-finished"][data-key="refund-request"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(screenshots, 'workflow-sop-finished.png') });
  });

  it('lets the analyst change the SOP in the modeler and deploy version 2; running instances keep version 1', async () => {
    // An instance started on version 1 before the change.
    const other = await customerWrites('w_refund_2', 'Refund please, order E20261122000456 never arrived');
    const zhou = await kefu.login('zhou', 'Zhou-own-password-1');
    await eventually('the second conversation to reach the agent', async () =>
      (await zhou('GET', `/api/conversations/${other}`)).json?.assigneeId);
    const started = await zhou('POST', `/api/workflow/conversations/${other}/sops`, { key: 'refund-request' });
    assert.equal(started.status, 201, JSON.stringify(started.json));
    assert.equal(started.json.version, 1);

    await signIn('li', 'Li-own-password-1');
    await page.click('[data-view-id="kefu.workflow.processes"]');
    await page.locator('[data-test="process-list"] li[data-process-key="refund-request"]').click();
    await page.locator('[data-test="current-process"][data-process-key="refund-request"]').waitFor();
    await page.locator('[data-test="canvas"] .djs-element').first().waitFor();
    await page.evaluate(() => {
      const view = document.querySelector('kefu-workflow-processes-view');
      const modeler = view.modelerForTest();
      const task = modeler.get('elementRegistry').get('checkOrder');
      modeler.get('modeling').updateLabel(task, 'Check the order and the payment');
    });
    await page.click('[data-test="validate"]');
    await page.locator('[data-test="validation"][data-valid="true"]').waitFor();
    await page.click('[data-test="deploy"]');
    await page.locator('[data-test="deploy-result"][data-version="2"]').waitFor();
    await page.screenshot({ path: join(screenshots, 'workflow-modeler-deployed.png') });

    const versions = (await admin('GET', '/api/workflow/processes/refund-request/versions')).json;
    assert.deepEqual(versions.map((v) => v.version), [2, 1]);
    assert.ok(versions.find((v) => v.version === 1).running >= 1, 'the instance started before keeps version 1');
    const v2 = (await admin('GET', '/api/workflow/processes/refund-request/versions/2')).json;
    assert.ok(v2.bpmn.includes('Check the order and the payment'));
    assert.ok(v2.forms['refund-check'], 'the forms travel with the new version');
    const task = (await zhou('GET', `/api/workflow/conversations/${other}/sops`)).json.running[0].tasks[0];
    assert.equal(task.name, 'Check the order', 'the running instance still shows version 1');

    // An invalid change is refused with the element and the reason, and nothing is deployed.
    const broken = v2.bpmn.replace('${eligible}', '${eligible ==}');
    const refused = await admin('POST', '/api/workflow/deployments', { bpmn: broken, forms: {} });
    assert.equal(refused.status, 400);
    assert.ok(refused.json.errors.some((e) => e.elementId === 'Flow_eligibleGw_createTicket'), JSON.stringify(refused.json));
    assert.equal((await admin('GET', '/api/workflow/processes/refund-request/versions')).json.length, 2);
  });

  it('shows the manager process metrics, SLAs and open tickets, also as CSV', async () => {
    await signIn('wu', 'Wu-own-password-1');
    await page.click('[data-view-id="kefu.workflow.metrics"]');
    const processes = page.locator('[data-test="process-metrics"]');
    await processes.waitFor();
    await page.locator('[data-test="bottlenecks"][data-process-key="refund-request"]').waitFor();
    await page.locator('[data-test="sla"]').waitFor();
    await page.locator('[data-test="open-tickets"]').waitFor();
    await page.screenshot({ path: join(screenshots, 'workflow-metrics.png') });
    const wu = await kefu.login('wu', 'Wu-own-password-1');
    const metrics = (await wu('GET', '/api/workflow/metrics?days=7')).json;
    const refund = metrics.processes.find((p) => p.key === 'refund-request');
    assert.ok(refund.started >= 2 && refund.completed >= 1, JSON.stringify(refund));
    assert.ok(refund.steps.some((s) => s.activityId === 'checkOrder'), JSON.stringify(refund.steps));
    const csv = await fetch(`${kefu.base}/api/tickets/metrics?format=csv`, { headers: { Cookie: '' } });
    assert.equal(csv.status, 401, 'CSV needs a login too');
    assert.deepEqual(consoleErrors.filter((e) => !/401/.test(e)), []);
  });
});

/** Picks an option of a form-js select (a drop-down of its own over a hidden input, not a native select). */
async function chooseOption(scope, label, option) {
  const field = scope.getByLabel(label);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await field.selectOption({ label: (await field.locator('option').allTextContents()).find((t) => option.test(t)) });
    return;
  }
  const group = scope.locator('.fjs-form-field-select', { has: scope.page().getByLabel(label) }).locator('.fjs-input-group');
  await group.click();
  await scope.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}
