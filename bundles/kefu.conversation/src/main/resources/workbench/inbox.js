// @ts-check
// The agent's inbox (收件箱): conversation list, the open conversation with its composer, and the customer panel,
// topped by agent assist (what understanding made of the dialogue, suggested answers) when kefu.nlu and
// kefu.knowledge are installed. With kefu.routing installed, the list's header carries the agent's presence and load,
// and the side panel explains where routing sent the open conversation and why. With kefu.workflow installed, the side
// panel guides the agent through procedures (SOPs: suggested ones, each running one's current step with its form); with
// kefu.ticketing, it lists the conversation's tickets and creates new ones (see work-panel.js).
//
// Plain JavaScript on purpose: the kefu.conversation bundle serves this folder as it is (no build step), and the
// shell's import map supplies 'lit', 'lit/…' and '@kefu/workbench'. Types are JSDoc only.
//
// Like Kefu's built-in views it renders into the light DOM, so tests and assistive tools see plain page elements;
// its own styles are therefore adopted into the document once, every rule scoped under the element's tag name.
//
// Customer text (names, subjects, message bodies) is only ever inserted through Lit's text bindings, which escape
// it: a message containing <script> or <img onerror> shows as those characters.
import { LitElement, html, css, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, currentUser, formatDateTime, hasRole, Loader, LocaleController, locale, pager,
  registerMessages, t, toast,
} from '@kefu/workbench';
import './work-panel.js';

/**
 * @typedef {{items: T[], offset: number, limit: number, total: number}} Page
 * @template T
 */
/**
 * @typedef {object} InboxEntry
 * @property {string} id
 * @property {string} customerId
 * @property {string|null} customerName
 * @property {string} channel
 * @property {string} status
 * @property {string|null} handling
 * @property {string|null} assigneeId
 * @property {string|null} subject
 * @property {string|null} lastMessageAt
 * @property {string|null} lastMessage
 */
/**
 * @typedef {object} Conversation
 * @property {string} id
 * @property {string} customerId
 * @property {string} channel
 * @property {string} status
 * @property {string|null} handling
 * @property {string|null} queueId
 * @property {string|null} assigneeId
 * @property {string|null} subject
 * @property {string|null} openedAt
 * @property {string|null} updatedAt
 */
/** @typedef {{id: string, fileName: string, mediaType: string, sizeBytes: number}} Attachment */
/**
 * @typedef {object} Message
 * @property {string} id
 * @property {string} conversationId
 * @property {'INBOUND'|'OUTBOUND'|'INTERNAL_NOTE'} direction
 * @property {string} channel
 * @property {string} body
 * @property {string|null} channelMessageId
 * @property {string|null} authorId
 * @property {Attachment[]} [attachments]
 * @property {'RECEIVED'|'PENDING'|'SENT'|'FAILED'|'INTERNAL'} delivery
 * @property {string|null} [deliveryError] why the channel gave up on a FAILED reply
 * @property {string} sentAt
 */
/** @typedef {{id: string, username: string, displayName: string}} Agent */
/** @typedef {{id: string, title: string, body: string}} Macro */
/** @typedef {{id: string, otherCustomerId: string, otherCustomerName: string|null, mergedAt: string, undoneAt: string|null}} Merge */
/**
 * @typedef {object} Profile
 * @property {string} id
 * @property {string|null} displayName
 * @property {string|null} tier
 * @property {{type: string, value: string, verified: boolean}[]} identities
 * @property {string[]} tags
 * @property {Conversation[]} conversations
 * @property {Merge[]} [merges]
 * @property {string|null} createdAt
 */
/** @typedef {{id: string, conversation: Conversation, messages: Message[]}} Thread */
/** @typedef {{topic: string, conversation?: string, customer?: string, message?: string, assignee?: string, status?: string}} LiveEvent */
/** @typedef {{intent: string|null, confidence: number, outOfScope: boolean}} IntentPrediction */
/** @typedef {{type: string, text: string, value: string, start: number, end: number}} Entity */
/**
 * What the NLU bundle understood of one inbound message (GET /api/nlu/conversations/{id}).
 * @typedef {object} NluResult
 * @property {string} messageId
 * @property {string|null} language
 * @property {IntentPrediction|null} intent
 * @property {Entity[]} entities
 * @property {{label: string, score: number}|null} sentiment
 */
/**
 * The dialogue so far: the intent it is about, the details (slots) known, the sentiment of each customer turn.
 * @typedef {object} DialogueState
 * @property {string} conversationId
 * @property {string|null} intent
 * @property {Record<string, string>} slots
 * @property {string[]} sentimentTrend
 * @property {number} turns
 * @property {string|null} updatedAt
 */
/** @typedef {{id: string, state: DialogueState|null, byMessage: Map<string, NluResult>}} Understanding */
/** @typedef {{id: string, question: string, answer: string, score: number|null, source: string|null, language: string|null}} Suggestion */
/** @typedef {{conversationId: string, messageId: string, text: string}} SuggestionQuery */
/**
 * Which optional features this Kefu offers this user: understanding (kefu.nlu), suggestions (kefu.knowledge), the
 * agent's presence and routing's decisions (kefu.routing), guided procedures (kefu.workflow), tickets (kefu.ticketing).
 * @typedef {{nlu: boolean, knowledge: boolean, presence: boolean, routing: boolean, workflow: boolean, tickets: boolean}} AssistCaps
 */
/**
 * The signed-in agent as routing sees them (GET /api/routing/me).
 * @typedef {object} RoutingMe
 * @property {string} userId
 * @property {string} displayName
 * @property {'ONLINE'|'AWAY'|'OFFLINE'} presence
 * @property {string|null} presenceSince
 * @property {Record<string, number>} capacity the most conversations per channel
 * @property {Record<string, number>} load conversations per channel now
 */
/** @typedef {{kind: string, target: string, detail: string, rule: string}} RoutingAction */
/**
 * Where routing sent a conversation and why (GET /api/routing/conversations/{id}/decisions, newest first).
 * @typedef {object} RoutingDecision
 * @property {string} id
 * @property {string} decidedAt
 * @property {string} trigger HANDOFF, NEW, MESSAGE or WAITING
 * @property {number} ruleSetVersion
 * @property {string} queueId
 * @property {Record<string, number>} requiredSkills skill → lowest level
 * @property {number} priority
 * @property {string|null} agentId
 * @property {string[]} firedRules
 * @property {RoutingAction[]} actions
 * @property {boolean} fallback the rules failed and the conversation went to the default queue
 * @property {string|null} error
 */

// ------------------------------------------------------------------ texts

// The SDK's catalogs are shared with the shell, so every key carries the view's prefix ("inbox.") and can never
// replace one of Kefu's own; anything missing in Chinese falls back to English through t().
registerMessages('en', {
  'inbox.list': 'Conversations',
  'inbox.tab.mine': 'Mine',
  'inbox.tab.unassigned': 'Unassigned',
  'inbox.tab.all': 'All',
  'inbox.filter.channel': 'Channel',
  'inbox.filter.anyChannel': 'All channels',
  'inbox.filter.status': 'Status',
  'inbox.filter.anyStatus': 'All statuses',
  'inbox.list.loading': 'Loading conversations…',
  'inbox.list.empty': 'No conversations match.',
  'inbox.list.emptyMine': 'Nothing is assigned to you. Look under Unassigned.',
  'inbox.list.noMessages': '(no messages yet)',
  'inbox.list.unassigned': 'Unassigned',
  'inbox.list.assignee': 'Assigned to {name}',
  'inbox.live.open': 'Live',
  'inbox.live.connecting': 'Connecting…',
  'inbox.live.down': 'Live updates interrupted; retrying',
  'inbox.time.now': 'now',
  'inbox.time.minutes': '{n} min',
  'inbox.time.hours': '{n} h',
  'inbox.time.days': '{n} d',
  'inbox.time.today': 'Today',
  'inbox.time.yesterday': 'Yesterday',

  'inbox.status.OPEN': 'Open',
  'inbox.status.PENDING': 'Pending',
  'inbox.status.RESOLVED': 'Resolved',
  'inbox.status.CLOSED': 'Closed',
  'inbox.handling.BOT': 'Bot',
  'inbox.handling.QUEUED': 'Queued',
  'inbox.handling.AGENT': 'Agent',
  'inbox.channel.webhook': 'Webhook',
  'inbox.channel.email': 'Email',
  'inbox.channel.webchat': 'Web chat',

  'inbox.thread.none': 'No conversation open',
  'inbox.thread.keys': 'j / k or ↑ / ↓ move through the list · Enter opens · r reply · n note · Ctrl+Enter sends · Esc leaves the editor',
  'inbox.thread.loading': 'Loading conversation…',
  'inbox.thread.noSubject': '(no subject)',
  'inbox.thread.empty': 'No messages in this conversation yet.',
  'inbox.thread.messages': 'Messages',
  'inbox.thread.newBelow': 'New messages ↓',
  'inbox.thread.assignee': 'Assignee',
  'inbox.thread.nobody': 'nobody',
  'inbox.thread.you': 'you',
  'inbox.action.take': 'Take',
  'inbox.action.assign': 'Assign…',
  'inbox.action.unassign': 'Nobody (unassign)',
  'inbox.action.resolve': 'Resolve',
  'inbox.action.reopen': 'Reopen',
  'inbox.done.taken': 'The conversation is yours now.',
  'inbox.done.assigned': 'Assigned to {name}.',
  'inbox.done.unassigned': 'The conversation is unassigned now.',
  'inbox.done.resolved': 'Resolved.',
  'inbox.done.reopened': 'Reopened.',

  'inbox.msg.note': 'Internal note',
  'inbox.msg.customer': 'Customer',
  'inbox.msg.bot': 'Bot',
  'inbox.msg.delivery.PENDING': 'Sending…',
  'inbox.msg.delivery.SENT': 'Sent',
  'inbox.msg.delivery.FAILED': 'Not delivered',
  'inbox.msg.failedHint': 'The channel gave up on this reply; an administrator can retry it under Failed deliveries.',
  'inbox.msg.attachments': 'Attachments',

  'inbox.compose.mode': 'Message type',
  'inbox.compose.reply': 'Reply',
  'inbox.compose.note': 'Internal note',
  'inbox.compose.label': 'Message',
  'inbox.compose.replyTo': 'Reply to {name}…',
  'inbox.compose.notePlaceholder': 'Note for your colleagues; the customer never sees it…',
  'inbox.compose.noteBanner': 'Internal note: only agents see it.',
  'inbox.compose.send': 'Send',
  'inbox.compose.addNote': 'Add note',
  'inbox.compose.sending': 'Sending…',
  'inbox.compose.sendKey': 'Ctrl+Enter',
  'inbox.compose.failed': 'Not sent: {message}',
  'inbox.macros': 'Canned responses',
  'inbox.macros.filter': 'Filter canned responses',
  'inbox.macros.loading': 'Loading canned responses…',
  'inbox.macros.empty': 'No canned responses.',
  'inbox.macros.failed': 'Canned responses could not be loaded: {message}',

  'inbox.customer': 'Customer',
  'inbox.customer.loading': 'Loading customer…',
  'inbox.customer.none': 'Open a conversation to see its customer.',
  'inbox.customer.since': 'Customer since {date}',
  'inbox.customer.identities': 'Identities',
  'inbox.customer.noIdentities': 'No identities known.',
  'inbox.customer.verified': 'verified',
  'inbox.customer.tags': 'Tags',
  'inbox.customer.noTags': 'No tags.',
  'inbox.customer.newTag': 'New tag',
  'inbox.customer.addTag': 'Add',
  'inbox.customer.removeTag': 'Remove tag {tag}',
  'inbox.customer.conversations': 'Conversations',
  'inbox.customer.timeline': 'Timeline',
  'inbox.customer.timelineLoading': 'Loading timeline…',
  'inbox.customer.timelineEmpty': 'No messages on any channel.',
  'inbox.customer.merges': 'Merges',
  'inbox.customer.mergedAt': 'merged {time}',
  'inbox.customer.undoneAt': 'undone {time}',
  'inbox.customer.undo': 'Undo',
  'inbox.customer.undone': 'The merge was undone.',
  'inbox.customer.merge': 'Merge…',
  'inbox.customer.mergeTitle': 'Merge a customer into {name}',
  'inbox.customer.mergeHint': 'The other customer’s identities, tags and conversations move to this one. You can undo it afterwards.',
  'inbox.customer.otherId': 'Other customer’s id',
  'inbox.customer.recent': 'Recent customers',
  'inbox.customer.mergeSubmit': 'Merge',
  'inbox.customer.merged': 'Customers merged.',
  'inbox.customer.mergeSelf': 'That is this customer.',
  'inbox.tier.STANDARD': 'Standard',
  'inbox.tier.SILVER': 'Silver',
  'inbox.tier.GOLD': 'Gold',
  'inbox.tier.VIP': 'VIP',
  'inbox.identity.PHONE': 'Phone',
  'inbox.identity.EMAIL': 'Email',
  'inbox.identity.MEMBER_ID': 'Member',
  'inbox.identity.WEB_VISITOR': 'Web visitor',
  'inbox.identity.APP_USER': 'App user',

  'inbox.assist': 'Agent assist',
  'inbox.assist.state': 'Dialogue',
  'inbox.assist.handling': 'Handled by',
  'inbox.assist.intent': 'Intent',
  'inbox.assist.noIntent': 'not known yet',
  'inbox.assist.slots': 'Details',
  'inbox.assist.noSlots': 'none yet',
  'inbox.assist.trend': 'Sentiment',
  'inbox.assist.trendLabel': 'Sentiment of the customer’s messages, oldest first: {labels}',
  'inbox.assist.noTrend': 'no message understood yet',
  'inbox.assist.failed': 'Message understanding is unavailable: {message}',
  'inbox.suggest': 'Suggested answers',
  'inbox.suggest.for': 'For the customer’s latest message: “{text}”',
  'inbox.suggest.loading': 'Searching the knowledge base…',
  'inbox.suggest.empty': 'No article matches the customer’s latest message.',
  'inbox.suggest.none': 'Suggestions appear when the customer writes.',
  'inbox.suggest.failed': 'Suggestions are unavailable: {message}',
  'inbox.suggest.insert': 'Insert',
  'inbox.suggest.insertLabel': 'Insert the answer to “{question}” into the reply',
  'inbox.nlu.label': 'Understood as',
  'inbox.nlu.intent': 'Intent {intent}, confidence {confidence}',
  'inbox.nlu.outOfScope': 'out of scope',
  'inbox.nlu.outOfScopeHint': 'No known intent fits this message well enough.',
  'inbox.nlu.sentiment': 'Sentiment: {label}',
  'inbox.sentiment.POSITIVE': 'positive',
  'inbox.sentiment.NEUTRAL': 'neutral',
  'inbox.sentiment.NEGATIVE': 'negative',
  'inbox.sentiment.ANGRY': 'angry',

  'inbox.presence': 'Presence',
  'inbox.presence.ONLINE': 'Online',
  'inbox.presence.AWAY': 'Away',
  'inbox.presence.OFFLINE': 'Offline',
  'inbox.presence.load': 'Your conversations per channel, out of the most you take',
  'inbox.routing': 'Routing',
  'inbox.routing.summary': 'Queue {queue} · priority {priority} · rules v{version}',
  'inbox.routing.when': '{trigger}, {time}',
  'inbox.routing.agent': 'Agent',
  'inbox.routing.waiting': 'waiting for an agent',
  'inbox.routing.why': 'Why',
  'inbox.routing.noRules': 'no rule fired',
  'inbox.routing.skills': 'Skills',
  'inbox.routing.skillLevel': '{skill}: level {level} or higher',
  'inbox.routing.actions': 'Actions',
  'inbox.routing.none': 'none',
  'inbox.routing.fallback': 'The rules failed, so the conversation went to the default queue.',
  'inbox.routing.earlier': 'Earlier decisions ({count})',
  'inbox.routing.failed': 'Routing decisions are unavailable: {message}',
  'inbox.routing.trigger.HANDOFF': 'Handed over by the bot',
  'inbox.routing.trigger.NEW': 'New conversation',
  'inbox.routing.trigger.MESSAGE': 'Customer message',
  'inbox.routing.trigger.WAITING': 'Still waiting',
  'inbox.routing.action.ASSIGN': 'Assign',
  'inbox.routing.action.ESCALATE': 'Escalate',
  'inbox.routing.action.NOTIFY': 'Notify',
  'inbox.routing.action.TAG_CUSTOMER': 'Tag customer',
  'inbox.routing.action.CREATE_TICKET': 'Create ticket',
});

