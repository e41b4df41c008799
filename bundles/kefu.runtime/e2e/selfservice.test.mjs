// Self-service end to end in Chromium: a customer asks the bot on the shop page; the bot asks for the order
// number once, answers from the knowledge base with it, and hands off when asked for a person; the agent finds the
// bot's summary, the NLU result of each message and suggested answers in the inbox. Then an analyst teaches a new
// intent in the Intents & training view, retrains, and sees the new model recognise it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, skipReason } from './chromium.mjs';
import { startKefu } from './kefu.mjs';

const skip = skipReason();
const screenshots = resolve(new URL('../target/e2e-screenshots', import.meta.url).pathname);
mkdirSync(screenshots, { recursive: true });

async function signIn(page, base, username, temporary, own) {
  await page.goto(base + '/');
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', temporary);
  await page.click('button[type="submit"]');
  await page.waitForSelector('input[name="currentPassword"]');
  await page.fill('input[name="currentPassword"]', temporary);
  await page.fill('input[name="newPassword"]', own);
  await page.fill('input[name="repeatPassword"]', own);
  await page.click('button[type="submit"]');
}

describe('bot, handoff and agent assist in Chromium', { skip: skip ?? false }, () => {
  let kefu;
  let browser;
  let customer;
  let agent;
  let analyst;
  const errors = [];

  before(async () => {
    kefu = await startKefu('e2e-selfservice');
    const admin = await kefu.login('admin', kefu.adminPassword);
    for (const [username, roles] of [['wang.fang', ['AGENT']], ['chen.jie', ['ANALYST']]]) {
      const created = await admin('POST', '/api/users', { username, displayName: username, roles,
        password: 'Temporary-password-1' });
      assert.equal(created.status, 201);
    }
    browser = await launch();
    const page = async (locale) => (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale })).newPage();
    customer = await page('zh-CN');
    agent = await page('en-US');
    analyst = await page('en-US');
    for (const p of [customer, agent, analyst]) {
      p.on('pageerror', (e) => errors.push(String(e)));
      p.on('console', (m) => { if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text()); });
    }
  });

  after(async () => {
    await browser?.close();
    await kefu?.stop();
  });

  const botSays = async (text) =>
    customer.locator('[data-kefu-message][data-direction="OUTBOUND"]', { hasText: text }).first()
      .waitFor({ timeout: 20_000 });

  const customerWrites = async (text) => {
    await customer.fill('[data-kefu="input"]', text);
    await customer.click('[data-kefu="send"]');
  };

  it('asks once for the missing order number, then answers with it', async () => {
    await customer.goto(kefu.base + '/webchat/demo.html');
    await customer.click('[data-kefu="launcher"]');
    await customer.waitForSelector('[data-kefu="status"][data-state="open"]');
    await customerWrites('我的订单怎么还没发货');
    await botSays('请提供您的订单号');
    await customerWrites('E20261121000123');
    await botSays('E20261121000123 已收到');
  });

  it('hands off when the customer asks for a person, and then stays silent', async () => {
    await customerWrites('转人工');
    await botSays('正在为您转接人工客服');
    await customer.screenshot({ path: join(screenshots, 'selfservice-customer.png') });
  });

  it('gives the agent the summary, the NLU result of each message and insertable suggestions', async () => {
    await signIn(agent, kefu.base, 'wang.fang', 'Temporary-password-1', 'Wang-Fang-own-password-3');
    await agent.click('[data-view-id="kefu.inbox"]');
    await agent.click('[data-tab="unassigned"]');
    await (await agent.waitForSelector('li[data-conversation]', { timeout: 15_000 })).click();
    const note = agent.locator('article[data-message][data-direction="INTERNAL_NOTE"]', { hasText: '机器人转人工' });
    await note.waitFor({ timeout: 15_000 });
    const summary = await note.innerText();
    assert.match(summary, /order_status/);
    assert.match(summary, /order_number=E20261121000123/);
    assert.match(summary, /客户要求人工/);
    await agent.waitForSelector('[data-nlu-intent="order_status"]', { timeout: 15_000 });
    await agent.waitForSelector('[data-entity="order_number"]');
    await agent.waitForSelector('[data-bot-handoff], [data-handling-state]');
    await agent.waitForSelector('li[data-suggestion] [data-action="insert-suggestion"]', { timeout: 15_000 });
    await agent.click('[data-action="take"]');
    await agent.click('li[data-suggestion] [data-action="insert-suggestion"] >> nth=0');
    assert.ok((await agent.inputValue('textarea[name="reply"]')).length > 10);
    await agent.screenshot({ path: join(screenshots, 'selfservice-agent.png') });
  });

  it('lets an analyst teach a new intent, retrain, and see it recognised', async () => {
    await signIn(analyst, kefu.base, 'chen.jie', 'Temporary-password-1', 'Chen-Jie-own-password-4');
    await analyst.click('[data-view-id="kefu.nlu"]');
    await analyst.waitForSelector('li[data-intent="order_status"]');
    await analyst.click('[data-action="new-intent"]');
    await analyst.fill('form[data-form="new-intent"] [name="name"]', 'store_hours');
    await analyst.fill('form[data-form="new-intent"] [name="description"]', 'Opening hours of the shops');
    await analyst.click('[data-action="create-intent"]');
    await analyst.waitForSelector('section[data-intent-detail="store_hours"]');
    for (const example of ['门店几点开门', '实体店营业时间', '你们门店几点关门', '周末门店开吗', '线下店营业到几点',
      '门店营业时间是多少']) {
      await analyst.selectOption('form[data-form="add-example"] select[name="language"]', 'zh');
      await analyst.fill('form[data-form="add-example"] input[name="text"]', example);
      await analyst.click('[data-action="add-example"]');
      await analyst.locator('[data-examples-lang="zh"] li[data-example]', { hasText: example }).waitFor();
    }
    await analyst.waitForSelector('[data-untrained]');
    await analyst.click('[data-action="retrain"]');
    await analyst.waitForSelector('[data-training-result][data-outcome="trained"]', { timeout: 30_000 });
    await analyst.fill('form[data-form="try"] textarea[name="trial"]', '门店周日几点开门');
    await analyst.click('[data-action="analyze"]');
    await analyst.waitForSelector('[data-trial-intent="store_hours"], [data-trial-result] [data-trial-intent]');
    assert.equal(await analyst.getAttribute('[data-trial-result] [data-trial-intent]', 'data-trial-intent'),
      'store_hours');
    await analyst.screenshot({ path: join(screenshots, 'selfservice-analyst.png') });
  });

  it('lets the analyst write a knowledge article, publish it, and find it by searching', async () => {
    await analyst.click('[data-view-id="kefu.knowledge"]');
    await analyst.waitForSelector('li[data-article="demo-refund-zh"][data-status="PUBLISHED"]');
    await analyst.click('[data-action="new-article"]');
    const form = 'form[data-form="article"]';
    await analyst.selectOption(`${form} [name="language"]`, 'zh');
    await analyst.fill(`${form} [name="question"]`, '门店营业时间是几点？');
    await analyst.fill(`${form} [name="alternatives"]`, '门店几点开门\n实体店几点关门');
    await analyst.fill(`${form} [name="answer"]`, '全国门店营业时间为每天 10:00–22:00，节假日照常营业。');
    await analyst.fill(`${form} [name="tags"]`, 'intent:store_hours, 门店');
    await analyst.click('[data-action="save-article"]');
    const created = analyst.locator('li[data-article][data-status="DRAFT"]', { hasText: '门店营业时间是几点' });
    await created.waitFor({ timeout: 15_000 });
    await analyst.click('[data-action="publish"]');
    await analyst.locator('li[data-article][data-status="PUBLISHED"]', { hasText: '门店营业时间是几点' })
      .waitFor({ timeout: 15_000 });
    await analyst.fill('form[data-form="search"] [name="search"]', '实体店晚上几点关门');
    await analyst.click('[data-action="search"]');
    const hit = analyst.locator('ol[data-hits] li[data-hit]').first();
    await hit.waitFor({ timeout: 15_000 });
    assert.match(await hit.innerText(), /门店营业时间是几点/);
    await analyst.screenshot({ path: join(screenshots, 'selfservice-knowledge.png') });
  });

  it('ran without script errors', () => {
    assert.deepEqual(errors, []);
  });
});