registerMessages('zh-CN', {
  'inbox.list': '会话',
  'inbox.tab.mine': '我的',
  'inbox.tab.unassigned': '未分配',
  'inbox.tab.all': '全部',
  'inbox.filter.channel': '渠道',
  'inbox.filter.anyChannel': '全部渠道',
  'inbox.filter.status': '状态',
  'inbox.filter.anyStatus': '全部状态',
  'inbox.list.loading': '正在加载会话…',
  'inbox.list.empty': '没有符合条件的会话。',
  'inbox.list.emptyMine': '没有分配给你的会话，请查看“未分配”。',
  'inbox.list.noMessages': '（暂无消息）',
  'inbox.list.unassigned': '未分配',
  'inbox.list.assignee': '处理人：{name}',
  'inbox.live.open': '实时',
  'inbox.live.connecting': '正在连接…',
  'inbox.live.down': '实时更新已中断，正在重试',
  'inbox.time.now': '刚刚',
  'inbox.time.minutes': '{n} 分钟前',
  'inbox.time.hours': '{n} 小时前',
  'inbox.time.days': '{n} 天前',
  'inbox.time.today': '今天',
  'inbox.time.yesterday': '昨天',

  'inbox.status.OPEN': '开放',
  'inbox.status.PENDING': '待回应',
  'inbox.status.RESOLVED': '已解决',
  'inbox.status.CLOSED': '已关闭',
  'inbox.handling.BOT': '机器人',
  'inbox.handling.QUEUED': '排队中',
  'inbox.handling.AGENT': '人工',
  'inbox.channel.webhook': 'Webhook',
  'inbox.channel.email': '邮件',
  'inbox.channel.webchat': '网页聊天',

  'inbox.thread.none': '未打开会话',
  'inbox.thread.keys': 'j / k 或 ↑ / ↓ 在列表中移动 · Enter 打开 · r 回复 · n 备注 · Ctrl+Enter 发送 · Esc 离开编辑框',
  'inbox.thread.loading': '正在加载会话…',
  'inbox.thread.noSubject': '（无主题）',
  'inbox.thread.empty': '此会话还没有消息。',
  'inbox.thread.messages': '消息',
  'inbox.thread.newBelow': '有新消息 ↓',
  'inbox.thread.assignee': '处理人',
  'inbox.thread.nobody': '无',
  'inbox.thread.you': '你',
  'inbox.action.take': '接手',
  'inbox.action.assign': '分配…',
  'inbox.action.unassign': '无（取消分配）',
  'inbox.action.resolve': '解决',
  'inbox.action.reopen': '重新打开',
  'inbox.done.taken': '此会话已由你接手。',
  'inbox.done.assigned': '已分配给 {name}。',
  'inbox.done.unassigned': '此会话已取消分配。',
  'inbox.done.resolved': '已解决。',
  'inbox.done.reopened': '已重新打开。',

  'inbox.msg.note': '内部备注',
  'inbox.msg.customer': '客户',
  'inbox.msg.bot': '机器人',
  'inbox.msg.delivery.PENDING': '发送中…',
  'inbox.msg.delivery.SENT': '已发送',
  'inbox.msg.delivery.FAILED': '发送失败',
  'inbox.msg.failedHint': '渠道已放弃投递此回复；管理员可在“发送失败的消息”中重试。',
  'inbox.msg.attachments': '附件',

  'inbox.compose.mode': '消息类型',
  'inbox.compose.reply': '回复',
  'inbox.compose.note': '内部备注',
  'inbox.compose.label': '消息',
  'inbox.compose.replyTo': '回复 {name}…',
  'inbox.compose.notePlaceholder': '写给同事的备注，客户看不到…',
  'inbox.compose.noteBanner': '内部备注：仅客服可见。',
  'inbox.compose.send': '发送',
  'inbox.compose.addNote': '添加备注',
  'inbox.compose.sending': '正在发送…',
  'inbox.compose.sendKey': 'Ctrl+Enter',
  'inbox.compose.failed': '未发送：{message}',
  'inbox.macros': '快捷回复',
  'inbox.macros.filter': '筛选快捷回复',
  'inbox.macros.loading': '正在加载快捷回复…',
  'inbox.macros.empty': '没有快捷回复。',
  'inbox.macros.failed': '无法加载快捷回复：{message}',

  'inbox.customer': '客户',
  'inbox.customer.loading': '正在加载客户…',
  'inbox.customer.none': '打开会话后在此查看客户资料。',
  'inbox.customer.since': '客户创建于 {date}',
  'inbox.customer.identities': '身份标识',
  'inbox.customer.noIdentities': '暂无身份标识。',
  'inbox.customer.verified': '已验证',
  'inbox.customer.tags': '标签',
  'inbox.customer.noTags': '暂无标签。',
  'inbox.customer.newTag': '新标签',
  'inbox.customer.addTag': '添加',
  'inbox.customer.removeTag': '删除标签 {tag}',
  'inbox.customer.conversations': '会话',
  'inbox.customer.timeline': '时间线',
  'inbox.customer.timelineLoading': '正在加载时间线…',
  'inbox.customer.timelineEmpty': '所有渠道都没有消息。',
  'inbox.customer.merges': '合并记录',
  'inbox.customer.mergedAt': '合并于 {time}',
  'inbox.customer.undoneAt': '撤销于 {time}',
  'inbox.customer.undo': '撤销',
  'inbox.customer.undone': '已撤销合并。',
  'inbox.customer.merge': '合并…',
  'inbox.customer.mergeTitle': '将客户合并到 {name}',
  'inbox.customer.mergeHint': '另一位客户的身份标识、标签和会话将转移到此客户，之后可以撤销。',
  'inbox.customer.otherId': '另一位客户的 ID',
  'inbox.customer.recent': '最近的客户',
  'inbox.customer.mergeSubmit': '合并',
  'inbox.customer.merged': '客户已合并。',
  'inbox.customer.mergeSelf': '这就是当前客户。',
  'inbox.tier.STANDARD': '标准',
  'inbox.tier.SILVER': '白银',
  'inbox.tier.GOLD': '黄金',
  'inbox.tier.VIP': 'VIP',
  'inbox.identity.PHONE': '电话',
  'inbox.identity.EMAIL': '邮箱',
  'inbox.identity.MEMBER_ID': '会员',
  'inbox.identity.WEB_VISITOR': '网页访客',
  'inbox.identity.APP_USER': '应用用户',

  'inbox.assist': '坐席辅助',
  'inbox.assist.state': '对话',
  'inbox.assist.handling': '处理方',
  'inbox.assist.intent': '意图',
  'inbox.assist.noIntent': '尚未识别',
  'inbox.assist.slots': '信息',
  'inbox.assist.noSlots': '暂无',
  'inbox.assist.trend': '情绪',
  'inbox.assist.trendLabel': '客户各条消息的情绪（从早到晚）：{labels}',
  'inbox.assist.noTrend': '尚无已理解的消息',
  'inbox.assist.failed': '消息理解暂不可用：{message}',
  'inbox.suggest': '推荐答案',
  'inbox.suggest.for': '针对客户最新消息：“{text}”',
  'inbox.suggest.loading': '正在搜索知识库…',
  'inbox.suggest.empty': '知识库中没有与客户最新消息匹配的文章。',
  'inbox.suggest.none': '客户发来消息后，这里会显示推荐答案。',
  'inbox.suggest.failed': '推荐答案暂不可用：{message}',
  'inbox.suggest.insert': '插入',
  'inbox.suggest.insertLabel': '将“{question}”的答案插入回复',
  'inbox.nlu.label': '识别结果',
  'inbox.nlu.intent': '意图 {intent}，置信度 {confidence}',
  'inbox.nlu.outOfScope': '超出范围',
  'inbox.nlu.outOfScopeHint': '没有已知意图与此消息足够匹配。',
  'inbox.nlu.sentiment': '情绪：{label}',
  'inbox.sentiment.POSITIVE': '积极',
  'inbox.sentiment.NEUTRAL': '中性',
  'inbox.sentiment.NEGATIVE': '消极',
  'inbox.sentiment.ANGRY': '愤怒',

  'inbox.presence': '在线状态',
  'inbox.presence.ONLINE': '在线',
  'inbox.presence.AWAY': '离开',
  'inbox.presence.OFFLINE': '离线',
  'inbox.presence.load': '各渠道你正在处理的会话数 / 最多接待数',
  'inbox.routing': '路由',
  'inbox.routing.summary': '队列 {queue} · 优先级 {priority} · 规则第 {version} 版',
  'inbox.routing.when': '{trigger}，{time}',
  'inbox.routing.agent': '客服',
  'inbox.routing.waiting': '等待分配客服',
  'inbox.routing.why': '原因',
  'inbox.routing.noRules': '没有规则触发',
  'inbox.routing.skills': '技能',
  'inbox.routing.skillLevel': '{skill}：等级 {level} 及以上',
  'inbox.routing.actions': '动作',
  'inbox.routing.none': '无',
  'inbox.routing.fallback': '规则执行出错，会话已进入默认队列。',
  'inbox.routing.earlier': '更早的决策（{count}）',
  'inbox.routing.failed': '路由决策暂不可用：{message}',
  'inbox.routing.trigger.HANDOFF': '机器人转人工',
  'inbox.routing.trigger.NEW': '新会话',
  'inbox.routing.trigger.MESSAGE': '客户消息',
  'inbox.routing.trigger.WAITING': '仍在等待',
  'inbox.routing.action.ASSIGN': '分配',
  'inbox.routing.action.ESCALATE': '升级',
  'inbox.routing.action.NOTIFY': '通知',
  'inbox.routing.action.TAG_CUSTOMER': '给客户加标签',
  'inbox.routing.action.CREATE_TICKET': '创建工单',
});

// ---------------------------------------------------------------- helpers

const LIST_LIMIT = 50;
/** The server's maximum page size; the thread pages through longer conversations. */
const MESSAGE_PAGE = 500;
const TIMELINE_LIMIT = 50;
const LIST_DEBOUNCE_MS = 300;
const THREAD_DEBOUNCE_MS = 150;
/** EventSource retries by itself after network errors, but gives up on an HTTP error; then we start over. */
const LIVE_RETRY_MS = 15000;
/** Replies stay PENDING until the channel answers and no event says when; poll while any is pending. */
const PENDING_POLL_MS = 3000;
const PENDING_POLL_SLOW_MS = 30000;
const PENDING_FAST_POLLS = 20;
const CLOCK_MS = 60000;
const NEAR_BOTTOM_PX = 80;
const KNOWN_CHANNELS = ['webhook', 'email', 'webchat'];
const STATUSES = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
const TABS = /** @type {const} */ (['mine', 'unassigned', 'all']);
const PREFS_KEY = 'kefu.inbox.filters';
const OPEN_KEY = 'kefu.inbox.open';
const VIEW_HASH = '#/view/kefu.inbox';

/** The conversation a link names: `#/view/kefu.inbox/c/<id>` (the shell leaves what follows the view id to us). */
function conversationInHash() {
  const match = /^#\/view\/kefu\.inbox\/c\/([^/]+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Shows the open conversation in the address bar without adding a history entry per click. */
function showInHash(id) {
  if (location.hash !== VIEW_HASH && !location.hash.startsWith(`${VIEW_HASH}/`)) return;
  const wanted = id ? `${VIEW_HASH}/c/${encodeURIComponent(id)}` : VIEW_HASH;
  if (location.hash !== wanted) history.replaceState(history.state, '', wanted);
}
const MAX_RECENT_CUSTOMERS = 30;

/** Translates `prefix + value`, falling back to the raw value for codes the catalog does not know (new channels). */
function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = prefix + value;
  const text = t(key);
  return text === key ? String(value) : text;
}

const STATUS_COLOR = { OPEN: 'green', PENDING: 'amber', RESOLVED: 'blue', CLOSED: 'gray' };
const TIER_COLOR = { VIP: 'purple', GOLD: 'amber', SILVER: 'blue', STANDARD: 'gray' };
const CHANNEL_COLOR = { email: 'blue', webchat: 'green', webhook: 'gray' };

function statusBadge(status) {
  return html`<span class="kf-badge kf-badge-${STATUS_COLOR[status] ?? 'gray'}" data-status=${status}>${label('inbox.status.', status)}</span>`;
}

function channelBadge(channel) {
  return html`<span class="kf-badge kf-badge-${CHANNEL_COLOR[channel] ?? 'purple'} ib-channel" data-channel=${channel}>${label('inbox.channel.', channel)}</span>`;
}

/** BOT and QUEUED are worth a badge; AGENT is what an inbox row normally is, so it stays quiet. */
function handlingBadge(handling) {
  if (handling !== 'BOT' && handling !== 'QUEUED') return nothing;
  return html`<span class="kf-badge kf-badge-${handling === 'BOT' ? 'purple' : 'amber'}" data-handling=${handling}>${label('inbox.handling.', handling)}</span>`;
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

function isAbort(e) {
  return e instanceof DOMException && e.name === 'AbortError';
}

function sameId(a, b) {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

function enc(id) {
  return encodeURIComponent(String(id));
}

/** Compact age for dense rows ("5 min", "3 h"); the full date and time go into the title. */
function relativeTime(iso, now) {
  if (!iso) return '';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const minutes = Math.floor(Math.max(0, now - then) / 60000);
  if (minutes < 1) return t('inbox.time.now');
  if (minutes < 60) return t('inbox.time.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('inbox.time.hours', { n: hours });
  const days = Math.floor(hours / 24);
  if (days < 7) return t('inbox.time.days', { n: days });
  return new Date(iso).toLocaleDateString(locale(), { month: 'short', day: 'numeric', year: days > 300 ? 'numeric' : undefined });
}

function clockTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ?? '';
  return date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
}

function dayKey(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

function dayLabel(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (dayKey(iso) === dayKey(today.toISOString())) return t('inbox.time.today');
  if (dayKey(iso) === dayKey(yesterday.toISOString())) return t('inbox.time.yesterday');
  return date.toLocaleDateString(locale(), { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric' });
}

function shortDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

function fileSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Whether the key press belongs to a text field (or select), where single-letter shortcuts must not fire. */
function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * Replaces the placeholders a macro may use. Unknown placeholders stay as they are, so an agent sees them and can
 * fill them in by hand instead of a silently empty gap.
 */
export function fillMacro(body, values) {
  return String(body ?? '').replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) && values[name] !== null && values[name] !== undefined
      ? String(values[name]) : whole);
}

function readJson(storage, key) {
  try {
    const text = storage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // Storage off (privacy settings) or damaged: defaults apply.
  }
}

function writeStorage(storage, key, value) {
  try {
    if (value === null || value === undefined) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value)); // readJson() parses it back
  } catch {
    // Not remembered then; the view works without it.
  }
}

/** Reads every page of a conversation's messages (oldest first), deduplicating ones that shifted between pages. */
async function loadAllMessages(conversationId, signal) {
  /** @type {Message[]} */
  const items = [];
  const seen = new Set();
  let offset = 0;
  for (;;) {
    /** @type {Page<Message>} */
    const page = await api(`/api/conversations/${enc(conversationId)}/messages?offset=${offset}&limit=${MESSAGE_PAGE}`, { signal });
    const got = page?.items ?? [];
    for (const m of got) {
      if (!seen.has(m.id)) {
        seen.add(m.id);
        items.push(m);
      }
    }
    offset += got.length;
    if (got.length === 0 || offset >= (page?.total ?? 0)) return items;
  }
}

// ------------------------------------------------------------ agent assist

// Understanding (kefu.nlu) and knowledge search (kefu.knowledge) are separate bundles that may not be installed.
// Whether their endpoints exist, and admit this user, is read from the API description rather than by calling them
// and getting a 404, which browsers report as an error on the console. One answer serves every inbox on the page for
// a few minutes, so a bundle installed later shows up without a reload.
const ASSIST_CHECK_MS = 5 * 60_000;
const NLU_PATH = /\/nlu\/conversations\/\{[^}/]+\}$/;
const KNOWLEDGE_PATH = /\/knowledge\/search$/;
const PRESENCE_PATH = /\/routing\/me$/;
const DECISIONS_PATH = /\/routing\/conversations\/\{[^}/]+\}\/decisions$/;
const SOPS_PATH = /\/workflow\/conversations\/\{[^}/]+\}\/sops$/;
const TICKETS_PATH = /\/tickets\/conversations\/\{[^}/]+\}$/;
const PRESENCES = ['ONLINE', 'AWAY', 'OFFLINE'];
const ALL_CAPS = { nlu: true, knowledge: true, presence: true, routing: true, workflow: true, tickets: true };
/** Understanding runs just after a message is stored: a fresh message without a result yet is asked for again. */
const NLU_RETRY_MS = [700, 1500, 3000, 6000];
const NLU_FRESH_MS = 5 * 60_000;
const SUGGESTION_LIMIT = 3;
const SUGGESTION_QUERY_CHARS = 500;
const SUGGESTION_PREVIEW = 180;
const TREND_DOTS = 12;
const OUT_OF_SCOPE = 'out_of_scope';

/** @type {{caps: AssistCaps, at: number}|null} */
let assistCache = null;
/** @type {Promise<AssistCaps>|null} */
let assistCheck = null;

/**
 * Whether the API description has a GET operation on a path matching `pattern` that one of `roles` may call.
 * @param {Record<string, Record<string, any>>} paths @param {RegExp} pattern @param {string[]} roles
 */
function offered(paths, pattern, roles) {
  for (const [path, operations] of Object.entries(paths ?? {})) {
    if (!pattern.test(path)) continue;
    const get = operations?.get ?? operations?.GET;
    if (!get) continue;
    const who = get['x-kefu-roles'];
    if (!Array.isArray(who)) return true;
    if (who.includes('public') || who.includes('authenticated') || who.some((r) => roles.includes(r))) return true;
  }
  return false;
}

/** @returns {Promise<AssistCaps>} which assist features this Kefu offers this user */
function assistCaps() {
  if (assistCache && Date.now() - assistCache.at < ASSIST_CHECK_MS) return Promise.resolve(assistCache.caps);
  if (assistCheck) return assistCheck;
  assistCheck = (async () => {
    /** @type {AssistCaps} */
    let caps;
    try {
      /** @type {{paths?: Record<string, Record<string, any>>}} */
      const description = await api('/api/openapi.json');
      const roles = currentUser()?.roles ?? [];
      // Roles not known yet (just after a first-login password change): let the endpoints' own 403 decide.
      const paths = description?.paths ?? {};
      caps = roles.length === 0 ? { ...ALL_CAPS }
        : {
          nlu: offered(paths, NLU_PATH, roles),
          knowledge: offered(paths, KNOWLEDGE_PATH, roles),
          presence: offered(paths, PRESENCE_PATH, roles),
          routing: offered(paths, DECISIONS_PATH, roles),
          workflow: offered(paths, SOPS_PATH, roles),
          tickets: offered(paths, TICKETS_PATH, roles),
        };
    } catch {
      // No description: call the endpoints themselves; a 404 or 403 then hides the feature.
      caps = { ...ALL_CAPS };
    }
    assistCache = { caps, at: Date.now() };
    assistCheck = null;
    return caps;
  })();
  return assistCheck;
}

/** Turns a feature off for every inbox on the page after its endpoint answered 404 (bundle removed) or 403. */
function withdrawAssist(feature) {
  const caps = { ...(assistCache?.caps ?? ALL_CAPS), [feature]: false };
  assistCache = { caps, at: Date.now() };
  return caps;
}

function isMissing(e) {
  return e instanceof ApiError && (e.status === 404 || e.status === 403);
}

/** The customer's last message with text: what understanding and suggestions are about. @param {Message[]} messages */
function latestInbound(messages) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.direction === 'INBOUND' && String(m.body ?? '').trim()) return m;
  }
  return null;
}

/** The knowledge search's hits, whether it answers with an array or wraps it ({items}, {hits}, {results}). */
function suggestionsOf(answer) {
  const list = Array.isArray(answer) ? answer
    : Array.isArray(answer?.items) ? answer.items
      : Array.isArray(answer?.hits) ? answer.hits
        : Array.isArray(answer?.results) ? answer.results : [];
  /** @type {Suggestion[]} */
  const out = [];
  for (const hit of list) {
    const article = hit?.article ?? hit;
    const answerText = article?.answer ?? article?.body;
    if (!article || typeof answerText !== 'string' || !answerText.trim()) continue;
    out.push({
      id: String(article.id ?? out.length),
      question: String(article.question ?? article.title ?? ''),
      answer: answerText,
      score: typeof hit?.score === 'number' ? hit.score : null,
      source: typeof hit?.source === 'string' ? hit.source : null,
      language: article.language ? String(article.language) : null,
    });
  }
  return out.slice(0, SUGGESTION_LIMIT);
}

/**
 * Fills an answer's placeholders, `{order_number}` or `{{order_number}}`, from what is known. Unknown ones stay as
 * they are, so the agent sees them and fills them in by hand.
 */
export function fillAnswer(body, values) {
  return String(body ?? '').replace(/\{\{\s*([\w.]+)\s*\}\}|\{\s*([\w.]+)\s*\}/g, (whole, double, single) => {
    const name = double ?? single;
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return value === null || value === undefined || value === '' ? whole : String(value);
  });
}

function sentimentLabel(value) {
  return value ? label('inbox.sentiment.', value) : '';
}

/** A 0..1 confidence as a whole percentage in the active language. */
function percent(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(0, Math.min(1, n)));
}

/** {webchat: 5, email: 10} and {webchat: 2} → [['webchat', 2, 5], ['email', 0, 10]]: load against capacity per channel. */
function channelLoad(me) {
  const channels = Object.keys(me?.capacity ?? {});
  for (const ch of Object.keys(me?.load ?? {})) if (!channels.includes(ch)) channels.push(ch);
  return channels.map((ch) => /** @type {[string, number, number]} */ ([ch, Number(me?.load?.[ch] ?? 0), Number(me?.capacity?.[ch] ?? 0)]));
}

function shorten(text, max) {
  const value = String(text ?? '').replace(/\s+/g, ' ').trim();
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

// ------------------------------------------------------------------ styles

// Scoped by the tag name because the view lives in the light DOM. Colours come from the shell's --kf-* properties;
// the yellow of internal notes has no shell variable, so it is defined here (overridable by a theme).
const inboxStyles = css`
  kefu-inbox-view {
    --ib-note-bg: var(--kf-note-bg, #fff8c5);
    --ib-note-border: var(--kf-note-border, #e9d26b);
    --ib-note-fg: var(--kf-note-fg, #6b5200);
    display: block; height: 100%; min-height: 0; container-type: inline-size; container-name: kefu-inbox;
  }
  kefu-inbox-view .ib-root {
    display: grid; height: 100%; min-height: 0;
    grid-template-columns: minmax(260px, 300px) minmax(0, 1fr) minmax(240px, 290px);
    grid-template-areas: "list thread side";
    background: var(--kf-surface);
  }
  kefu-inbox-view .ib-pane { min-width: 0; min-height: 0; display: flex; flex-direction: column; }
  kefu-inbox-view .ib-list-pane { grid-area: list; border-right: 1px solid var(--kf-border); background: var(--kf-surface); }
  kefu-inbox-view .ib-thread-pane { grid-area: thread; background: var(--kf-bg); }
  kefu-inbox-view .ib-side-pane { grid-area: side; border-left: 1px solid var(--kf-border); background: var(--kf-surface); overflow-y: auto; }

  /* ---- list ---- */
  kefu-inbox-view .ib-list-head { padding: 10px 10px 8px; border-bottom: 1px solid var(--kf-border); display: flex; flex-direction: column; gap: 8px; }
  kefu-inbox-view .ib-list-title { display: flex; align-items: center; gap: 8px; }
  kefu-inbox-view .ib-list-title h1 { font-size: 15px; font-weight: 600; margin: 0; margin-right: auto; }
  kefu-inbox-view .ib-tabs { display: flex; gap: 2px; background: var(--kf-surface-alt); border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 2px; }
  kefu-inbox-view .ib-tab {
    flex: 1; font: inherit; font-size: 12.5px; border: 0; background: transparent; color: var(--kf-text-muted);
    padding: 3px 6px; border-radius: 4px; cursor: pointer; white-space: nowrap;
  }
  kefu-inbox-view .ib-tab[aria-selected="true"] { background: var(--kf-surface); color: var(--kf-text); font-weight: 600; box-shadow: 0 1px 2px rgb(15 23 42 / 0.08); }
  kefu-inbox-view .ib-tab:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-inbox-view .ib-count { font-size: 11px; color: var(--kf-text-muted); font-weight: 500; margin-left: 3px; font-variant-numeric: tabular-nums; }
  kefu-inbox-view .ib-filters { display: flex; gap: 6px; }
  kefu-inbox-view .ib-filters select { flex: 1 1 0; font-size: 12.5px; padding: 3px 6px; }
  kefu-inbox-view .ib-live { display: inline-flex; align-items: center; gap: 5px; font-size: 11.5px; color: var(--kf-text-muted); white-space: nowrap; }
  kefu-inbox-view .ib-live::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: var(--kf-border-strong); }
  kefu-inbox-view .ib-live[data-live="open"]::before { background: #2e9e55; }
  kefu-inbox-view .ib-live[data-live="down"]::before { background: var(--kf-danger); }
  kefu-inbox-view .ib-rows { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1 1 auto; min-height: 0; }
  kefu-inbox-view .ib-rows:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-inbox-view .ib-row {
    padding: 7px 10px 7px 12px; border-bottom: 1px solid var(--kf-border); cursor: pointer; display: flex; flex-direction: column; gap: 2px;
    border-left: 3px solid transparent; font-size: 13px;
  }
  kefu-inbox-view .ib-row:hover { background: var(--kf-hover); }
  kefu-inbox-view .ib-row[aria-selected="true"] { background: var(--kf-hover); border-left-color: var(--kf-border-strong); }
  kefu-inbox-view .ib-rows:focus .ib-row[aria-selected="true"] { border-left-color: var(--kf-focus); }
  kefu-inbox-view .ib-row.is-open { background: var(--kf-accent-soft); border-left-color: var(--kf-accent); }
  kefu-inbox-view .ib-row-top { display: flex; align-items: baseline; gap: 8px; }
  kefu-inbox-view .ib-row-name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; margin-right: auto; }
  kefu-inbox-view .ib-row-time { font-size: 11.5px; color: var(--kf-text-muted); white-space: nowrap; }
  kefu-inbox-view .ib-row-preview { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--kf-text-muted); font-size: 12.5px; }
  kefu-inbox-view .ib-row-subject { color: var(--kf-text); }
  kefu-inbox-view .ib-row-badges { display: flex; align-items: center; gap: 4px; flex-wrap: wrap; }
  kefu-inbox-view .ib-row-badges .kf-badge + .kf-badge { margin-left: 0; }
  kefu-inbox-view .ib-row-assignee { margin-left: auto; font-size: 11.5px; color: var(--kf-text-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 50%; }
  kefu-inbox-view .ib-list-foot { border-top: 1px solid var(--kf-border); padding: 6px 10px; display: flex; justify-content: flex-end; min-height: 36px; align-items: center; }
  kefu-inbox-view .ib-state { padding: 24px 16px; text-align: center; color: var(--kf-text-muted); font-size: 13px; }
  kefu-inbox-view .ib-state .kf-alert { text-align: left; margin-bottom: 8px; }
  kefu-inbox-view .ib-busy { height: 2px; background: linear-gradient(90deg, transparent, var(--kf-accent), transparent); background-size: 50% 100%; background-repeat: no-repeat; animation: ib-busy 1s linear infinite; }
  kefu-inbox-view .ib-busy[hidden] { display: block; visibility: hidden; animation: none; }
  @keyframes ib-busy { from { background-position: -50% 0; } to { background-position: 150% 0; } }

  /* ---- thread ---- */
  kefu-inbox-view .ib-thread-head { background: var(--kf-surface); border-bottom: 1px solid var(--kf-border); padding: 10px 14px; display: flex; flex-direction: column; gap: 6px; }
  kefu-inbox-view .ib-thread-title { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  kefu-inbox-view .ib-thread-title h2 { font-size: 15px; font-weight: 600; margin: 0; overflow-wrap: anywhere; }
  kefu-inbox-view .ib-thread-subject { font-size: 13px; color: var(--kf-text-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  kefu-inbox-view .ib-thread-actions { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; font-size: 12.5px; }
  kefu-inbox-view .ib-thread-actions select { font-size: 12.5px; padding: 2px 6px; max-width: 180px; }
  kefu-inbox-view .ib-assignee { color: var(--kf-text-muted); margin-right: auto; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  kefu-inbox-view .ib-assignee strong { color: var(--kf-text); font-weight: 600; }
  kefu-inbox-view .ib-messages-wrap { position: relative; flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
  kefu-inbox-view .ib-messages { flex: 1 1 auto; min-height: 0; overflow-y: auto; padding: 12px 16px 16px; display: flex; flex-direction: column; gap: 8px; }
  kefu-inbox-view .ib-messages:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-inbox-view .ib-day { align-self: center; font-size: 11.5px; color: var(--kf-text-muted); background: var(--kf-surface); border: 1px solid var(--kf-border); border-radius: 10px; padding: 0 10px; margin: 4px 0; }
  kefu-inbox-view .ib-msg { max-width: min(78%, 640px); align-self: flex-start; display: flex; flex-direction: column; gap: 2px; }
  kefu-inbox-view .ib-msg-out { align-self: flex-end; align-items: flex-end; }
  kefu-inbox-view .ib-msg-note { align-self: stretch; max-width: none; margin: 0 6%; }
  kefu-inbox-view .ib-bubble {
    padding: 7px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13.5px; line-height: 1.45;
    background: var(--kf-surface); border: 1px solid var(--kf-border); border-top-left-radius: 4px; max-width: 100%;
  }
  kefu-inbox-view .ib-msg-out .ib-bubble { background: var(--kf-accent-soft); border-color: color-mix(in srgb, var(--kf-accent) 25%, transparent); border-top-left-radius: 12px; border-top-right-radius: 4px; }
  kefu-inbox-view .ib-msg-note .ib-bubble { background: var(--ib-note-bg); border: 1px dashed var(--ib-note-border); border-radius: 6px; }
  kefu-inbox-view .ib-msg-failed .ib-bubble { border-color: var(--kf-danger); }
  kefu-inbox-view .ib-note-label { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.4px; color: var(--ib-note-fg); }
  kefu-inbox-view .ib-meta { font-size: 11.5px; color: var(--kf-text-muted); display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; padding: 0 4px; }
  kefu-inbox-view .ib-meta .ib-author { font-weight: 600; color: var(--kf-text); }
  kefu-inbox-view .ib-delivery[data-delivery="FAILED"] { color: var(--kf-danger); font-weight: 600; }
  kefu-inbox-view .ib-delivery[data-delivery="SENT"] { color: var(--kf-green-fg); }
  kefu-inbox-view .ib-attachments { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; white-space: normal; }
  kefu-inbox-view .ib-attachments li { font-size: 12px; border: 1px solid var(--kf-border); border-radius: 4px; padding: 1px 6px; background: var(--kf-surface); }
  kefu-inbox-view .ib-meta .ib-author-bot { color: var(--kf-purple-fg); }

  /* ---- agent assist: what understanding made of each customer message ---- */
  kefu-inbox-view [data-sentiment] { --ib-sentiment: var(--kf-gray-fg); }
  kefu-inbox-view [data-sentiment="POSITIVE"] { --ib-sentiment: var(--kf-green-fg); }
  kefu-inbox-view [data-sentiment="NEGATIVE"] { --ib-sentiment: var(--kf-amber-fg); }
  kefu-inbox-view [data-sentiment="ANGRY"] { --ib-sentiment: var(--kf-danger); }
  kefu-inbox-view .ib-nlu { display: flex; flex-wrap: wrap; gap: 3px; padding: 0 4px; align-items: center; max-width: 100%; }
  kefu-inbox-view .ib-chip {
    display: inline-block; font-size: 11px; line-height: 17px; padding: 0 7px; border-radius: 9px; white-space: nowrap;
    max-width: 100%; overflow: hidden; text-overflow: ellipsis; border: 1px solid var(--kf-border); background: var(--kf-surface); color: var(--kf-text-muted);
  }
  kefu-inbox-view .ib-chip-intent { background: var(--kf-blue-bg); color: var(--kf-blue-fg); border-color: transparent; font-weight: 600; }
  kefu-inbox-view .ib-chip[data-out-of-scope] { background: var(--kf-gray-bg); color: var(--kf-gray-fg); border-color: transparent; font-style: italic; }
  kefu-inbox-view .ib-chip-sentiment { color: var(--ib-sentiment); border-color: var(--ib-sentiment); font-weight: 600; }
  kefu-inbox-view .ib-chip-entity { font-family: var(--kf-font-mono); font-size: 10.5px; }

  kefu-inbox-view .ib-new-below { position: absolute; bottom: 10px; left: 50%; transform: translateX(-50%); box-shadow: 0 2px 8px rgb(15 23 42 / 0.18); }

  kefu-inbox-view .ib-composer { background: var(--kf-surface); border-top: 1px solid var(--kf-border); padding: 8px 12px 10px; display: flex; flex-direction: column; gap: 6px; position: relative; }
  kefu-inbox-view .ib-composer.is-note { background: var(--ib-note-bg); }
  kefu-inbox-view .ib-composer textarea { width: 100%; resize: vertical; min-height: 64px; max-height: 40vh; font-size: 13.5px; line-height: 1.45; }
  kefu-inbox-view .ib-composer.is-note textarea { border-color: var(--ib-note-border); background: #fffdf0; }
  kefu-inbox-view .ib-composer-bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  kefu-inbox-view .ib-seg { display: inline-flex; border: 1px solid var(--kf-border-strong); border-radius: var(--kf-radius); overflow: hidden; }
  kefu-inbox-view .ib-seg button { font: inherit; font-size: 12.5px; border: 0; background: var(--kf-surface); color: var(--kf-text-muted); padding: 3px 10px; cursor: pointer; }
  kefu-inbox-view .ib-seg button + button { border-left: 1px solid var(--kf-border-strong); }
  kefu-inbox-view .ib-seg button[aria-pressed="true"] { background: var(--kf-accent-soft); color: var(--kf-accent-strong); font-weight: 600; }
  kefu-inbox-view .ib-seg button[data-action="mode-note"][aria-pressed="true"] { background: var(--ib-note-border); color: var(--ib-note-fg); }
  kefu-inbox-view .ib-seg button:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-inbox-view .ib-note-banner { font-size: 12px; color: var(--ib-note-fg); font-weight: 600; }
  kefu-inbox-view .ib-kbd { font-size: 11px; color: var(--kf-text-muted); }
  kefu-inbox-view .ib-macros {
    position: absolute; left: 12px; bottom: calc(100% - 4px); width: min(380px, calc(100% - 24px)); max-height: 320px; z-index: 5;
    background: var(--kf-surface); border: 1px solid var(--kf-border-strong); border-radius: 6px; box-shadow: 0 8px 28px rgb(15 23 42 / 0.18);
    display: flex; flex-direction: column;
  }
  kefu-inbox-view .ib-macros input { margin: 8px; }
  kefu-inbox-view .ib-macros ul { list-style: none; margin: 0; padding: 0 0 6px; overflow-y: auto; }
  kefu-inbox-view .ib-macros li button {
    display: block; width: 100%; text-align: left; font: inherit; font-size: 13px; border: 0; background: none; padding: 5px 12px; cursor: pointer; color: var(--kf-text);
  }
  kefu-inbox-view .ib-macros li button:hover, kefu-inbox-view .ib-macros li button:focus-visible { background: var(--kf-hover); outline: none; }
  kefu-inbox-view .ib-macros .ib-macro-body { display: block; font-size: 12px; color: var(--kf-text-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  kefu-inbox-view .ib-macros .ib-state { padding: 12px; }

  /* ---- customer panel ---- */
  kefu-inbox-view .ib-side { padding: 12px 14px 20px; display: flex; flex-direction: column; gap: 14px; font-size: 13px; }
  kefu-inbox-view .ib-side h2 { font-size: 15px; margin: 0; overflow-wrap: anywhere; }
  kefu-inbox-view .ib-side h3 { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0 0 6px; font-weight: 600; }
  kefu-inbox-view .ib-side section { display: flex; flex-direction: column; }
  kefu-inbox-view .ib-side-head { display: flex; flex-direction: column; gap: 4px; }
  kefu-inbox-view .ib-side-tools { display: flex; gap: 6px; flex-wrap: wrap; }
  kefu-inbox-view .ib-ids { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  kefu-inbox-view .ib-ids li { display: grid; grid-template-columns: 82px 1fr; gap: 6px; align-items: baseline; }
  kefu-inbox-view .ib-ids .ib-id-type { color: var(--kf-text-muted); font-size: 12px; }
  kefu-inbox-view .ib-ids .ib-id-value { overflow-wrap: anywhere; }
  kefu-inbox-view .ib-verified { color: var(--kf-green-fg); font-size: 11.5px; margin-left: 4px; }
  kefu-inbox-view .ib-tags { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 6px; }
  kefu-inbox-view .ib-tags .kf-badge { display: inline-flex; align-items: center; gap: 2px; padding-right: 2px; font-weight: 500; }
  kefu-inbox-view .ib-tags .kf-badge + .kf-badge { margin-left: 0; }
  kefu-inbox-view .ib-tag-x { font: inherit; border: 0; background: none; color: inherit; cursor: pointer; padding: 0 4px; border-radius: 8px; line-height: 16px; }
  kefu-inbox-view .ib-tag-x:hover { background: rgb(0 0 0 / 0.08); }
  kefu-inbox-view .ib-tag-form { display: flex; gap: 6px; }
  kefu-inbox-view .ib-tag-form input { flex: 1; font-size: 12.5px; padding: 3px 6px; }
  kefu-inbox-view .ib-past { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
  kefu-inbox-view .ib-past button {
    width: 100%; text-align: left; font: inherit; font-size: 12.5px; background: none; border: 1px solid transparent; border-radius: var(--kf-radius);
    padding: 4px 6px; cursor: pointer; color: var(--kf-text); display: flex; flex-direction: column; gap: 2px;
  }
  kefu-inbox-view .ib-past button:hover { background: var(--kf-hover); }
  kefu-inbox-view .ib-past button[aria-current="true"] { border-color: var(--kf-accent); background: var(--kf-accent-soft); }
  kefu-inbox-view .ib-past-line { display: flex; gap: 4px; align-items: center; }
  kefu-inbox-view .ib-past-subject { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  kefu-inbox-view .ib-past .kf-badge + .kf-badge { margin-left: 0; }
  kefu-inbox-view .ib-timeline { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  kefu-inbox-view .ib-timeline button {
    width: 100%; text-align: left; font: inherit; font-size: 12.5px; background: var(--kf-surface-alt); border: 1px solid var(--kf-border);
    border-radius: var(--kf-radius); padding: 5px 7px; cursor: pointer; color: var(--kf-text); display: flex; flex-direction: column; gap: 3px;
  }
  kefu-inbox-view .ib-timeline button:hover { background: var(--kf-hover); }
  kefu-inbox-view .ib-timeline .is-note { background: var(--ib-note-bg); border-style: dashed; border-color: var(--ib-note-border); }
  kefu-inbox-view .ib-timeline .is-out { border-left: 3px solid var(--kf-accent); }
  kefu-inbox-view .ib-tl-meta { display: flex; gap: 4px; align-items: center; font-size: 11px; color: var(--kf-text-muted); }
  kefu-inbox-view .ib-tl-body { white-space: pre-wrap; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
  kefu-inbox-view .ib-merges { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  kefu-inbox-view .ib-merges li { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
  kefu-inbox-view .ib-recent { display: flex; flex-wrap: wrap; gap: 4px; }
  kefu-inbox-view .ib-recent button { max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
  /* ---- agent assist panel (top of the side pane) ---- */
  kefu-inbox-view .ib-assist { padding: 12px 14px; display: flex; flex-direction: column; gap: 12px; font-size: 13px; border-bottom: 1px solid var(--kf-border); background: var(--kf-surface-alt); }
  kefu-inbox-view .ib-assist h3 { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0 0 6px; font-weight: 600; }
  kefu-inbox-view .ib-assist section { display: flex; flex-direction: column; }
  kefu-inbox-view .ib-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 5px 10px; margin: 0; align-items: baseline; }
  kefu-inbox-view .ib-facts dt { color: var(--kf-text-muted); font-size: 12px; }
  kefu-inbox-view .ib-facts dd { margin: 0; min-width: 0; display: flex; flex-wrap: wrap; gap: 3px; align-items: center; overflow-wrap: anywhere; }
  kefu-inbox-view .ib-facts .kf-badge + .kf-badge { margin-left: 0; }
  kefu-inbox-view .ib-state-intent { font-family: var(--kf-font-mono); font-size: 12.5px; font-weight: 600; }
  kefu-inbox-view .ib-trend { display: inline-flex; gap: 3px; align-items: center; flex-wrap: wrap; margin-right: 5px; }
  kefu-inbox-view .ib-dot { width: 9px; height: 9px; border-radius: 50%; background: var(--ib-sentiment); display: inline-block; }
  kefu-inbox-view .ib-dot:last-child { width: 11px; height: 11px; box-shadow: 0 0 0 2px var(--kf-surface), 0 0 0 3px var(--ib-sentiment); margin-left: 2px; }
  kefu-inbox-view .ib-suggest-for { font-size: 11.5px; color: var(--kf-text-muted); margin: -2px 0 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  kefu-inbox-view .ib-suggestions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  kefu-inbox-view .ib-suggestion { border: 1px solid var(--kf-border); border-radius: var(--kf-radius); background: var(--kf-surface); padding: 6px 8px; display: flex; flex-direction: column; gap: 4px; }
  kefu-inbox-view .ib-suggestion-q { font-weight: 600; font-size: 12.5px; overflow-wrap: anywhere; margin: 0; }
  kefu-inbox-view .ib-suggestion-a { color: var(--kf-text-muted); font-size: 12.5px; white-space: pre-wrap; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; margin: 0; }
  kefu-inbox-view .ib-suggestion-foot { display: flex; align-items: center; gap: 6px; font-size: 11px; color: var(--kf-text-muted); }

  /* ---- routing: the agent's presence and load (list header), why the open conversation went where it is (side) ---- */
  kefu-inbox-view .ib-presence { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; font-size: 12px; }
  kefu-inbox-view .ib-presence select { font-size: 12.5px; padding: 2px 6px; }
  kefu-inbox-view .ib-presence-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--kf-border-strong); flex: none; }
  kefu-inbox-view .ib-presence[data-presence="ONLINE"] .ib-presence-dot { background: #2e9e55; }
  kefu-inbox-view .ib-presence[data-presence="AWAY"] .ib-presence-dot { background: var(--kf-amber-fg); }
  kefu-inbox-view .ib-load { color: var(--kf-text-muted); font-variant-numeric: tabular-nums; }
  kefu-inbox-view .ib-load [data-full] { color: var(--kf-amber-fg); font-weight: 600; }
  kefu-inbox-view .ib-routing-summary { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
  kefu-inbox-view .ib-routing .kf-alert { margin: 6px 0; }
  kefu-inbox-view .ib-routing .ib-facts { margin-top: 6px; }
  kefu-inbox-view .ib-why, kefu-inbox-view .ib-routing-actions { margin: 0; padding-left: 16px; }
  kefu-inbox-view .ib-routing details > summary { cursor: pointer; font-size: 12px; color: var(--kf-text-muted); margin-top: 6px; }
  kefu-inbox-view .ib-routing details > summary:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }
  kefu-inbox-view .ib-routing-earlier { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  kefu-inbox-view .ib-routing-earlier li { border-top: 1px solid var(--kf-border); padding-top: 5px; font-size: 12px; }

  kefu-inbox-view .ib-toggle[aria-pressed="true"] { background: var(--kf-accent-soft); border-color: var(--kf-accent); color: var(--kf-accent-strong); }

  /* Narrower main areas: the customer panel moves under the conversation and the view scrolls as a page. */
  @container kefu-inbox (max-width: 980px) {
    kefu-inbox-view .ib-root { height: auto; grid-template-columns: minmax(240px, 280px) minmax(0, 1fr); grid-template-areas: "list thread" "list side"; }
    /* The list keeps its own scrolling, beside the page that scrolls through conversation and customer. */
    kefu-inbox-view .ib-list-pane { position: sticky; top: 0; align-self: start; height: calc(100vh - var(--kf-topbar-height, 48px)); }
    kefu-inbox-view .ib-thread-pane { height: min(720px, 85vh); }
    kefu-inbox-view .ib-side-pane { border-left: 0; border-top: 1px solid var(--kf-border); overflow: visible; }
  }
  /* Phones: everything stacks. */
  @container kefu-inbox (max-width: 640px) {
    kefu-inbox-view .ib-root { grid-template-columns: minmax(0, 1fr); grid-template-areas: "list" "thread" "side"; }
    kefu-inbox-view .ib-list-pane { position: static; height: auto; border-right: 0; border-bottom: 1px solid var(--kf-border); max-height: 45vh; }
    kefu-inbox-view .ib-msg { max-width: 92%; }
  }
`;

// ------------------------------------------------------------------ view

/**
 * `<kefu-inbox-view>`: the agent's three-pane inbox. The open conversation is in the address
 * (`#/view/kefu.inbox/c/<id>`, so it can be linked and survives a reload) and in sessionStorage (to come back to it
 * after visiting another view).
 */
export class KefuInboxView extends LitElement {
  static properties = {
    tab: { state: true },
    channel: { state: true },
    status: { state: true },
    selectedId: { state: true },
    openId: { state: true },
    counts: { state: true },
    liveState: { state: true },
    mode: { state: true },
    hasDraft: { state: true },
    sending: { state: true },
    composeError: { state: true },
    macrosOpen: { state: true },
    macroFilter: { state: true },
    macros: { state: true },
    macrosError: { state: true },
    timelineOpen: { state: true },
    mergeOpen: { state: true },
    mergeError: { state: true },
    busy: { state: true },
    newBelow: { state: true },
    now: { state: true },
    assist: { state: true },
  };

  constructor() {
    super();
    const prefs = readJson(localStorage, PREFS_KEY) ?? {};
    /** @type {'mine'|'unassigned'|'all'} */
    this.tab = TABS.includes(prefs.tab) ? prefs.tab : 'mine';
    /** @type {string} '' means every channel */
    this.channel = typeof prefs.channel === 'string' ? prefs.channel : '';
    /** @type {string} '' means every status; an inbox starts with what still needs work */
    this.status = typeof prefs.status === 'string' && (prefs.status === '' || STATUSES.includes(prefs.status)) ? prefs.status : 'OPEN';
    /** @type {string|null} the keyboard cursor in the list */
    this.selectedId = null;
    /** @type {string|null} */
    this.openId = null;
    /** @type {Record<string, number|undefined>} totals per tab, for the tab labels */
    this.counts = {};
    /** @type {'connecting'|'open'|'down'} */
    this.liveState = 'connecting';
    /** @type {'reply'|'note'} */
    this.mode = 'reply';
    this.hasDraft = false;
    this.sending = false;
    /** @type {string|null} */
    this.composeError = null;
    this.macrosOpen = false;
    this.macroFilter = '';
    /** @type {Macro[]|null} */
    this.macros = null;
    /** @type {string|null} */
    this.macrosError = null;
    this.timelineOpen = false;
    this.mergeOpen = false;
    /** @type {string|null} */
    this.mergeError = null;
    this.busy = false;
    this.newBelow = false;
    this.now = Date.now();
    /** Which agent-assist features this Kefu has (null until known: nothing of them shows before). @type {AssistCaps|null} */
    this.assist = assistCache?.caps ?? null;
    /** The fresh message whose understanding is awaited, and how often it was asked for. */
    this.nluWait = { messageId: /** @type {string|null} */ (null), tries: 0 };
    /** The conversation and message the suggestions were last asked for, so thread reloads do not repeat the search. */
    this.suggestAsked = /** @type {string|null} */ (null);

    /** Drafts per conversation, so switching conversations never loses text; not reactive on purpose (typing). */
    /** @type {Map<string, {reply: string, note: string}>} */
    this.drafts = new Map();
    /** The list row of the open conversation, for its customer's name before the profile arrives. @type {InboxEntry|null} */
    this.openEntry = null;
    /** Every channel seen so far, so the filter offers channels Kefu did not know when this was written. */
    this.channels = new Set(KNOWN_CHANNELS);
    /** Customers seen in the list, most recent first: the merge dialog offers them. @type {Map<string, string>} */
    this.recentCustomers = new Map();
    /** Whether the message list is scrolled to (near) its end; new messages then keep it there. */
    this.stick = true;
    this.scrolledThread = null;
    this.scrolledCount = -1;
    this.pendingPolls = 0;
    /** @type {EventSource|null} */
    this.source = null;
    this.liveOpenedOnce = false;
    /** @type {Record<string, number|undefined>} */
    this.timers = {};
    /** @type {AbortController|null} */
    this.countsRequest = null;
    /** An agent's name by id, for the procedures panel (one function, so passing it never re-renders the panel). */
    this.nameOf = (id) => this.agentName(id);

    /** @type {Loader<Page<InboxEntry>, number>} */
    this.list = new Loader(this, async (signal, offset) => {
      const page = await api(`/api/conversations?${this.listQuery(this.tab, offset, LIST_LIMIT)}`, { signal });
      this.noteEntries(page?.items ?? []);
      return page;
    }, { arg: 0 });
    /** @type {Loader<Agent[]>} */
    this.agents = new Loader(this, (signal) => api('/api/agents', { signal }));
    /** @type {Loader<Thread|null, string|null>} */
    this.thread = new Loader(this, async (signal, id) => {
      if (!id) return null;
      const [conversation, messages] = await Promise.all([
        api(`/api/conversations/${enc(id)}`, { signal }),
        loadAllMessages(id, signal),
      ]);
      return { id, conversation, messages };
    }, { arg: null, loadOnConnect: false });
    /**
     * The customer panel. `forId` is the id it was asked for: after a merge the server answers with the surviving
     * customer, whose id differs, and the panel must still know which request the answer belongs to.
     * @type {Loader<{forId: string, profile: Profile}|null, string|null>}
     */
    this.profile = new Loader(this, async (signal, customerId) =>
      customerId ? { forId: customerId, profile: await api(`/api/customers/${enc(customerId)}`, { signal }) } : null,
    { arg: null, loadOnConnect: false });
    /** @type {string|null} the customer the panel should show */
    this.profileFor = null;
    /**
     * The customer's timeline; offset -1 asks for the last page, since the newest messages are what matters.
     * @type {Loader<(Page<Message> & {customerId: string})|null, {customerId: string, offset: number}|null>}
     */
    this.timeline = new Loader(this, async (signal, arg) => {
      if (!arg) return null;
      const path = `/api/customers/${enc(arg.customerId)}/timeline`;
      let page = await api(`${path}?offset=${Math.max(0, arg.offset)}&limit=${TIMELINE_LIMIT}`, { signal });
      if (arg.offset < 0 && page.total > TIMELINE_LIMIT) {
        page = await api(`${path}?offset=${page.total - TIMELINE_LIMIT}&limit=${TIMELINE_LIMIT}`, { signal });
      }
      return { ...page, customerId: arg.customerId };
    }, { arg: null, loadOnConnect: false });
    /** What understanding made of the open conversation: the dialogue state and each customer message. */
    /** @type {Loader<Understanding|null, string|null>} */
    this.understanding = new Loader(this, async (signal, id) => {
      if (!id) return null;
      /** @type {{state: DialogueState|null, messages: NluResult[]}|undefined} */
      const answer = await api(`/api/nlu/conversations/${enc(id)}`, { signal });
      /** @type {Map<string, NluResult>} */
      const byMessage = new Map();
      for (const result of Array.isArray(answer?.messages) ? answer.messages : []) {
        if (result && result.messageId !== null && result.messageId !== undefined) byMessage.set(String(result.messageId), result);
      }
      return { id, state: answer?.state ?? null, byMessage };
    }, { arg: null, loadOnConnect: false });
    /** Knowledge articles for the customer's latest message. */
    /** @type {Loader<(SuggestionQuery & {items: Suggestion[]})|null, SuggestionQuery|null>} */
    this.suggestions = new Loader(this, async (signal, query) => {
      if (!query) return null;
      const q = new URLSearchParams({ q: query.text, limit: String(SUGGESTION_LIMIT) });
      return { ...query, items: suggestionsOf(await api(`/api/knowledge/search?${q}`, { signal })) };
    }, { arg: null, loadOnConnect: false });
    /** The agent's presence, capacity and load, when routing is installed. @type {Loader<RoutingMe>} */
    this.me = new Loader(this, (signal) => api('/api/routing/me', { signal }), { loadOnConnect: false });
    /** Routing's decisions for the open conversation, newest first. */
    /** @type {Loader<{id: string, items: RoutingDecision[]}|null, string|null>} */
    this.decisions = new Loader(this, async (signal, id) => {
      if (!id) return null;
      const list = await api(`/api/routing/conversations/${enc(id)}/decisions`, { signal });
      const items = Array.isArray(list) ? [...list] : [];
      items.sort((a, b) => (new Date(b.decidedAt).getTime() || 0) - (new Date(a.decidedAt).getTime() || 0));
      return { id, items };
    }, { arg: null, loadOnConnect: false });

    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    adoptDocumentStyles(baseStyles, inboxStyles);
    window.addEventListener('keydown', this.onKeyDown);
    this.startLive();
    void this.refreshCounts();
    this.timers.clock = window.setInterval(() => { this.now = Date.now(); }, CLOCK_MS);
    void this.checkAssist().then(() => this.refreshPresence());
    window.addEventListener('hashchange', this.onHashChange);
    // The conversation a link names, else the one open when the agent last left the view (in this tab).
    const remembered = conversationInHash() ?? this.openId ?? readJson(sessionStorage, OPEN_KEY);
    if (typeof remembered === 'string' && remembered) this.open(remembered, { focus: false });
  }

  /** A pasted or clicked link to another conversation while the inbox is open. */
  onHashChange = () => {
    const linked = conversationInHash();
    if (linked && !sameId(linked, this.openId)) this.open(linked, { focus: false });
  };

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('hashchange', this.onHashChange);
    this.stopLive();
    this.countsRequest?.abort();
    for (const [name, timer] of Object.entries(this.timers)) {
      window.clearTimeout(timer);
      window.clearInterval(timer);
      delete this.timers[name];
    }
  }

  // ------------------------------------------------------------ list

  /** @param {'mine'|'unassigned'|'all'} view */
  listQuery(view, offset, limit) {
    const q = new URLSearchParams({ view, offset: String(offset), limit: String(limit) });
    if (this.channel) q.set('channel', this.channel);
    if (this.status) q.set('status', this.status);
    return q.toString();
  }

  /** @param {InboxEntry[]} items */
  noteEntries(items) {
    // Rows come newest first; walking them backwards leaves the newest customer last in the Map's order.
    for (const item of [...items].reverse()) {
      if (item.channel) this.channels.add(item.channel);
      if (item.customerId) {
        this.recentCustomers.delete(item.customerId);
        this.recentCustomers.set(item.customerId, item.customerName || item.customerId);
      }
      if (sameId(item.id, this.openId)) this.openEntry = item;
    }
    // Keep the list short, dropping the customers seen longest ago.
    while (this.recentCustomers.size > MAX_RECENT_CUSTOMERS) {
      this.recentCustomers.delete(this.recentCustomers.keys().next().value);
    }
  }

  /** Totals for the other tabs' labels: one tiny request per tab, with the same filters. */
  async refreshCounts() {
    this.countsRequest?.abort();
    const request = (this.countsRequest = new AbortController());
    const results = await Promise.allSettled(TABS.map((view) =>
      api(`/api/conversations?${this.listQuery(view, 0, 1)}`, { signal: request.signal })));
    if (request.signal.aborted) return;
    /** @type {Record<string, number|undefined>} */
    const counts = {};
    TABS.forEach((view, i) => {
      const r = results[i];
      counts[view] = r.status === 'fulfilled' && typeof r.value?.total === 'number' ? r.value.total : undefined;
    });
    this.counts = counts;
  }

  savePrefs() {
    writeStorage(localStorage, PREFS_KEY, { tab: this.tab, channel: this.channel, status: this.status });
  }

  /** @param {'mine'|'unassigned'|'all'} tab */
  setTab(tab) {
    if (tab === this.tab) return;
    this.tab = tab;
    this.savePrefs();
    void this.list.load(0);
  }

  setFilter(name, value) {
    if (name === 'channel') this.channel = value;
    else this.status = value;
    this.savePrefs();
    void this.list.load(0);
    void this.refreshCounts();
  }

  reloadList() {
    void this.list.reload();
    void this.refreshCounts();
    this.refreshPresence();
  }

  scheduleListReload() {
    window.clearTimeout(this.timers.list);
    this.timers.list = window.setTimeout(() => this.reloadList(), LIST_DEBOUNCE_MS);
  }

  /** @returns {InboxEntry[]} */
  get items() {
    return this.list.value?.items ?? [];
  }

  /** Moves the keyboard cursor by `delta` rows and keeps it in sight. */
  moveSelection(delta) {
    const items = this.items;
    if (items.length === 0) return;
    const at = items.findIndex((c) => sameId(c.id, this.selectedId ?? this.openId));
    const next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + delta));
    this.selectedId = items[next].id;
    this.updateComplete.then(() => {
      this.querySelector('.ib-row[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    });
  }

  focusList() {
    this.querySelector('.ib-rows')?.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------- thread

  /**
   * Opens a conversation in the middle pane.
   * @param {string} id
   * @param {{entry?: InboxEntry|null, focus?: boolean}} [options]
   */
  open(id, options = {}) {
    const entry = options.entry ?? this.items.find((c) => sameId(c.id, id)) ?? null;
    this.selectedId = id;
    if (!sameId(id, this.openId)) {
      this.openId = id;
      this.openEntry = entry;
      this.mode = 'reply';
      this.composeError = null;
      this.macrosOpen = false;
      this.newBelow = false;
      this.stick = true;
      this.pendingPolls = 0;
      this.hasDraft = Boolean(this.draftFor(id).reply);
      writeStorage(sessionStorage, OPEN_KEY, id);
      showInHash(id);
      // The profile can load alongside the thread when the list row already names the customer.
      if (entry?.customerId) this.showCustomer(entry.customerId);
    }
    void this.loadThread();
  }

  async loadThread() {
    const id = this.openId;
    await this.thread.load(id);
    if (!sameId(id, this.openId)) return;
    const value = this.thread.value;
    if (value && sameId(value.id, id)) {
      this.showCustomer(value.conversation.customerId);
      this.schedulePendingPoll(value.messages);
      void this.refreshAssist(value);
    } else if (this.thread.error instanceof ApiError && this.thread.error.status === 404) {
      // A remembered conversation that no longer exists should not come back every time.
      writeStorage(sessionStorage, OPEN_KEY, null);
      showInHash(null);
    }
  }

  scheduleThreadReload() {
    window.clearTimeout(this.timers.thread);
    this.timers.thread = window.setTimeout(() => { if (this.openId) void this.loadThread(); }, THREAD_DEBOUNCE_MS);
  }

  /** No event reports a reply's delivery; while one is PENDING, look again now and then. */
  schedulePendingPoll(messages) {
    window.clearTimeout(this.timers.pending);
    if (!messages.some((m) => m.delivery === 'PENDING')) {
      this.pendingPolls = 0;
      return;
    }
    const delay = this.pendingPolls < PENDING_FAST_POLLS ? PENDING_POLL_MS : PENDING_POLL_SLOW_MS;
    this.pendingPolls++;
    this.timers.pending = window.setTimeout(() => this.scheduleThreadReload(), delay);
  }

  /** @returns {Thread|null} the loaded thread if it is the open conversation's */
  get openThread() {
    const value = this.thread.value;
    return value && sameId(value.id, this.openId) ? value : null;
  }

  /** Replaces the open conversation's header data after an action answered with the new state. */
  applyConversation(conversation) {
    const value = this.openThread;
    if (value && conversation && sameId(conversation.id, value.id)) {
      this.thread.value = { ...value, conversation };
    }
    this.scheduleListReload();
  }

  /** Runs a header action with one busy flag and the server's message as a toast when it fails. */
  async act(work, success) {
    if (this.busy) return;
    this.busy = true;
    try {
      const result = await work();
      if (success) toast(success(result), 'success');
    } catch (e) {
      toast(errorText(e), 'error');
    } finally {
      this.busy = false;
    }
  }

  take() {
    const id = this.openId;
    if (!id) return;
    void this.act(async () => {
      this.applyConversation(await api(`/api/conversations/${enc(id)}/take`, { method: 'POST' }));
    }, () => t('inbox.done.taken'));
  }

  /** @param {HTMLSelectElement} select */
  assign(select) {
    const id = this.openId;
    const choice = select.value;
    // The select is a menu: it goes back to "Assign…" whatever happens next.
    select.value = '';
    if (!id || !choice) return;
    const assigneeId = choice === '-' ? null : choice;
    void this.act(async () => {
      this.applyConversation(await api(`/api/conversations/${enc(id)}/assign`, { method: 'POST', body: { assigneeId } }));
    }, () => (assigneeId === null ? t('inbox.done.unassigned') : t('inbox.done.assigned', { name: this.agentName(assigneeId) })));
  }

  setStatus(status) {
    const id = this.openId;
    if (!id) return;
    void this.act(async () => {
      this.applyConversation(await api(`/api/conversations/${enc(id)}/status`, { method: 'POST', body: { status } }));
      this.reloadCustomer(); // its list of conversations shows their statuses
    }, () => t(status === 'RESOLVED' ? 'inbox.done.resolved' : 'inbox.done.reopened'));
  }

  /** @returns {Map<string, Agent>} */
  get agentMap() {
    const map = new Map();
    const list = Array.isArray(this.agents.value) ? this.agents.value : [];
    for (const agent of list) map.set(String(agent.id), agent);
    return map;
  }

  agentName(id) {
    if (id === null || id === undefined) return '';
    const agent = this.agentMap.get(String(id));
    if (agent) return agent.displayName || agent.username;
    const me = currentUser();
    if (me && sameId(me.id, id)) return me.displayName || me.username;
    return String(id); // /api/agents unavailable or the agent was removed: the id is still better than nothing.
  }

  customerName() {
    const value = this.profile.value;
    const thread = this.openThread;
    const customerId = thread?.conversation.customerId ?? this.openEntry?.customerId;
    if (value && sameId(value.forId, customerId) && value.profile.displayName) return value.profile.displayName;
    return this.openEntry?.customerName || customerId || '';
  }

  // -------------------------------------------------------- composer

  draftFor(id) {
    let draft = this.drafts.get(String(id));
    if (!draft) {
      draft = { reply: '', note: '' };
      this.drafts.set(String(id), draft);
    }
    return draft;
  }

  /** @returns {HTMLTextAreaElement|null} */
  get textarea() {
    return this.querySelector('textarea[name="reply"]');
  }

  setMode(mode, focus = true) {
    this.mode = mode;
    if (this.openId) this.hasDraft = Boolean(this.draftFor(this.openId)[mode].trim());
    this.composeError = null;
    if (focus) this.updateComplete.then(() => this.textarea?.focus());
  }

  onDraftInput(e) {
    if (!this.openId) return;
    const value = /** @type {HTMLTextAreaElement} */ (e.target).value;
    this.draftFor(this.openId)[this.mode] = value;
    const has = Boolean(value.trim());
    if (has !== this.hasDraft) this.hasDraft = has;
    if (this.composeError) this.composeError = null;
  }

  /** @param {KeyboardEvent} e */
  onComposerKey(e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.send();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (this.macrosOpen) this.macrosOpen = false;
      else this.focusList();
    }
  }

  async send() {
    const id = this.openId;
    const area = this.textarea;
    if (!id || !area || this.sending) return;
    const mode = this.mode;
    const body = area.value;
    if (!body.trim()) return;
    this.sending = true;
    this.composeError = null;
    try {
      /** @type {Message} */
      const message = await api(`/api/conversations/${enc(id)}/messages`, {
        method: 'POST', body: mode === 'note' ? { body, internal: true } : { body },
      });
      this.draftFor(id)[mode] = '';
      if (sameId(id, this.openId) && this.mode === mode) {
        area.value = '';
        this.hasDraft = false;
      }
      // Show it at once; the reload that follows brings its delivery state.
      const value = this.thread.value;
      if (message && value && sameId(value.id, id) && !value.messages.some((m) => sameId(m.id, message.id))) {
        this.stick = true;
        this.thread.value = { ...value, messages: [...value.messages, message] };
      }
      this.scheduleThreadReload();
      this.scheduleListReload();
    } catch (e) {
      const text = errorText(e);
      if (sameId(id, this.openId)) this.composeError = t('inbox.compose.failed', { message: text });
      toast(text, 'error');
    } finally {
      this.sending = false;
    }
  }

  async toggleMacros() {
    this.macrosOpen = !this.macrosOpen;
    if (!this.macrosOpen) return;
    this.macroFilter = '';
    this.updateComplete.then(() => this.querySelector('.ib-macros input')?.focus());
    if (this.macros) return;
    this.macrosError = null;
    try {
      const list = await api('/api/macros');
      this.macros = Array.isArray(list) ? list : [];
    } catch (e) {
      this.macrosError = t('inbox.macros.failed', { message: errorText(e) });
    }
  }

  /** @returns {Macro[]} */
  get filteredMacros() {
    const needle = this.macroFilter.trim().toLowerCase();
    const list = this.macros ?? [];
    if (!needle) return list;
    return list.filter((m) => `${m.title}\n${m.body}`.toLowerCase().includes(needle));
  }

  /** Inserts a macro at the caret, replacing the selection, with its placeholders filled in. */
  insertMacro(macro) {
    const area = this.textarea;
    this.macrosOpen = false;
    if (!area || !this.openId) return;
    const me = currentUser();
    const text = fillMacro(macro.body, {
      'customer.name': this.customerName(),
      'agent.name': me ? me.displayName || me.username : '',
      'conversation.subject': this.openThread?.conversation.subject ?? this.openEntry?.subject ?? '',
    });
    const start = area.selectionStart ?? area.value.length;
    const end = area.selectionEnd ?? start;
    area.setRangeText(text, start, end, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.focus();
  }

  /** @param {KeyboardEvent} e */
  onMacroKey(e) {
    const buttons = [...this.querySelectorAll('.ib-macros li button')];
    const at = buttons.indexOf(/** @type {any} */ (document.activeElement));
    if (e.key === 'Escape') {
      e.preventDefault();
      this.macrosOpen = false;
      this.textarea?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(buttons.length - 1, at + 1) : at - 1;
      if (next < 0) /** @type {HTMLElement|null} */ (this.querySelector('.ib-macros input'))?.focus();
      else /** @type {HTMLElement} */ (buttons[next])?.focus();
    } else if (e.key === 'Enter' && at < 0) {
      e.preventDefault();
      const first = this.filteredMacros[0];
      if (first) this.insertMacro(first);
    }
  }

  // ---------------------------------------------------- agent assist

  /** Learns which assist features exist (shared, cached for a few minutes). @returns {Promise<AssistCaps>} */
  async checkAssist() {
    const caps = await assistCaps();
    const known = this.assist;
    if (!known || Object.keys(caps).some((feature) => known[feature] !== caps[feature])) this.assist = caps;
    return caps;
  }

  /** @param {'nlu'|'knowledge'|'presence'|'routing'|'workflow'|'tickets'} feature */
  withdraw(feature) {
    this.assist = withdrawAssist(feature);
  }

  /** After every load of the open thread: its understanding again, and suggestions when the customer wrote anew. @param {Thread} thread */
  async refreshAssist(thread) {
    const caps = await this.checkAssist();
    if (!sameId(thread.id, this.openId)) return;
    if (caps.nlu) void this.loadUnderstanding(thread.id);
    if (caps.knowledge) this.suggestFor(thread);
    if (caps.routing) void this.decisions.load(thread.id);
  }

  // --------------------------------------------------------- routing

  /** The agent's presence and load again (the inbox refreshed: assignments may have changed the load). */
  refreshPresence() {
    if (!this.assist?.presence) return;
    window.clearTimeout(this.timers.presence);
    this.timers.presence = window.setTimeout(async () => {
      await this.me.reload();
      if (isMissing(this.me.error)) this.withdraw('presence');
    }, 0);
  }

  /** @param {HTMLSelectElement} select */
  async setPresence(select) {
    const me = this.me.value;
    const presence = /** @type {RoutingMe['presence']} */ (select.value);
    if (!me || presence === me.presence) return;
    try {
      /** @type {RoutingMe|undefined} */
      const answer = await api('/api/routing/me/presence', { method: 'PUT', body: { presence } });
      this.me.value = answer && typeof answer === 'object' && answer.presence ? answer : { ...me, presence, presenceSince: new Date().toISOString() };
    } catch (e) {
      select.value = me.presence;
      toast(errorText(e), 'error');
    }
  }

  /** @returns {RoutingDecision[]|null} the open conversation's decisions, when routing explains them */
  get openDecisions() {
    const value = this.decisions.value;
    return this.assist?.routing && value && sameId(value.id, this.openId) ? value.items : null;
  }

  /** @param {string} id */
  async loadUnderstanding(id) {
    window.clearTimeout(this.timers.nlu);
    await this.understanding.load(id);
    if (!sameId(id, this.openId)) return;
    const error = this.understanding.error;
    if (isMissing(error)) {
      this.withdraw('nlu');
      return;
    }
    const value = this.understanding.value;
    if (error || !value || !sameId(value.id, id)) return;
    this.keepEnd();
    // A message that just arrived may not be understood yet: ask again shortly, a few times.
    const thread = this.openThread;
    const latest = thread ? latestInbound(thread.messages) : null;
    if (!latest || value.byMessage.has(String(latest.id))) return;
    const age = Date.now() - new Date(latest.sentAt).getTime();
    if (!(age < NLU_FRESH_MS)) return;
    const tries = sameId(this.nluWait.messageId, latest.id) ? this.nluWait.tries : 0;
    if (tries >= NLU_RETRY_MS.length) return;
    this.nluWait = { messageId: latest.id, tries: tries + 1 };
    this.timers.nlu = window.setTimeout(() => {
      if (sameId(id, this.openId) && this.assist?.nlu) void this.loadUnderstanding(id);
    }, NLU_RETRY_MS[tries]);
  }

  /** @param {Thread} thread */
  suggestFor(thread) {
    const latest = latestInbound(thread.messages);
    if (!latest) return;
    const key = `${thread.id}\n${latest.id}`;
    if (this.suggestAsked === key) return;
    this.suggestAsked = key;
    void this.loadSuggestions({
      conversationId: thread.id, messageId: latest.id, text: String(latest.body).trim().slice(0, SUGGESTION_QUERY_CHARS),
    });
  }

  /** @param {SuggestionQuery} query */
  async loadSuggestions(query) {
    await this.suggestions.load(query);
    if (isMissing(this.suggestions.error)) this.withdraw('knowledge');
  }

  retrySuggestions() {
    this.suggestAsked = null;
    const thread = this.openThread;
    if (thread) this.suggestFor(thread);
  }

  /** @returns {Understanding|null} the open conversation's understanding, when the feature is on */
  get openUnderstanding() {
    const value = this.understanding.value;
    return this.assist?.nlu && value && sameId(value.id, this.openId) ? value : null;
  }

  /** New chips under the messages must not push the newest one out of sight. */
  keepEnd() {
    if (!this.stick) return;
    this.updateComplete.then(() => {
      const box = this.querySelector('.ib-messages');
      if (box && this.stick) box.scrollTop = box.scrollHeight;
    });
  }

  /** What an answer's placeholders can be filled with: the dialogue's details and the macro values. */
  placeholderValues() {
    const me = currentUser();
    const slots = this.openUnderstanding?.state?.slots ?? {};
    return {
      'customer.name': this.customerName(),
      'agent.name': me ? me.displayName || me.username : '',
      'conversation.subject': this.openThread?.conversation.subject ?? this.openEntry?.subject ?? '',
      ...slots,
    };
  }

  /** Puts a suggested answer into the reply, after the draft when there is one. @param {Suggestion} suggestion */
  insertSuggestion(suggestion) {
    const id = this.openId;
    if (!id) return;
    const text = fillAnswer(suggestion.answer, this.placeholderValues()).trim();
    const draft = this.draftFor(id);
    draft.reply = draft.reply.trim() ? `${draft.reply.replace(/\s+$/, '')}\n\n${text}` : text;
    this.macrosOpen = false;
    this.composeError = null;
    this.mode = 'reply';
    this.hasDraft = Boolean(draft.reply.trim());
    this.requestUpdate();
    this.updateComplete.then(() => {
      const area = this.textarea;
      if (!area) return;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
      area.scrollTop = area.scrollHeight;
    });
  }

  // -------------------------------------------------------- customer

  /** @returns {Profile|null} the loaded profile if it is the one the panel should show */
  get currentProfile() {
    const value = this.profile.value;
    return value && sameId(value.forId, this.profileFor) ? value.profile : null;
  }

  /** Replaces the shown profile with the server's answer to an edit (tags, merge). */
  setProfile(profile) {
    if (profile && this.profileFor) this.profile.value = { forId: this.profileFor, profile };
  }

  showCustomer(customerId) {
    if (!customerId) return;
    // Opening a conversation asks twice (from the list row, then from the conversation): load once.
    if (sameId(this.profileFor, customerId) && (this.profile.loading || (this.currentProfile && !this.profile.error))) return;
    this.profileFor = customerId;
    void this.profile.load(customerId);
    if (this.timelineOpen) void this.timeline.load({ customerId, offset: -1 });
  }

  reloadCustomer() {
    if (this.profileFor) void this.profile.load(this.profileFor);
    if (this.timelineOpen && this.profileFor) void this.timeline.reload();
  }

  toggleTimeline() {
    this.timelineOpen = !this.timelineOpen;
    const customerId = this.profileFor;
    if (this.timelineOpen && customerId) void this.timeline.load({ customerId, offset: -1 });
  }

  /** @param {string[]} tags */
  async saveTags(tags) {
    const profile = this.currentProfile;
    if (!profile) return;
    await this.act(async () => {
      this.setProfile(await api(`/api/customers/${enc(profile.id)}/tags`, { method: 'PUT', body: { tags } }));
    });
  }

  /** @param {SubmitEvent} e */
  addTag(e) {
    e.preventDefault();
    const form = /** @type {HTMLFormElement} */ (e.currentTarget);
    const input = /** @type {HTMLInputElement} */ (form.elements.namedItem('tag'));
    const tag = input.value.trim();
    const tags = this.currentProfile?.tags ?? [];
    if (!tag) return;
    input.value = '';
    if (tags.includes(tag)) return;
    void this.saveTags([...tags, tag]);
  }

  removeTag(tag) {
    const tags = this.currentProfile?.tags ?? [];
    void this.saveTags(tags.filter((x) => x !== tag));
  }

  openMerge() {
    this.mergeError = null;
    this.mergeOpen = true;
  }

  closeMerge() {
    this.mergeOpen = false;
    this.mergeError = null;
  }

  /** @param {SubmitEvent} e */
  async merge(e) {
    e.preventDefault();
    const profile = this.currentProfile;
    const form = /** @type {HTMLFormElement} */ (e.currentTarget);
    const otherCustomerId = String(new FormData(form).get('otherCustomerId') ?? '').trim();
    if (!profile || !otherCustomerId || this.busy) return;
    if (sameId(otherCustomerId, profile.id)) {
      this.mergeError = t('inbox.customer.mergeSelf');
      return;
    }
    this.busy = true;
    this.mergeError = null;
    try {
      this.setProfile(await api(`/api/customers/${enc(profile.id)}/merge`, { method: 'POST', body: { otherCustomerId } }));
      this.recentCustomers.delete(otherCustomerId);
      this.mergeOpen = false;
      toast(t('inbox.customer.merged'), 'success');
      this.scheduleListReload();
      if (this.timelineOpen) void this.timeline.reload();
    } catch (err) {
      this.mergeError = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  undoMerge(mergeId) {
    void this.act(async () => {
      await api(`/api/customers/merges/${enc(mergeId)}/undo`, { method: 'POST' });
      this.reloadCustomer();
      this.scheduleListReload();
    }, () => t('inbox.customer.undone'));
  }

  // ------------------------------------------------------------ live

  startLive() {
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events/stream');
    this.source = source;
    this.liveState = 'connecting';
    source.addEventListener('open', () => {
      // Events sent while we were disconnected are lost: after a reconnect, catch up by reloading.
      if (this.liveOpenedOnce) {
        this.scheduleListReload();
        this.scheduleThreadReload();
      }
      this.liveOpenedOnce = true;
      this.liveState = 'open';
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // An HTTP error (e.g. 401, 503) ends an EventSource for good; try a new one later.
        source.close();
        if (this.source === source) this.source = null;
        this.liveState = 'down';
        window.clearTimeout(this.timers.live);
        this.timers.live = window.setTimeout(() => { if (this.isConnected) this.startLive(); }, LIVE_RETRY_MS);
      } else {
        this.liveState = 'connecting';
      }
    });
    source.addEventListener('conversation', (e) => this.onLiveEvent(/** @type {MessageEvent} */ (e)));
  }

  stopLive() {
    this.source?.close();
    this.source = null;
  }

  /** @param {MessageEvent} e */
  onLiveEvent(e) {
    /** @type {LiveEvent} */
    let event;
    try {
      event = JSON.parse(e.data);
    } catch {
      return;
    }
    if (!event || typeof event !== 'object') return;
    this.scheduleListReload();
    if (event.conversation && sameId(event.conversation, this.openId)) this.scheduleThreadReload();
    const customerId = this.currentProfile?.id;
    if (event.customer && (sameId(event.customer, customerId) || sameId(event.customer, this.profileFor))) {
      // The panel lists the customer's conversations (new ones, statuses) and, when shown, every message.
      if (event.topic === 'OPENED' || event.topic === 'STATUS_CHANGED') {
        window.clearTimeout(this.timers.profile);
        this.timers.profile = window.setTimeout(() => this.reloadCustomer(), LIST_DEBOUNCE_MS);
      } else if (this.timelineOpen) {
        window.clearTimeout(this.timers.timeline);
        this.timers.timeline = window.setTimeout(() => void this.timeline.reload(), LIST_DEBOUNCE_MS);
      }
    } else if (event.conversation && sameId(event.conversation, this.openId) && event.topic === 'STATUS_CHANGED') {
      window.clearTimeout(this.timers.profile);
      this.timers.profile = window.setTimeout(() => this.reloadCustomer(), LIST_DEBOUNCE_MS);
    }
  }

  // -------------------------------------------------------- keyboard

  /** @param {KeyboardEvent} e */
  onKeyDown = (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !this.isConnected) return;
    if (document.querySelector('dialog[open]')) return;
    const target = /** @type {EventTarget|undefined} */ (e.composedPath()[0]);
    if (isTyping(target)) return;
    // Keys elsewhere on the page (the shell's navigation, the top bar) are not the inbox's business.
    const inView = target instanceof Node && (this.contains(target) || target === document.body || target === document.documentElement
      || (target instanceof HTMLElement && target.id === 'kf-main'));
    if (!inView) return;
    const inList = target instanceof Node && Boolean(this.querySelector('.ib-list-pane')?.contains(target));
    const onControl = target instanceof HTMLElement && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
    // Arrow keys keep scrolling the messages and the customer panel when focus is there.
    const scrollArea = target instanceof Node && Boolean(
      this.querySelector('.ib-messages')?.contains(target) || this.querySelector('.ib-side-pane')?.contains(target));
    switch (e.key) {
      case 'j':
      case 'k':
        e.preventDefault();
        this.moveSelection(e.key === 'j' ? 1 : -1);
        if (!inList) this.focusList();
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        if (scrollArea || (onControl && !inList)) return;
        e.preventDefault();
        this.moveSelection(e.key === 'ArrowDown' ? 1 : -1);
        if (!inList) this.focusList();
        break;
      case 'Enter':
        if (onControl) return; // the button's own action
        if (this.selectedId) {
          e.preventDefault();
          this.open(this.selectedId);
        }
        break;
      case 'r':
      case 'n':
        if (!this.openThread) return;
        e.preventDefault();
        this.setMode(e.key === 'n' ? 'note' : 'reply');
        break;
      default:
    }
  };

  // ---------------------------------------------------------- render

  updated(changed) {
    super.updated?.(changed);
    this.syncDialog();
    this.syncScroll();
    this.syncSelection();
  }

  /** After a list load, the cursor stays on its conversation, or lands on the open one, or the first row. */
  syncSelection() {
    const items = this.items;
    if (items.length === 0 || items.some((c) => sameId(c.id, this.selectedId))) return;
    const open = items.find((c) => sameId(c.id, this.openId));
    this.selectedId = (open ?? items[0]).id;
  }

  syncDialog() {
    const dialog = /** @type {HTMLDialogElement|null} */ (this.querySelector('dialog.ib-merge-dialog'));
    if (!dialog) return;
    if (this.mergeOpen && !dialog.open) {
      dialog.showModal();
      /** @type {HTMLElement|null} */ (dialog.querySelector('input[name="otherCustomerId"]'))?.focus();
    } else if (!this.mergeOpen && dialog.open) {
      dialog.close();
    }
  }

  /** Opening a conversation shows its end; new messages keep it there unless the agent scrolled up to read. */
  syncScroll() {
    const box = /** @type {HTMLElement|null} */ (this.querySelector('.ib-messages'));
    const thread = this.openThread;
    if (!box || !thread) return;
    const count = thread.messages.length;
    if (sameId(this.scrolledThread, thread.id) && this.scrolledCount === count) return;
    const first = !sameId(this.scrolledThread, thread.id);
    const grew = count > this.scrolledCount;
    this.scrolledThread = thread.id;
    this.scrolledCount = count;
    if (first || this.stick) {
      box.scrollTop = box.scrollHeight;
      if (this.newBelow) this.newBelow = false;
    } else if (grew) {
      this.newBelow = true;
    }
  }

  onMessagesScroll(e) {
    const box = /** @type {HTMLElement} */ (e.currentTarget);
    this.stick = box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
    if (this.stick && this.newBelow) this.newBelow = false;
  }

  scrollToEnd() {
    const box = this.querySelector('.ib-messages');
    if (box) box.scrollTop = box.scrollHeight;
    this.stick = true;
    this.newBelow = false;
  }

  render() {
    return html`<div class="ib-root">
      ${this.renderList()}
      ${this.renderThread()}
      ${this.renderSide()}
    </div>
    ${this.renderMergeDialog()}`;
  }

  renderList() {
    const page = this.list.value;
    const items = this.items;
    const error = this.list.error;
    const me = currentUser();
    const channels = [...this.channels, ...(this.channel && !this.channels.has(this.channel) ? [this.channel] : [])].sort();
    const selectedIndex = items.findIndex((c) => sameId(c.id, this.selectedId));
    let body;
    if (!page && error) {
      body = html`<div class="ib-state"><div class="kf-alert kf-alert-error" role="alert">${error.message}</div>
        <button type="button" class="kf-btn kf-btn-small" @click=${() => this.reloadList()}>${t('action.retry')}</button></div>`;
    } else if (!page) {
      body = html`<p class="ib-state" role="status">${t('inbox.list.loading')}</p>`;
    } else if (items.length === 0) {
      body = html`<p class="ib-state" data-empty="list">${t(this.tab === 'mine' ? 'inbox.list.emptyMine' : 'inbox.list.empty')}</p>`;
    } else {
      body = html`<ul class="ib-rows" role="listbox" tabindex="0" aria-label=${t('inbox.list')}
          aria-activedescendant=${selectedIndex >= 0 ? `ib-row-${selectedIndex}` : nothing}>
        ${repeat(items, (c) => c.id, (c, i) => {
          const open = sameId(c.id, this.openId);
          const mine = me && sameId(c.assigneeId, me.id);
          return html`<li id="ib-row-${i}" class="ib-row ${open ? 'is-open' : ''}" role="option" data-conversation=${c.id}
              aria-selected=${sameId(c.id, this.selectedId) ? 'true' : 'false'} aria-current=${open ? 'true' : nothing}
              @click=${() => this.open(c.id, { entry: c })}>
            <div class="ib-row-top">
              <span class="ib-row-name">${c.customerName || c.customerId}</span>
              ${c.lastMessageAt
                ? html`<time class="ib-row-time" datetime=${c.lastMessageAt} title=${formatDateTime(c.lastMessageAt)}>${relativeTime(c.lastMessageAt, this.now)}</time>`
                : nothing}
            </div>
            <div class="ib-row-preview">${c.subject ? html`<span class="ib-row-subject">${c.subject}</span> · ` : nothing}${c.lastMessage ?? t('inbox.list.noMessages')}</div>
            <div class="ib-row-badges">
              ${channelBadge(c.channel)} ${statusBadge(c.status)} ${handlingBadge(c.handling)}
              ${c.assigneeId && !mine
                ? html`<span class="ib-row-assignee" data-assignee=${c.assigneeId} title=${t('inbox.list.assignee', { name: this.agentName(c.assigneeId) })}>→ ${this.agentName(c.assigneeId)}</span>`
                : !c.assigneeId && this.tab === 'all'
                  ? html`<span class="ib-row-assignee">${t('inbox.list.unassigned')}</span>`
                  : nothing}
            </div>
          </li>`;
        })}
      </ul>`;
    }
    return html`<section class="ib-pane ib-list-pane" aria-labelledby="ib-list-title">
      <div class="ib-list-head">
        <div class="ib-list-title">
          <h1 id="ib-list-title">${t('inbox.list')}</h1>
          <span class="ib-live" data-live=${this.liveState} role="status" title=${t(`inbox.live.${this.liveState}`)}>${this.liveState === 'open' ? t('inbox.live.open') : this.liveState === 'connecting' ? t('inbox.live.connecting') : '!'}</span>
          <button type="button" class="kf-btn kf-btn-small" data-action="refresh" ?disabled=${this.list.loading}
            @click=${() => this.reloadList()} title=${t('action.refresh')} aria-label=${t('action.refresh')}>↻</button>
        </div>
        ${this.renderPresence()}
        <div class="ib-tabs" role="tablist" aria-label=${t('inbox.list')}>
          ${TABS.map((tab) => html`<button type="button" class="ib-tab" role="tab" data-tab=${tab} aria-selected=${this.tab === tab ? 'true' : 'false'}
              @click=${() => this.setTab(tab)}>${t(`inbox.tab.${tab}`)}${typeof this.counts[tab] === 'number'
                ? html`<span class="ib-count">${this.counts[tab]}</span>` : nothing}</button>`)}
        </div>
        <div class="ib-filters">
          <select class="kf-input" name="channel" aria-label=${t('inbox.filter.channel')} @change=${(e) => this.setFilter('channel', e.target.value)}>
            <option value="" ?selected=${this.channel === ''}>${t('inbox.filter.anyChannel')}</option>
            ${channels.map((ch) => html`<option value=${ch} ?selected=${this.channel === ch}>${label('inbox.channel.', ch)}</option>`)}
          </select>
          <select class="kf-input" name="status" aria-label=${t('inbox.filter.status')} @change=${(e) => this.setFilter('status', e.target.value)}>
            <option value="" ?selected=${this.status === ''}>${t('inbox.filter.anyStatus')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${label('inbox.status.', s)}</option>`)}
          </select>
        </div>
      </div>
      <div class="ib-busy" ?hidden=${!this.list.loading} aria-hidden="true"></div>
      ${page && error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      <div class="ib-pane" style="flex: 1 1 auto" role="tabpanel" aria-busy=${this.list.loading ? 'true' : 'false'}>${body}</div>
      <div class="ib-list-foot">${pager(page, (offset) => void this.list.load(offset))}</div>
    </section>`;
  }

  renderThread() {
    const thread = this.openThread;
    let content;
    if (!this.openId) {
      content = html`<div class="ib-state" data-empty="thread">
        <p><strong>${t('inbox.thread.none')}</strong></p>
        <p class="kf-hint">${t('inbox.thread.keys')}</p>
      </div>`;
    } else if (!thread && this.thread.error) {
      content = html`<div class="ib-state"><div class="kf-alert kf-alert-error" role="alert">${this.thread.error.message}</div>
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.loadThread()}>${t('action.retry')}</button></div>`;
    } else if (!thread) {
      content = html`<p class="ib-state" role="status">${t('inbox.thread.loading')}</p>`;
    } else {
      content = html`${this.renderThreadHead(thread.conversation)}
        ${this.thread.error ? html`<div class="kf-alert kf-alert-error" role="alert">${this.thread.error.message}</div>` : nothing}
        <div class="ib-messages-wrap">
          <div class="ib-messages" role="log" aria-label=${t('inbox.thread.messages')} tabindex="0" @scroll=${this.onMessagesScroll}>
            ${thread.messages.length === 0 ? html`<p class="ib-state">${t('inbox.thread.empty')}</p>` : this.renderMessages(thread.messages)}
          </div>
          ${this.newBelow ? html`<button type="button" class="kf-btn kf-btn-small ib-new-below" @click=${this.scrollToEnd}>${t('inbox.thread.newBelow')}</button>` : nothing}
        </div>
        ${this.renderComposer()}`;
    }
    return html`<section class="ib-pane ib-thread-pane" aria-label=${thread ? this.customerName() : t('inbox.thread.none')}
        data-open-conversation=${this.openId ?? nothing}>${content}</section>`;
  }

  /** @param {Conversation} c */
  renderThreadHead(c) {
    const me = currentUser();
    const mine = me && sameId(c.assigneeId, me.id);
    const agents = [...this.agentMap.values()];
    const done = c.status === 'RESOLVED' || c.status === 'CLOSED';
    return html`<header class="ib-thread-head">
      <div class="ib-thread-title">
        <h2>${this.customerName()}</h2>
        ${channelBadge(c.channel)} ${statusBadge(c.status)} ${handlingBadge(c.handling)}
      </div>
      <div class="ib-thread-subject" title=${c.subject ?? ''}>${c.subject || t('inbox.thread.noSubject')}</div>
      <div class="ib-thread-actions">
        <span class="ib-assignee" data-assignee=${c.assigneeId ?? ''}>${t('inbox.thread.assignee')}:
          <strong>${c.assigneeId ? (mine ? `${this.agentName(c.assigneeId)} (${t('inbox.thread.you')})` : this.agentName(c.assigneeId)) : t('inbox.thread.nobody')}</strong></span>
        ${mine ? nothing : html`<button type="button" class="kf-btn kf-btn-small kf-btn-primary" data-action="take" ?disabled=${this.busy}
          @click=${() => this.take()}>${t('inbox.action.take')}</button>`}
        <select class="kf-input" data-action="assign" aria-label=${t('inbox.action.assign')} ?disabled=${this.busy}
          @change=${(e) => this.assign(e.target)}>
          <option value="" selected>${t('inbox.action.assign')}</option>
          ${c.assigneeId ? html`<option value="-">${t('inbox.action.unassign')}</option>` : nothing}
          ${agents.map((a) => html`<option value=${a.id} ?disabled=${sameId(a.id, c.assigneeId)}>${a.displayName || a.username}${sameId(a.id, me?.id) ? ` (${t('inbox.thread.you')})` : ''}</option>`)}
        </select>
        ${done
          ? html`<button type="button" class="kf-btn kf-btn-small" data-action="reopen" ?disabled=${this.busy}
              @click=${() => this.setStatus('OPEN')}>${t('inbox.action.reopen')}</button>`
          : html`<button type="button" class="kf-btn kf-btn-small" data-action="resolve" ?disabled=${this.busy}
              @click=${() => this.setStatus('RESOLVED')}>✓ ${t('inbox.action.resolve')}</button>`}
      </div>
    </header>`;
  }

  /** @param {Message[]} messages */
  renderMessages(messages) {
    /** @type {unknown[]} */
    const out = [];
    let lastDay = '';
    for (const m of messages) {
      const day = dayKey(m.sentAt);
      if (day && day !== lastDay) {
        out.push(html`<div class="ib-day" role="separator">${dayLabel(m.sentAt)}</div>`);
        lastDay = day;
      }
      out.push(this.renderMessage(m));
    }
    return out;
  }

  /** @param {Message} m */
  renderMessage(m) {
    const note = m.direction === 'INTERNAL_NOTE';
    const outbound = m.direction === 'OUTBOUND';
    const cls = note ? 'ib-msg-note' : outbound ? 'ib-msg-out' : 'ib-msg-in';
    // Replies and notes without an author are the bot's (its answers, its hand-off summaries).
    const bot = (note || outbound) && (m.authorId === null || m.authorId === undefined || m.authorId === '');
    const author = note || outbound
      ? (bot ? t('inbox.msg.bot') : this.agentName(m.authorId))
      : this.customerName() || t('inbox.msg.customer');
    const attachments = m.attachments ?? [];
    return html`<article class="ib-msg ${cls} ${m.delivery === 'FAILED' ? 'ib-msg-failed' : ''}" data-message=${m.id}
        data-direction=${m.direction} data-delivery=${m.delivery} data-author=${bot ? 'bot' : nothing}>
      <div class="ib-bubble">${note ? html`<div class="ib-note-label">✎ ${t('inbox.msg.note')}</div>` : nothing}${m.body}${attachments.length
        ? html`<ul class="ib-attachments" aria-label=${t('inbox.msg.attachments')}>
            ${attachments.map((a) => html`<li title=${a.mediaType}>📎 ${a.fileName} <span class="kf-muted">(${fileSize(a.sizeBytes)})</span></li>`)}
          </ul>`
        : nothing}</div>
      <div class="ib-meta">
        <span class="ib-author ${bot ? 'ib-author-bot' : ''}">${author}</span>
        <time datetime=${m.sentAt} title=${formatDateTime(m.sentAt)}>${clockTime(m.sentAt)}</time>
        ${outbound && (m.delivery === 'PENDING' || m.delivery === 'SENT' || m.delivery === 'FAILED')
          ? html`<span class="ib-delivery" data-delivery=${m.delivery} title=${m.delivery === 'FAILED' ? t('inbox.msg.failedHint') : nothing}
              role=${m.delivery === 'FAILED' ? 'img' : nothing}>${m.delivery === 'FAILED' ? '⚠ ' : m.delivery === 'SENT' ? '✓ ' : '… '}${t(`inbox.msg.delivery.${m.delivery}`)}${m.delivery === 'FAILED' && m.deliveryError ? html`: <span class="ib-delivery-reason">${m.deliveryError}</span>` : nothing}</span>
            ${m.delivery === 'FAILED' && hasRole('ADMIN') ? html`<a href="#/view/kefu.deliveries">${t('action.retry')}</a>` : nothing}`
          : nothing}
      </div>
      ${m.direction === 'INBOUND' ? this.renderNlu(m) : nothing}
    </article>`;
  }

  /** What understanding made of a customer message, as small chips under it. @param {Message} m */
  renderNlu(m) {
    const result = this.openUnderstanding?.byMessage.get(String(m.id));
    if (!result) return nothing;
    const prediction = result.intent;
    const outOfScope = !prediction || prediction.outOfScope || !prediction.intent || prediction.intent === OUT_OF_SCOPE;
    const sentiment = result.sentiment?.label;
    const entities = Array.isArray(result.entities) ? result.entities : [];
    return html`<div class="ib-nlu" data-nlu=${m.id} role="group" aria-label=${t('inbox.nlu.label')}>
      ${outOfScope
        ? html`<span class="ib-chip" data-out-of-scope title=${t('inbox.nlu.outOfScopeHint')}>${t('inbox.nlu.outOfScope')}</span>`
        : html`<span class="ib-chip ib-chip-intent" data-nlu-intent=${prediction.intent} data-confidence=${String(prediction.confidence)}
            title=${t('inbox.nlu.intent', { intent: prediction.intent, confidence: percent(prediction.confidence) })}>${prediction.intent} ${percent(prediction.confidence)}</span>`}
      ${sentiment
        ? html`<span class="ib-chip ib-chip-sentiment" data-sentiment=${sentiment} title=${t('inbox.nlu.sentiment', { label: sentimentLabel(sentiment) })}>${sentimentLabel(sentiment)}</span>`
        : nothing}
      ${entities.map((e) => {
        const value = String(e.value ?? e.text ?? '');
        return html`<span class="ib-chip ib-chip-entity" data-entity=${e.type} data-value=${value} title=${`${e.type}: ${value}`}>${e.type}: ${shorten(value, 14)}</span>`;
      })}
    </div>`;
  }

  renderComposer() {
    const note = this.mode === 'note';
    const draft = this.openId ? this.draftFor(this.openId)[this.mode] : '';
    const name = this.customerName();
    return html`<div class="ib-composer ${note ? 'is-note' : ''}" data-mode=${this.mode}>
      ${this.macrosOpen ? this.renderMacros() : nothing}
      <div class="ib-composer-bar">
        <div class="ib-seg" role="group" aria-label=${t('inbox.compose.mode')}>
          <button type="button" data-action="mode-reply" aria-pressed=${note ? 'false' : 'true'} @click=${() => this.setMode('reply')}>${t('inbox.compose.reply')}</button>
          <button type="button" data-action="mode-note" aria-pressed=${note ? 'true' : 'false'} @click=${() => this.setMode('note')}>✎ ${t('inbox.compose.note')}</button>
        </div>
        <button type="button" class="kf-btn kf-btn-small" data-action="macros" aria-expanded=${this.macrosOpen ? 'true' : 'false'}
          aria-haspopup="true" @click=${() => void this.toggleMacros()}>⚡ ${t('inbox.macros')}</button>
        ${note ? html`<span class="ib-note-banner">${t('inbox.compose.noteBanner')}</span>` : nothing}
      </div>
      <textarea class="kf-input" name="reply" rows="3" aria-label=${t('inbox.compose.label')}
        placeholder=${note ? t('inbox.compose.notePlaceholder') : t('inbox.compose.replyTo', { name })}
        .value=${live(draft)} @input=${this.onDraftInput} @keydown=${this.onComposerKey}></textarea>
      ${this.composeError ? html`<div class="kf-alert kf-alert-error" role="alert" data-compose-error>${this.composeError}</div>` : nothing}
      <div class="ib-composer-bar">
        <span class="ib-kbd kf-push">${t('inbox.compose.sendKey')}</span>
        <button type="button" class="kf-btn kf-btn-primary" data-action="send" ?disabled=${this.sending || !this.hasDraft}
          @click=${() => void this.send()}>${this.sending ? t('inbox.compose.sending') : note ? t('inbox.compose.addNote') : t('inbox.compose.send')}</button>
      </div>
    </div>`;
  }

  renderMacros() {
    let body;
    if (this.macrosError) body = html`<p class="ib-state kf-danger-text" role="alert">${this.macrosError}</p>`;
    else if (!this.macros) body = html`<p class="ib-state" role="status">${t('inbox.macros.loading')}</p>`;
    else {
      const list = this.filteredMacros;
      body = list.length === 0
        ? html`<p class="ib-state">${t('inbox.macros.empty')}</p>`
        : html`<ul>${list.map((m) => html`<li><button type="button" data-macro=${m.id} @click=${() => this.insertMacro(m)}>
            ${m.title}<span class="ib-macro-body">${m.body}</span></button></li>`)}</ul>`;
    }
    return html`<div class="ib-macros" role="dialog" aria-label=${t('inbox.macros')} @keydown=${this.onMacroKey}
        @focusout=${(e) => { if (!e.currentTarget.contains(e.relatedTarget) && !e.relatedTarget?.closest?.('[data-action="macros"]')) this.macrosOpen = false; }}>
      <input class="kf-input" type="search" name="macro-filter" aria-label=${t('inbox.macros.filter')} placeholder=${t('inbox.macros.filter')}
        .value=${live(this.macroFilter)} @input=${(e) => { this.macroFilter = e.target.value; }}>
      ${body}
    </div>`;
  }

  renderSide() {
    const profile = this.currentProfile;
    let content;
    if (!this.openId) {
      content = html`<p class="ib-state">${t('inbox.customer.none')}</p>`;
    } else if (!profile && this.profile.error && !this.profile.loading) {
      content = html`<div class="ib-state"><div class="kf-alert kf-alert-error" role="alert">${this.profile.error.message}</div>
        <button type="button" class="kf-btn kf-btn-small" @click=${() => this.reloadCustomer()}>${t('action.retry')}</button></div>`;
    } else if (!profile) {
      content = html`<p class="ib-state" role="status">${t('inbox.customer.loading')}</p>`;
    } else {
      content = this.renderProfile(profile);
    }
    return html`<aside class="ib-pane ib-side-pane" aria-label=${t('inbox.customer')}
        @kefu-inbox-withdraw=${(e) => { if (e.detail?.feature) this.withdraw(e.detail.feature); }}>${this.renderAssist()}${this.renderWork()}${this.renderRouting()}${content}</aside>`;
  }

  /**
   * The work beside the conversation (work-panel.js): guided procedures when kefu.workflow is installed, the
   * conversation's tickets when kefu.ticketing is. Each goes away by itself when its endpoints answer 404 or 403.
   */
  renderWork() {
    const thread = this.openThread;
    const caps = this.assist;
    if (!thread || !caps || (!caps.workflow && !caps.tickets)) return nothing;
    const c = thread.conversation;
    return html`${caps.workflow
        ? html`<kefu-inbox-procedures .conversationId=${thread.id} .revision=${thread.messages.length}
            .agentName=${this.nameOf}></kefu-inbox-procedures>`
        : nothing}${caps.tickets
        ? html`<kefu-inbox-tickets .conversationId=${thread.id} .customerId=${c.customerId ?? null} .subject=${c.subject ?? ''}
            .revision=${thread.messages.length}></kefu-inbox-tickets>`
        : nothing}`;
  }

  /** The assist area: the dialogue so far and suggested answers. Absent when neither bundle is installed. */
  renderAssist() {
    const thread = this.openThread;
    const caps = this.assist;
    if (!thread || !caps || (!caps.nlu && !caps.knowledge)) return nothing;
    return html`<section class="ib-assist" data-assist aria-label=${t('inbox.assist')}>
      ${caps.nlu ? this.renderDialogueState(thread.conversation) : nothing}
      ${caps.knowledge ? this.renderSuggestions(thread) : nothing}
    </section>`;
  }

  /** The agent's presence and load per channel ("webchat 2/5 · email 0/10"), when routing is installed. */
  renderPresence() {
    const me = this.assist?.presence ? this.me.value : null;
    if (!me) return nothing;
    const load = channelLoad(me);
    return html`<div class="ib-presence" data-presence=${me.presence}>
      <span class="ib-presence-dot" aria-hidden="true"></span>
      <select class="kf-input" name="presence" aria-label=${t('inbox.presence')} @change=${(e) => void this.setPresence(e.target)}>
        ${PRESENCES.map((p) => html`<option value=${p} ?selected=${me.presence === p}>${label('inbox.presence.', p)}</option>`)}
      </select>
      ${load.length
        ? html`<span class="ib-load" data-load title=${t('inbox.presence.load')}>${load.map(([ch, n, max], i) => html`${i ? ' · ' : ''}<span
            data-channel-load=${ch} ?data-full=${max > 0 ? n >= max : n > 0}>${ch} ${n}/${max}</span>`)}</span>`
        : nothing}
    </div>`;
  }

  /** Where routing sent the open conversation and why: the latest decision, older ones folded. */
  renderRouting() {
    const decisions = this.openDecisions;
    const error = this.decisions.error;
    if (!this.openThread || !this.assist?.routing) return nothing;
    if (!decisions) {
      // 404 or 403 (no decisions to show this user, routing just removed): the section stays away.
      return error && !isMissing(error) && !this.decisions.loading
        ? html`<section class="ib-assist ib-routing" data-routing><p class="kf-hint" style="margin: 0">${t('inbox.routing.failed', { message: error.message })}</p></section>`
        : nothing;
    }
    if (decisions.length === 0) return nothing;
    const [latest, ...earlier] = decisions;
    return html`<section class="ib-assist ib-routing" data-routing aria-labelledby="ib-routing-title">
      <section>
        <h3 id="ib-routing-title">${t('inbox.routing')}</h3>
        ${this.renderDecision(latest, true)}
        ${earlier.length
          ? html`<details data-routing-earlier>
              <summary>${t('inbox.routing.earlier', { count: earlier.length })}</summary>
              <ol class="ib-routing-earlier">${earlier.map((d) => html`<li>${this.renderDecision(d, false)}</li>`)}</ol>
            </details>`
          : nothing}
      </section>
    </section>`;
  }

  /** @param {RoutingDecision} d @param {boolean} full the latest decision shows its reasons in full */
  renderDecision(d, full) {
    const skills = Object.entries(d.requiredSkills ?? {}).sort(([a], [b]) => a.localeCompare(b));
    const fired = Array.isArray(d.firedRules) ? d.firedRules : [];
    const actions = Array.isArray(d.actions) ? d.actions : [];
    const none = html`<span class="kf-muted">${t('inbox.routing.none')}</span>`;
    return html`<div data-decision=${d.id} data-queue=${d.queueId ?? ''} ?data-fallback=${d.fallback}>
      <p class="ib-routing-summary">${t('inbox.routing.summary', { queue: d.queueId ?? '', priority: d.priority ?? '', version: d.ruleSetVersion ?? '' })}</p>
      <div class="kf-hint">${t('inbox.routing.when', {
        trigger: label('inbox.routing.trigger.', d.trigger), time: d.decidedAt ? formatDateTime(d.decidedAt) : '' })}</div>
      ${d.fallback
        ? html`<div class="kf-alert kf-alert-error" role=${full ? 'alert' : nothing} data-routing-fallback>${t('inbox.routing.fallback')}${d.error
          ? html` <span class="kf-mono">${d.error}</span>` : nothing}</div>`
        : nothing}
      ${full
        ? html`<dl class="ib-facts">
            <dt>${t('inbox.routing.agent')}</dt>
            <dd>${d.agentId ? this.agentName(d.agentId) : html`<span class="kf-muted">${t('inbox.routing.waiting')}</span>`}</dd>
            <dt>${t('inbox.routing.why')}</dt>
            <dd>${fired.length ? html`<ul class="ib-why" data-fired-rules>${fired.map((r) => html`<li>${r}</li>`)}</ul>`
              : html`<span class="kf-muted">${t('inbox.routing.noRules')}</span>`}</dd>
            <dt>${t('inbox.routing.skills')}</dt>
            <dd>${skills.length ? skills.map(([skill, level]) => html`<span class="ib-chip ib-chip-entity" data-skill=${skill}
                title=${t('inbox.routing.skillLevel', { skill, level })}>${skill} ≥ ${level}</span>`) : none}</dd>
            <dt>${t('inbox.routing.actions')}</dt>
            <dd>${actions.length ? html`<ul class="ib-routing-actions">${actions.map((a) => html`<li data-action-kind=${a.kind}>
                ${label('inbox.routing.action.', a.kind)} → <span class="kf-mono">${a.target}</span>${a.detail
                  ? html` <span class="kf-muted">${a.detail}</span>` : nothing}</li>`)}</ul>` : none}</dd>
          </dl>`
        : fired.length ? html`<div class="kf-hint">${t('inbox.routing.why')}: ${fired.join('; ')}</div>` : nothing}
    </div>`;
  }

  /** @param {Conversation} c */
  renderDialogueState(c) {
    const understanding = this.openUnderstanding;
    const state = understanding?.state ?? null;
    const error = this.understanding.error;
    const slots = Object.entries(state?.slots ?? {});
    const trend = (state?.sentimentTrend ?? []).slice(-TREND_DOTS);
    const handling = c.handling ?? (c.assigneeId ? 'AGENT' : null);
    return html`<section aria-labelledby="ib-assist-state" data-dialogue-state>
      <h3 id="ib-assist-state">${t('inbox.assist.state')}</h3>
      ${error && !understanding ? html`<p class="kf-hint" style="margin: 0 0 6px">${t('inbox.assist.failed', { message: error.message })}</p>` : nothing}
      <dl class="ib-facts">
        <dt>${t('inbox.assist.handling')}</dt>
        <dd data-handling-state=${handling ?? ''}>${handling
          ? html`<span class="kf-badge kf-badge-${handling === 'BOT' ? 'purple' : handling === 'QUEUED' ? 'amber' : 'green'}">${label('inbox.handling.', handling)}</span>`
          : nothing}${handling === 'AGENT'
          ? html`<span>${c.assigneeId
            ? `${this.agentName(c.assigneeId)}${sameId(c.assigneeId, currentUser()?.id) ? ` (${t('inbox.thread.you')})` : ''}`
            : t('inbox.thread.nobody')}</span>`
          : nothing}</dd>
        <dt>${t('inbox.assist.intent')}</dt>
        <dd data-state-intent=${state?.intent ?? ''}>${state?.intent
          ? html`<span class="ib-state-intent">${state.intent}</span>`
          : html`<span class="kf-muted">${t('inbox.assist.noIntent')}</span>`}</dd>
        <dt>${t('inbox.assist.slots')}</dt>
        <dd>${slots.length
          ? slots.map(([type, value]) => html`<span class="ib-chip ib-chip-entity" data-slot=${type} data-value=${String(value)} title=${`${type}: ${value}`}>${type}: ${shorten(value, 18)}</span>`)
          : html`<span class="kf-muted">${t('inbox.assist.noSlots')}</span>`}</dd>
        <dt>${t('inbox.assist.trend')}</dt>
        <dd>${trend.length
          ? html`<span class="ib-trend" data-trend role="img"
              aria-label=${t('inbox.assist.trendLabel', { labels: trend.map((s) => sentimentLabel(s)).join(', ') })}>${trend.map((s) =>
                html`<span class="ib-dot" data-sentiment=${s} title=${sentimentLabel(s)}></span>`)}</span>
            <span class="kf-hint">${sentimentLabel(trend[trend.length - 1])}</span>`
          : html`<span class="kf-muted">${t('inbox.assist.noTrend')}</span>`}</dd>
      </dl>
    </section>`;
  }

  /** @param {Thread} thread */
  renderSuggestions(thread) {
    const latest = latestInbound(thread.messages);
    const value = this.suggestions.value;
    const current = latest && value && sameId(value.conversationId, thread.id) && sameId(value.messageId, latest.id) ? value : null;
    const error = this.suggestions.error;
    let body;
    if (!latest) body = html`<p class="kf-muted" style="margin: 0">${t('inbox.suggest.none')}</p>`;
    else if (!current && error) {
      body = html`<p class="kf-hint" style="margin: 0">${t('inbox.suggest.failed', { message: error.message })}
        <button type="button" class="kf-btn kf-btn-small" data-action="retry-suggestions" @click=${() => this.retrySuggestions()}>${t('action.retry')}</button></p>`;
    } else if (!current) body = html`<p class="kf-muted" role="status" style="margin: 0">${t('inbox.suggest.loading')}</p>`;
    else if (current.items.length === 0) body = html`<p class="kf-muted" data-empty="suggestions" style="margin: 0">${t('inbox.suggest.empty')}</p>`;
    else {
      const values = this.placeholderValues();
      body = html`<ul class="ib-suggestions">${current.items.map((s) => html`<li class="ib-suggestion" data-suggestion=${s.id}>
        ${s.question ? html`<p class="ib-suggestion-q">${s.question}</p>` : nothing}
        <p class="ib-suggestion-a" title=${s.answer}>${shorten(fillAnswer(s.answer, values), SUGGESTION_PREVIEW)}</p>
        <div class="ib-suggestion-foot">
          ${s.source ? html`<span>${s.source}</span>` : nothing}
          <button type="button" class="kf-btn kf-btn-small kf-push" data-action="insert-suggestion" data-suggestion-id=${s.id}
            aria-label=${t('inbox.suggest.insertLabel', { question: s.question || shorten(s.answer, 40) })}
            @click=${() => this.insertSuggestion(s)}>${t('inbox.suggest.insert')}</button>
        </div>
      </li>`)}</ul>`;
    }
    return html`<section aria-labelledby="ib-assist-suggest" data-suggestions aria-busy=${this.suggestions.loading ? 'true' : 'false'}>
      <h3 id="ib-assist-suggest">${t('inbox.suggest')}</h3>
      ${latest ? html`<div class="ib-suggest-for" title=${latest.body}>${t('inbox.suggest.for', { text: shorten(latest.body, 60) })}</div>` : nothing}
      ${body}
    </section>`;
  }

  /** @param {Profile} p */
  renderProfile(p) {
    const merges = Array.isArray(p.merges) ? p.merges : [];
    return html`<div class="ib-side" data-customer=${p.id}>
      <div class="ib-side-head">
        <h2>${p.displayName || p.id}</h2>
        <div>${p.tier ? html`<span class="kf-badge kf-badge-${TIER_COLOR[p.tier] ?? 'gray'}" data-tier=${p.tier}>${label('inbox.tier.', p.tier)}</span>` : nothing}
          <span class="kf-hint">${p.createdAt ? t('inbox.customer.since', { date: shortDate(p.createdAt) }) : nothing}</span></div>
        <div class="kf-mono kf-muted" title=${p.id}>${p.id}</div>
        <div class="ib-side-tools">
          <button type="button" class="kf-btn kf-btn-small ib-toggle" data-action="timeline" aria-pressed=${this.timelineOpen ? 'true' : 'false'}
            @click=${() => this.toggleTimeline()}>${t('inbox.customer.timeline')}</button>
          <button type="button" class="kf-btn kf-btn-small" data-action="merge" @click=${() => this.openMerge()}>${t('inbox.customer.merge')}</button>
        </div>
      </div>
      ${this.profile.error ? html`<div class="kf-alert kf-alert-error" role="alert">${this.profile.error.message}</div>` : nothing}

      ${this.timelineOpen ? this.renderTimeline(p) : nothing}

      <section aria-labelledby="ib-ids">
        <h3 id="ib-ids">${t('inbox.customer.identities')}</h3>
        ${(p.identities ?? []).length === 0
          ? html`<p class="kf-muted">${t('inbox.customer.noIdentities')}</p>`
          : html`<ul class="ib-ids">${p.identities.map((i) => html`<li data-identity=${i.type}>
              <span class="ib-id-type">${label('inbox.identity.', i.type)}</span>
              <span class="ib-id-value">${i.value}${i.verified ? html`<span class="ib-verified" title=${t('inbox.customer.verified')}>✓ ${t('inbox.customer.verified')}</span>` : nothing}</span>
            </li>`)}</ul>`}
      </section>

      <section aria-labelledby="ib-tags">
        <h3 id="ib-tags">${t('inbox.customer.tags')}</h3>
        <div class="ib-tags">
          ${(p.tags ?? []).length === 0 ? html`<span class="kf-muted">${t('inbox.customer.noTags')}</span>` : nothing}
          ${(p.tags ?? []).map((tag) => html`<span class="kf-badge kf-badge-blue" data-tag=${tag}>${tag}<button type="button" class="ib-tag-x"
              data-action="remove-tag" aria-label=${t('inbox.customer.removeTag', { tag })} title=${t('inbox.customer.removeTag', { tag })}
              ?disabled=${this.busy} @click=${() => this.removeTag(tag)}>×</button></span>`)}
        </div>
        <form class="ib-tag-form" @submit=${this.addTag}>
          <input class="kf-input" name="tag" autocomplete="off" maxlength="64" placeholder=${t('inbox.customer.newTag')} aria-label=${t('inbox.customer.newTag')}>
          <button type="submit" class="kf-btn kf-btn-small" data-action="add-tag" ?disabled=${this.busy}>${t('inbox.customer.addTag')}</button>
        </form>
      </section>

      <section aria-labelledby="ib-past">
        <h3 id="ib-past">${t('inbox.customer.conversations')} <span class="ib-count">${(p.conversations ?? []).length}</span></h3>
        <ul class="ib-past">${(p.conversations ?? []).map((c) => html`<li>
          <button type="button" data-customer-conversation=${c.id} aria-current=${sameId(c.id, this.openId) ? 'true' : 'false'}
            @click=${() => this.open(c.id, { entry: { ...c, customerName: p.displayName, lastMessageAt: c.updatedAt, lastMessage: null } })}>
            <span class="ib-past-subject">${c.subject || t('inbox.thread.noSubject')}</span>
            <span class="ib-past-line">${channelBadge(c.channel)}${statusBadge(c.status)}
              <span class="kf-hint kf-push">${c.updatedAt || c.openedAt ? shortDate(c.updatedAt ?? c.openedAt) : ''}</span></span>
          </button>
        </li>`)}</ul>
      </section>

      ${merges.length
        ? html`<section aria-labelledby="ib-merges">
            <h3 id="ib-merges">${t('inbox.customer.merges')}</h3>
            <ul class="ib-merges">${merges.map((m) => html`<li data-merge=${m.id}>
              <span>${m.otherCustomerName || m.otherCustomerId}</span>
              <span class="kf-hint">${m.undoneAt
                ? t('inbox.customer.undoneAt', { time: formatDateTime(m.undoneAt) })
                : t('inbox.customer.mergedAt', { time: formatDateTime(m.mergedAt) })}</span>
              ${m.undoneAt ? nothing : html`<button type="button" class="kf-btn kf-btn-small kf-push" data-action="undo-merge" data-merge-id=${m.id}
                ?disabled=${this.busy} @click=${() => this.undoMerge(m.id)}>${t('inbox.customer.undo')}</button>`}
            </li>`)}</ul>
          </section>`
        : nothing}
    </div>`;
  }

  /** @param {Profile} p */
  renderTimeline(p) {
    const page = this.timeline.value;
    const mine = page && sameId(page.customerId, this.profileFor);
    let body;
    if (!mine && this.timeline.error) body = html`<p class="kf-danger-text" role="alert">${this.timeline.error.message}</p>`;
    else if (!mine || !page) body = html`<p class="kf-muted" role="status">${t('inbox.customer.timelineLoading')}</p>`;
    else if (page.items.length === 0) body = html`<p class="kf-muted">${t('inbox.customer.timelineEmpty')}</p>`;
    else {
      // The server pages oldest first; within a page the panel shows the newest on top, like the inbox list.
      body = html`<ol class="ib-timeline">${[...page.items].reverse().map((m) => {
        const note = m.direction === 'INTERNAL_NOTE';
        const out = m.direction === 'OUTBOUND';
        return html`<li><button type="button" class=${note ? 'is-note' : out ? 'is-out' : ''} data-timeline-message=${m.id}
            @click=${() => this.open(m.conversationId)} aria-current=${sameId(m.conversationId, this.openId) ? 'true' : 'false'}>
          <span class="ib-tl-meta">${channelBadge(m.channel)}
            <span>${note ? t('inbox.msg.note') : out ? (m.authorId ? this.agentName(m.authorId) : t('inbox.msg.bot')) : t('inbox.msg.customer')}</span>
            <time class="kf-push" datetime=${m.sentAt} title=${formatDateTime(m.sentAt)}>${relativeTime(m.sentAt, this.now)}</time></span>
          <span class="ib-tl-body">${m.body}</span>
        </button></li>`;
      })}</ol>`;
    }
    return html`<section aria-labelledby="ib-timeline" data-timeline>
      <h3 id="ib-timeline">${t('inbox.customer.timeline')}</h3>
      ${mine && this.timeline.error ? html`<p class="kf-danger-text" role="alert">${this.timeline.error.message}</p>` : nothing}
      ${body}
      ${mine ? html`<div style="margin-top: 6px">${pager(page, (offset) => void this.timeline.load({ customerId: page.customerId, offset }))}</div>` : nothing}
    </section>`;
  }

  renderMergeDialog() {
    const profile = this.currentProfile;
    const recent = [...this.recentCustomers.entries()].reverse().filter(([id]) => !sameId(id, profile?.id)).slice(0, 12);
    return html`<dialog class="kf-dialog ib-merge-dialog" aria-labelledby="ib-merge-title" @close=${() => this.closeMerge()}>
      ${this.mergeOpen && profile
        ? html`<form @submit=${this.merge}>
            <h2 id="ib-merge-title">${t('inbox.customer.mergeTitle', { name: profile.displayName || profile.id })}</h2>
            <p class="kf-hint">${t('inbox.customer.mergeHint')}</p>
            ${this.mergeError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.mergeError}</div>` : nothing}
            <label class="kf-field"><span>${t('inbox.customer.otherId')}</span>
              <input class="kf-input kf-mono" name="otherCustomerId" required autocomplete="off" spellcheck="false" list="ib-recent-customers">
            </label>
            <datalist id="ib-recent-customers">${recent.map(([id, name]) => html`<option value=${id}>${name}</option>`)}</datalist>
            ${recent.length
              ? html`<div class="kf-field"><span>${t('inbox.customer.recent')}</span>
                  <div class="ib-recent">${recent.map(([id, name]) => html`<button type="button" class="kf-btn kf-btn-small" data-recent-customer=${id}
                      title=${id} @click=${(e) => {
                        const input = e.currentTarget.closest('form')?.querySelector('input[name="otherCustomerId"]');
                        if (input) { input.value = id; input.focus(); }
                      }}>${name}</button>`)}</div>
                </div>`
              : nothing}
            <div class="kf-dialog-actions">
              <button type="button" class="kf-btn" @click=${() => this.closeMerge()}>${t('action.cancel')}</button>
              <button type="submit" class="kf-btn kf-btn-primary" data-action="merge-confirm" ?disabled=${this.busy}>${t('inbox.customer.mergeSubmit')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}

customElements.define('kefu-inbox-view', KefuInboxView);
