// @ts-check
// "Processes" (流程): the analysts' workbench for Kefu's BPMN processes and their Camunda Forms. The process list, a
// process opened in the bpmn-js modeler with a small panel for the Camunda attributes Kefu relies on, its user-task
// forms in the form-js editor, Validate and Deploy (a deployment makes a new version; running instances stay on
// theirs), the versions with their instance counts and a drill-down to the instances, "New process" from a blank
// template, and for admins the incidents (failed jobs) with Retry.
//
// Registered by the kefu.workflow bundle as a io.kefu.api.spi.WorkbenchView:
//   id "kefu.workflow.processes", element "kefu-workflow-processes-view", resourceRoot "/workbench",
//   module "processes.js"; the REST contract is the bundle's README.md.
//
// Plain JavaScript served as it is (no build step); 'lit', 'lit/…', '@kefu/workbench' and '@kefu/process-modeler'
// come from the shell's import map. The modeler module is big (bpmn-js, and form-js loaded when a form is first
// edited), so it is imported when the first diagram is opened, not with this module. Like Kefu's built-in views this
// one renders into the light DOM; its styles are adopted into the document once, scoped under the element's tag name.
// Names, messages and ids from the server are only ever inserted through Lit's text bindings.
//
// Choices made here:
// - Nothing is saved on the server until Deploy. Leaving the view keeps unsaved work in memory (this module outlives
//   its element), and opening the view again brings it back; closing or reloading the tab asks first.
// - Selecting a user task (or start event) whose camunda:formRef names a form opens that form in the form editor.
//   The form keeps its id: user tasks name it, so renaming it in the editor's properties is undone on deploy.
// - A deployment sends the diagram and every form of the process (binding "deployment" needs them in the same
//   deployment), the edited ones as edited.
// - Validation problems are outlined in red on the canvas; clicking one selects its element and scrolls to it.
import { LitElement, html, css, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, formatDateTime, hasRole, Loader, LocaleController, locale,
  registerMessages, t, toast,
} from '@kefu/workbench';

/** @typedef {{key: string, name: string, version: number, deployedAt: string, sop: boolean, intents: string[], title: string|null, running: number}} ProcessSummary title: an SOP's Chinese title */
/** @typedef {{id: string, version: number, deployedAt: string, deploymentId: string, source: string, running: number, completed: number}} VersionSummary */
/** @typedef {{key: string, name: string, version: number, id: string, bpmn: string, forms: Record<string, any>}} VersionDetail */
/** @typedef {{id: string, businessKey: string|null, startedAt: string, endedAt: string|null, activities: string[]}} Instance */
/** @typedef {{elementId: string|null, message: string, line: number|null, warning: boolean}} Problem */
/** @typedef {{id: string, processKey: string, processInstanceId: string, businessKey: string|null, activityId: string, message: string, createdAt: string, jobId: string}} Incident */
/**
 * What is open in the modeler.
 * @typedef {object} Current
 * @property {string} key the process id in the BPMN
 * @property {number|null} version the deployed version it was opened from; null for a new process never deployed
 * @property {string|null} deployedAt
 */
/**
 * The answer to the last Validate or Deploy; warnings (an action no bundle provides yet, say) do not block deploying.
 * @typedef {{kind: 'valid', warnings: Problem[]}
 *   | {kind: 'invalid', problems: Problem[], warnings: Problem[]}
 *   | {kind: 'refused', message: string, problems: Problem[]}
 *   | {kind: 'deployed', key: string, version: number, id: string, warnings: Problem[]}
 *   | {kind: 'error', message: string}} Result
 */

// ------------------------------------------------------------------ texts

registerMessages('en', {
  'workflow.processes.title': 'Processes',
  'workflow.processes.intro': 'Model Kefu’s processes and SOPs and the forms of their tasks. Validate, then deploy: the deployment becomes the process’s newest version, which new instances use; running instances finish on their own version.',
  'workflow.processes.tabs': 'Sections',
  'workflow.processes.tabProcesses': 'Processes',
  'workflow.processes.tabIncidents': 'Incidents',

  'workflow.processes.list': 'Processes',
  'workflow.processes.loading': 'Loading the processes…',
  'workflow.processes.none': 'No process is deployed yet.',
  'workflow.processes.new': 'New process',
  'workflow.processes.sop': 'SOP',
  'workflow.processes.runningCount': '{count} running',
  'workflow.processes.versionShort': 'v{n}',
  'workflow.processes.open': 'Open {name}',

  'workflow.processes.pick': 'Open a process from the list, or start a new one.',
  'workflow.processes.loadingModeler': 'Loading the modeler…',
  'workflow.processes.loadingDiagram': 'Opening {key} v{version}…',
  'workflow.processes.modelerFailed': 'The modeler could not be loaded: {message}',
  'workflow.processes.openFailed': 'The process could not be opened: {message}',
  'workflow.processes.importWarnings': 'Opened with {count} warnings from the BPMN reader; elements it did not understand may be missing.',
  'workflow.processes.heading': '{name} · {key}',
  'workflow.processes.newBadge': 'Not deployed',
  'workflow.processes.openedVersion': 'Version {version} · deployed {at}',
  'workflow.processes.unsaved': 'Changed, not deployed',
  'workflow.processes.canvas': 'BPMN diagram of {key}',
  'workflow.processes.canvasKeys': 'Click the diagram to use its keyboard shortcuts: Ctrl+Z undo, Ctrl+Y redo, Delete, Ctrl+C / Ctrl+V, Ctrl+F search, E direct edit.',
  'workflow.processes.readOnly': 'You can look, but deploying needs the ANALYST or ADMIN role.',
  'workflow.processes.restored': 'Your unsaved changes to {key} are back.',

  'workflow.processes.validate': 'Validate',
  'workflow.processes.validating': 'Validating…',
  'workflow.processes.deploy': 'Deploy',
  'workflow.processes.deploying': 'Deploying…',
  'workflow.processes.download': 'Download BPMN',
  'workflow.processes.deployHint': 'Deploying makes a new version of {key}; running instances keep their version.',

  'workflow.processes.results': 'Results',
  'workflow.processes.valid': 'The process is valid.',
  'workflow.processes.invalid': 'The process has {count} problems.',
  'workflow.processes.invalid.one': 'The process has 1 problem.',
  'workflow.processes.warnings': '{count} warnings (they do not stop deploying):',
  'workflow.processes.warnings.one': '1 warning (it does not stop deploying):',
  'workflow.processes.refused': 'Not deployed: {message}',
  'workflow.processes.deployed': 'Deployed {key} as version {version}.',
  'workflow.processes.problemAt': '{element}: {message}',
  'workflow.processes.problemLine': 'Line {line}: {message}',
  'workflow.processes.showElement': 'Show {element} in the diagram',
  'workflow.processes.notInDiagram': '{element} is not in the diagram.',

  'workflow.processes.element': 'Element',
  'workflow.processes.process': 'Process',
  'workflow.processes.elementHint': 'Select an element in the diagram to edit it; with nothing selected this shows the process.',
  'workflow.processes.id': 'ID',
  'workflow.processes.type': 'Type',
  'workflow.processes.name': 'Name',
  'workflow.processes.documentation': 'Documentation',
  'workflow.processes.documentationTask': 'Instructions for the agent',
  'workflow.processes.assignee': 'Assignee',
  'workflow.processes.assigneeHint': 'e.g. ${starter}: whoever started the process',
  'workflow.processes.candidateGroups': 'Candidate groups',
  'workflow.processes.formRef': 'Form',
  'workflow.processes.formRefHint': 'The id of a form of this process (camunda:formRef, binding “deployment”).',
  'workflow.processes.createForm': 'Create form',
  'workflow.processes.editForm': 'Edit form',
  'workflow.processes.expression': 'Expression',
  'workflow.processes.expressionHint': 'e.g. ${actions.run(\'ticket.create\', execution)}',
  'workflow.processes.asyncBefore': 'Run as a job (asynchronous before): failures are retried, then become incidents',
  'workflow.processes.ttl': 'History time to live',
  'workflow.processes.ttlHint': 'ISO-8601 period (P180D) or days; every process needs one.',
  'workflow.processes.sopFlag': 'Agents can start it as an SOP',
  'workflow.processes.intents': 'Intents that suggest it',
  'workflow.processes.intentsHint': 'Comma-separated, e.g. refund,return',
  'workflow.processes.titleZh': 'Chinese title',
  'workflow.processes.collaboration': 'Select the pool to edit its process.',

  'workflow.processes.forms': 'Forms',
  'workflow.processes.noForms': 'No user task of this process has a form.',
  'workflow.processes.usedBy': 'Used by {names}',
  'workflow.processes.unused': 'No task uses it',
  'workflow.processes.missing': 'Missing',
  'workflow.processes.edited': 'Edited',
  'workflow.processes.formEditor': 'Form {id}',
  'workflow.processes.formLoading': 'Loading the form editor…',
  'workflow.processes.formFailed': 'The form could not be opened: {message}',
  'workflow.processes.formIdHint': 'Tasks name this form by its id, {id}; it stays that id when deployed.',
  'workflow.processes.closeForm': 'Close form',

  'workflow.processes.versions': 'Versions of {key}',
  'workflow.processes.noVersions': 'Not deployed yet.',
  'workflow.processes.colVersion': 'Version',
  'workflow.processes.colDeployed': 'Deployed',
  'workflow.processes.colSource': 'Source',
  'workflow.processes.colRunning': 'Running',
  'workflow.processes.colCompleted': 'Completed',
  'workflow.processes.openVersion': 'Open',
  'workflow.processes.openVersionLabel': 'Open version {n} in the modeler',
  'workflow.processes.instances': 'Instances',
  'workflow.processes.instancesLabel': 'Instances of version {n}',
  'workflow.processes.opened': 'Open',

  'workflow.processes.instancesOf': 'Instances of {key} v{version}',
  'workflow.processes.state': 'Show',
  'workflow.processes.stateRunning': 'Running',
  'workflow.processes.stateCompleted': 'Completed',
  'workflow.processes.stateAll': 'All',
  'workflow.processes.noInstances': 'No instances.',
  'workflow.processes.colInstance': 'Instance',
  'workflow.processes.colBusinessKey': 'Business key',
  'workflow.processes.colStarted': 'Started',
  'workflow.processes.colEnded': 'Ended',
  'workflow.processes.colActivities': 'Where it is',
  'workflow.processes.closeInstances': 'Close',

  'workflow.processes.newTitle': 'New process',
  'workflow.processes.newName': 'Name',
  'workflow.processes.newKey': 'Key',
  'workflow.processes.newKeyHint': 'The process id: letters, digits, “-”, “_” and “.”, starting with a letter. It cannot change later.',
  'workflow.processes.newKeyInvalid': 'Start with a letter; then letters, digits, “-”, “_” or “.” (at most 64).',
  'workflow.processes.newKeyTaken': 'A process with this key exists; open it from the list to make a new version.',
  'workflow.processes.newNameRequired': 'Give the process a name.',
  'workflow.processes.create': 'Create',
  'workflow.processes.startEvent': 'Start',

  'workflow.processes.discardTitle': 'Discard the changes?',
  'workflow.processes.discardText': 'The changes to {key} are not deployed. They are lost if you open something else.',
  'workflow.processes.discard': 'Discard changes',
  'workflow.processes.keep': 'Keep editing',

  'workflow.processes.incidents': 'Incidents',
  'workflow.processes.incidentsIntro': 'Jobs that failed after all their retries. Fix the cause (a system that was down, say), then Retry: the job runs again.',
  'workflow.processes.incidentsLoading': 'Loading the incidents…',
  'workflow.processes.noIncidents': 'No incidents.',
  'workflow.processes.colProcess': 'Process',
  'workflow.processes.colActivity': 'Step',
  'workflow.processes.colMessage': 'Error',
  'workflow.processes.colCreated': 'Since',
  'workflow.processes.retry': 'Retry',
  'workflow.processes.retrying': 'Retrying…',
  'workflow.processes.retried': 'The job of {activity} runs again.',
});

registerMessages('zh-CN', {
  'workflow.processes.title': '流程',
  'workflow.processes.intro': '设计客服流程与 SOP 及其任务表单。先校验，再部署：部署成为该流程的最新版本，新实例将使用它；运行中的实例按原版本运行至结束。',
  'workflow.processes.tabs': '分区',
  'workflow.processes.tabProcesses': '流程',
  'workflow.processes.tabIncidents': '故障',

  'workflow.processes.list': '流程',
  'workflow.processes.loading': '正在加载流程…',
  'workflow.processes.none': '还没有部署任何流程。',
  'workflow.processes.new': '新建流程',
  'workflow.processes.sop': 'SOP',
  'workflow.processes.runningCount': '{count} 个运行中',
  'workflow.processes.versionShort': '第 {n} 版',
  'workflow.processes.open': '打开 {name}',

  'workflow.processes.pick': '从列表中打开一个流程，或新建一个流程。',
  'workflow.processes.loadingModeler': '正在加载流程设计器…',
  'workflow.processes.loadingDiagram': '正在打开 {key} 第 {version} 版…',
  'workflow.processes.modelerFailed': '无法加载流程设计器：{message}',
  'workflow.processes.openFailed': '无法打开流程：{message}',
  'workflow.processes.importWarnings': '已打开，但 BPMN 解析给出 {count} 条警告；无法识别的元素可能缺失。',
  'workflow.processes.heading': '{name} · {key}',
  'workflow.processes.newBadge': '未部署',
  'workflow.processes.openedVersion': '第 {version} 版 · 部署于 {at}',
  'workflow.processes.unsaved': '已修改，未部署',
  'workflow.processes.canvas': '{key} 的 BPMN 流程图',
  'workflow.processes.canvasKeys': '点击流程图后可使用快捷键：Ctrl+Z 撤销，Ctrl+Y 重做，Delete 删除，Ctrl+C / Ctrl+V 复制粘贴，Ctrl+F 搜索，E 直接编辑。',
  'workflow.processes.readOnly': '您可以查看，但部署需要 ANALYST 或 ADMIN 角色。',
  'workflow.processes.restored': '您对 {key} 未部署的修改已恢复。',

  'workflow.processes.validate': '校验',
  'workflow.processes.validating': '正在校验…',
  'workflow.processes.deploy': '部署',
  'workflow.processes.deploying': '正在部署…',
  'workflow.processes.download': '下载 BPMN',
  'workflow.processes.deployHint': '部署会生成 {key} 的新版本；运行中的实例保持原版本。',

  'workflow.processes.results': '结果',
  'workflow.processes.valid': '流程校验通过。',
  'workflow.processes.invalid': '流程有 {count} 个问题。',
  'workflow.processes.invalid.one': '流程有 1 个问题。',
  'workflow.processes.warnings': '{count} 个警告（不影响部署）：',
  'workflow.processes.warnings.one': '1 个警告（不影响部署）：',
  'workflow.processes.refused': '未部署：{message}',
  'workflow.processes.deployed': '已将 {key} 部署为第 {version} 版。',
  'workflow.processes.problemAt': '{element}：{message}',
  'workflow.processes.problemLine': '第 {line} 行：{message}',
  'workflow.processes.showElement': '在流程图中显示 {element}',
  'workflow.processes.notInDiagram': '流程图中没有 {element}。',

  'workflow.processes.element': '元素',
  'workflow.processes.process': '流程',
  'workflow.processes.elementHint': '在流程图中选择一个元素进行编辑；未选择时此处显示流程本身。',
  'workflow.processes.id': 'ID',
  'workflow.processes.type': '类型',
  'workflow.processes.name': '名称',
  'workflow.processes.documentation': '说明',
  'workflow.processes.documentationTask': '给坐席的操作说明',
  'workflow.processes.assignee': '处理人',
  'workflow.processes.assigneeHint': '例如 ${starter}：启动流程的人',
  'workflow.processes.candidateGroups': '候选组',
  'workflow.processes.formRef': '表单',
  'workflow.processes.formRefHint': '本流程中某个表单的 ID（camunda:formRef，绑定方式 “deployment”）。',
  'workflow.processes.createForm': '新建表单',
  'workflow.processes.editForm': '编辑表单',
  'workflow.processes.expression': '表达式',
  'workflow.processes.expressionHint': '例如 ${actions.run(\'ticket.create\', execution)}',
  'workflow.processes.asyncBefore': '作为作业运行（异步开始）：失败会重试，之后成为故障',
  'workflow.processes.ttl': '历史保留期',
  'workflow.processes.ttlHint': 'ISO-8601 时长（如 P180D）或天数；每个流程都必须设置。',
  'workflow.processes.sopFlag': '坐席可作为 SOP 启动',
  'workflow.processes.intents': '推荐此流程的意图',
  'workflow.processes.intentsHint': '以逗号分隔，例如 refund,return',
  'workflow.processes.titleZh': '中文标题',
  'workflow.processes.collaboration': '请选择泳池以编辑其流程。',

  'workflow.processes.forms': '表单',
  'workflow.processes.noForms': '本流程的用户任务都没有表单。',
  'workflow.processes.usedBy': '使用者：{names}',
  'workflow.processes.unused': '没有任务使用',
  'workflow.processes.missing': '缺失',
  'workflow.processes.edited': '已修改',
  'workflow.processes.formEditor': '表单 {id}',
  'workflow.processes.formLoading': '正在加载表单编辑器…',
  'workflow.processes.formFailed': '无法打开表单：{message}',
  'workflow.processes.formIdHint': '任务通过 ID {id} 引用此表单；部署时保持该 ID。',
  'workflow.processes.closeForm': '关闭表单',

  'workflow.processes.versions': '{key} 的版本',
  'workflow.processes.noVersions': '尚未部署。',
  'workflow.processes.colVersion': '版本',
  'workflow.processes.colDeployed': '部署时间',
  'workflow.processes.colSource': '来源',
  'workflow.processes.colRunning': '运行中',
  'workflow.processes.colCompleted': '已完成',
  'workflow.processes.openVersion': '打开',
  'workflow.processes.openVersionLabel': '在设计器中打开第 {n} 版',
  'workflow.processes.instances': '实例',
  'workflow.processes.instancesLabel': '第 {n} 版的实例',
  'workflow.processes.opened': '已打开',

  'workflow.processes.instancesOf': '{key} 第 {version} 版的实例',
  'workflow.processes.state': '显示',
  'workflow.processes.stateRunning': '运行中',
  'workflow.processes.stateCompleted': '已完成',
  'workflow.processes.stateAll': '全部',
  'workflow.processes.noInstances': '没有实例。',
  'workflow.processes.colInstance': '实例',
  'workflow.processes.colBusinessKey': '业务键',
  'workflow.processes.colStarted': '开始',
  'workflow.processes.colEnded': '结束',
  'workflow.processes.colActivities': '当前步骤',
  'workflow.processes.closeInstances': '关闭',

  'workflow.processes.newTitle': '新建流程',
  'workflow.processes.newName': '名称',
  'workflow.processes.newKey': '键',
  'workflow.processes.newKeyHint': '流程 ID：以字母开头，可包含字母、数字、“-”、“_” 和 “.”。创建后不能更改。',
  'workflow.processes.newKeyInvalid': '须以字母开头，其后为字母、数字、“-”、“_” 或 “.”（最多 64 个字符）。',
  'workflow.processes.newKeyTaken': '已有使用此键的流程；请从列表中打开它来制作新版本。',
  'workflow.processes.newNameRequired': '请填写流程名称。',
  'workflow.processes.create': '创建',
  'workflow.processes.startEvent': '开始',

  'workflow.processes.discardTitle': '放弃修改？',
  'workflow.processes.discardText': '对 {key} 的修改尚未部署。打开其他内容将丢失这些修改。',
  'workflow.processes.discard': '放弃修改',
  'workflow.processes.keep': '继续编辑',

  'workflow.processes.incidents': '故障',
  'workflow.processes.incidentsIntro': '重试次数用尽后仍失败的作业。先排除原因（例如某个外部系统宕机），再点“重试”：作业会再次运行。',
  'workflow.processes.incidentsLoading': '正在加载故障…',
  'workflow.processes.noIncidents': '没有故障。',
  'workflow.processes.colProcess': '流程',
  'workflow.processes.colActivity': '步骤',
  'workflow.processes.colMessage': '错误',
  'workflow.processes.colCreated': '发生时间',
  'workflow.processes.retry': '重试',
  'workflow.processes.retrying': '正在重试…',
  'workflow.processes.retried': '{activity} 的作业已重新运行。',
});

/**
 * Chinese for the modeler's own texts (palette, context pad, the "change element" menu). bpmn-js asks for each
 * English text; what is not listed stays English.
 */
const modelerZh = {
  'Activate hand tool': '启用抓手工具',
  'Activate lasso tool': '启用套索工具',
  'Activate create/remove space tool': '启用插入/删除空间工具',
  'Activate global connect tool': '启用全局连接工具',
  'Create start event': '创建开始事件',
  'Create intermediate/boundary event': '创建中间/边界事件',
  'Create end event': '创建结束事件',
  'Create gateway': '创建网关',
  'Create task': '创建任务',
  'Create data object reference': '创建数据对象引用',
  'Create data store reference': '创建数据存储引用',
  'Create expanded sub-process': '创建展开的子流程',
  'Create pool/participant': '创建泳池/参与者',
  'Create group': '创建组',
  'Search in diagram': '在流程图中搜索',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append task': '追加任务',
  'Append intermediate/boundary event': '追加中间/边界事件',
  'Append message intermediate catch event': '追加消息中间捕获事件',
  'Append timer intermediate catch event': '追加定时器中间捕获事件',
  'Append conditional intermediate catch event': '追加条件中间捕获事件',
  'Append signal intermediate catch event': '追加信号中间捕获事件',
  'Append receive task': '追加接收任务',
  'Append compensation activity': '追加补偿活动',
  'Add text annotation': '添加文本注释',
  'Add lane above': '在上方添加泳道',
  'Add lane below': '在下方添加泳道',
  'Divide into two lanes': '分成两条泳道',
  'Divide into three lanes': '分成三条泳道',
  'Change element': '更改元素类型',
  'Delete': '删除',
  'Connect to other element': '连接到其他元素',
  'Connect using association': '使用关联连接',
  'Connect using data input association': '使用数据输入关联连接',
  'Toggle non-interrupting': '切换非中断',
  'Loop': '循环',
  'Parallel multi-instance': '并行多实例',
  'Sequential multi-instance': '串行多实例',
  'Task': '任务',
  'User task': '用户任务',
  'Service task': '服务任务',
  'Send task': '发送任务',
  'Receive task': '接收任务',
  'Manual task': '手工任务',
  'Business rule task': '业务规则任务',
  'Script task': '脚本任务',
  'Call activity': '调用活动',
  'Sub-process': '子流程',
  'Sub-process (collapsed)': '子流程（折叠）',
  'Sub-process (expanded)': '子流程（展开）',
  'Event sub-process': '事件子流程',
  'Transaction': '事务',
  'Exclusive gateway': '排他网关',
  'Parallel gateway': '并行网关',
  'Inclusive gateway': '包容网关',
  'Complex gateway': '复杂网关',
  'Event-based gateway': '事件网关',
  'Start event': '开始事件',
  'End event': '结束事件',
  'Intermediate throw event': '中间抛出事件',
  'Message start event': '消息开始事件',
  'Timer start event': '定时器开始事件',
  'Signal start event': '信号开始事件',
  'Message end event': '消息结束事件',
  'Error end event': '错误结束事件',
  'Terminate end event': '终止结束事件',
  'Signal end event': '信号结束事件',
  'Message intermediate catch event': '消息中间捕获事件',
  'Message intermediate throw event': '消息中间抛出事件',
  'Timer intermediate catch event': '定时器中间捕获事件',
  'Signal intermediate catch event': '信号中间捕获事件',
  'Signal intermediate throw event': '信号中间抛出事件',
  'Timer boundary event': '定时器边界事件',
  'Timer boundary event (non-interrupting)': '定时器边界事件（非中断）',
  'Message boundary event': '消息边界事件',
  'Message boundary event (non-interrupting)': '消息边界事件（非中断）',
  'Error boundary event': '错误边界事件',
  'Signal boundary event': '信号边界事件',
  'Sequence flow': '顺序流',
  'Default flow': '默认流',
  'Conditional flow': '条件流',
  'Data object reference': '数据对象引用',
  'Data store reference': '数据存储引用',
};

// ---------------------------------------------------------------- helpers

const API = '/api/workflow';
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const DEFAULT_TTL = 'P180D';
/** Kefu's own extension properties of an SOP (see the bundle's README). */
const SOP_PROPERTY = 'kefu.sop';
const INTENTS_PROPERTY = 'kefu.intents';
const TITLE_ZH_PROPERTY = 'kefu.title.zh';
const FORM_EXPORTER = { name: 'Kefu', version: '1' };
/** Element types that can carry a camunda:formRef. */
const FORM_TYPES = ['bpmn:UserTask', 'bpmn:StartEvent'];

/** The modeler module, imported once for the whole page when the first diagram is opened. */
let modelerModule = /** @type {Promise<any>|null} */ (null);
function loadModelerModule() {
  if (!modelerModule) {
    modelerModule = import('@kefu/process-modeler').catch((e) => {
      modelerModule = null;
      throw e;
    });
  }
  return modelerModule;
}

/**
 * Unsaved work kept when the view is left: the module stays loaded while its element comes and goes, so opening the
 * view again can bring the work back.
 * @type {{current: Current, xml: string, forms: Record<string, any>, dirtyForms: string[]}|null}
 */
let stash = null;

function enc(value) {
  return encodeURIComponent(String(value));
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

function number(value) {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale()).format(n) : '—';
}

function when(iso) {
  return iso ? formatDateTime(iso) : '';
}

function shortId(id) {
  const text = String(id ?? '');
  return text.length > 8 ? text.slice(0, 8) : text;
}

/** `key.one` for a count of one, else `key`. */
function plural(key, count, params = {}) {
  return t(Number(count) === 1 ? `${key}.one` : key, { count: number(count), ...params });
}

/** @param {unknown} list @param {boolean} [warning] @returns {Problem[]} */
function problemsOf(list, warning = false) {
  if (!Array.isArray(list)) return [];
  return list.map((p) => ({
    elementId: p?.elementId ? String(p.elementId) : null,
    message: String(p?.message ?? ''),
    line: Number.isFinite(Number(p?.line)) && Number(p.line) > 0 ? Math.trunc(Number(p.line)) : null,
    warning: warning || p?.warning === true,
  }));
}

function escapeXml(text) {
  return String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** A process with one start event, in Kefu's conventions (history time to live, the Kefu exporter). */
function blankProcess(key, name) {
  const k = escapeXml(key);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${k}" targetNamespace="https://kefu.io/processes" exporter="Kefu" exporterVersion="1">
  <bpmn:process id="${k}" name="${escapeXml(name)}" isExecutable="true" camunda:historyTimeToLive="${DEFAULT_TTL}">
    <bpmn:startEvent id="start" name="${escapeXml(t('workflow.processes.startEvent'))}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${k}">
    <bpmndi:BPMNPlane id="Plane_${k}" bpmnElement="${k}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="160" y="100" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A key proposed from a name: ASCII letters and digits joined by dashes ('' when the name has none, e.g. Chinese). */
function keyFromName(name) {
  const slug = String(name).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return /^[a-z]/.test(slug) ? slug : '';
}

/** "bpmn:UserTask" → "User task". */
function typeLabel(type) {
  const bare = String(type ?? '').replace(/^bpmn:/, '');
  const words = bare.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return locale() === 'zh-CN' ? (modelerZh[text] ?? text) : text;
}

function isA(element, type) {
  const bo = element?.businessObject;
  return Boolean(bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type));
}

function documentationOf(bo) {
  const docs = bo?.get?.('documentation') ?? [];
  return docs.map((d) => d.text ?? '').join('\n');
}

// ------------------------------------------------------------------ styles

const viewStyles = css`
  kefu-workflow-processes-view { display: block; container-type: inline-size; container-name: kefu-workflow-processes; }
  kefu-workflow-processes-view .wp-tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--kf-border); }
  kefu-workflow-processes-view .wp-tab {
    font: inherit; font-size: 13px; border: 0; border-bottom: 2px solid transparent; background: none; color: var(--kf-text-muted);
    padding: 6px 12px; margin-bottom: -1px; cursor: pointer;
  }
  kefu-workflow-processes-view .wp-tab:hover { color: var(--kf-text); }
  kefu-workflow-processes-view .wp-tab[aria-selected="true"] { color: var(--kf-text); border-bottom-color: var(--kf-accent); font-weight: 600; }
  kefu-workflow-processes-view .wp-tab:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }

  kefu-workflow-processes-view .wp-layout { display: grid; grid-template-columns: minmax(200px, 260px) minmax(0, 1fr); gap: 12px; align-items: start; }
  kefu-workflow-processes-view .wp-main { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
  kefu-workflow-processes-view .wp-sidebar { display: flex; flex-direction: column; gap: 8px; padding: 10px; }
  kefu-workflow-processes-view .wp-processes { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; max-height: 70vh; overflow-y: auto; }
  kefu-workflow-processes-view .wp-processes li { border-bottom: 1px solid var(--kf-border); }
  kefu-workflow-processes-view .wp-processes li:last-child { border-bottom: 0; }
  kefu-workflow-processes-view .wp-process {
    font: inherit; width: 100%; text-align: left; border: 0; background: none; color: inherit; cursor: pointer;
    padding: 7px 6px; display: flex; flex-direction: column; gap: 2px; border-radius: var(--kf-radius);
  }
  kefu-workflow-processes-view .wp-process:hover { background: var(--kf-hover); }
  kefu-workflow-processes-view .wp-process:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-workflow-processes-view .wp-process[aria-current="true"] { background: var(--kf-accent-soft); }
  kefu-workflow-processes-view .wp-process-name { font-size: 13px; font-weight: 600; overflow-wrap: anywhere; }
  kefu-workflow-processes-view .wp-process-meta { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; font-size: 12px; color: var(--kf-text-muted); }

  kefu-workflow-processes-view .wp-editor { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
  kefu-workflow-processes-view .wp-heading { font-size: 15px; font-weight: 600; margin: 0; overflow-wrap: anywhere; }
  kefu-workflow-processes-view .wp-canvas-row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(240px, 300px); gap: 10px; align-items: stretch; }
  kefu-workflow-processes-view .wp-canvas {
    height: clamp(360px, 62vh, 760px); border: 1px solid var(--kf-border); border-radius: var(--kf-radius);
    background: #fff; position: relative; overflow: hidden; min-width: 0;
  }
  kefu-workflow-processes-view .wp-canvas[hidden] { display: none; }
  kefu-workflow-processes-view .wp-placeholder { padding: 48px 16px; text-align: center; color: var(--kf-text-muted); border: 1px dashed var(--kf-border-strong); border-radius: var(--kf-radius); }
  kefu-workflow-processes-view .wp-panel {
    border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 10px; display: flex; flex-direction: column;
    gap: 8px; font-size: 13px; overflow-y: auto; max-height: clamp(360px, 62vh, 760px); background: var(--kf-surface);
  }
  kefu-workflow-processes-view .wp-panel h3 { font-size: 13px; margin: 0; }
  kefu-workflow-processes-view .wp-panel textarea { min-height: 64px; resize: vertical; }
  kefu-workflow-processes-view .wp-panel .kf-input { width: 100%; box-sizing: border-box; }
  kefu-workflow-processes-view .wp-row { display: flex; gap: 6px; flex-wrap: wrap; }
  kefu-workflow-processes-view .wp-dirty { color: var(--kf-amber-fg); font-size: 12px; font-weight: 600; }

  kefu-workflow-processes-view .wp-warning { border-color: var(--kf-amber-fg); background: var(--kf-amber-bg); color: var(--kf-amber-fg); margin-top: 8px; }
  kefu-workflow-processes-view .wp-problems { margin: 6px 0 0; padding-left: 20px; display: flex; flex-direction: column; gap: 3px; }
  kefu-workflow-processes-view .wp-link {
    font: inherit; border: 0; background: none; padding: 0; color: inherit; text-decoration: underline; cursor: pointer; text-align: left; overflow-wrap: anywhere;
  }
  kefu-workflow-processes-view .wp-link:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }

  kefu-workflow-processes-view .wp-forms { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
  kefu-workflow-processes-view .wp-form-item {
    display: flex; flex-direction: column; gap: 2px; padding: 6px 8px; border: 1px solid var(--kf-border); border-radius: var(--kf-radius);
    min-width: 160px; max-width: 280px; font-size: 12.5px;
  }
  kefu-workflow-processes-view .wp-form-item[aria-current="true"] { border-color: var(--kf-accent); background: var(--kf-accent-soft); }
  kefu-workflow-processes-view .wp-form-host { height: clamp(480px, 70vh, 820px); border: 1px solid var(--kf-border); border-radius: var(--kf-radius); background: #fff; position: relative; overflow: hidden; }
  kefu-workflow-processes-view .wp-form-host[hidden] { display: none; }
  kefu-workflow-processes-view .wp-form-host > .fjs-container { height: 100%; }

  kefu-workflow-processes-view .wp-lower { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 12px; align-items: start; }
  kefu-workflow-processes-view tr[aria-current="true"] td { background: var(--kf-accent-soft); }
  kefu-workflow-processes-view .wp-activities { margin: 0; padding-left: 16px; }
  kefu-workflow-processes-view .wp-message { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 60ch; }

  kefu-workflow-processes-view .wp-dialog { width: min(520px, calc(100vw - 32px)); }

  @container kefu-workflow-processes (max-width: 1000px) {
    kefu-workflow-processes-view .wp-layout { grid-template-columns: minmax(0, 1fr); }
    kefu-workflow-processes-view .wp-canvas-row { grid-template-columns: minmax(0, 1fr); }
    kefu-workflow-processes-view .wp-processes { max-height: 30vh; }
  }
`;

// ------------------------------------------------------------------ view

/** `<kefu-workflow-processes-view>`: model, validate and deploy processes and their forms; incidents for admins. */
export class KefuWorkflowProcessesView extends LitElement {
  static properties = {
    tab: { state: true },
    current: { state: true },
    opening: { state: true },
    openError: { state: true },
    bpmnDirty: { state: true },
    forms: { state: true },
    dirtyForms: { state: true },
    selectedId: { state: true },
    formId: { state: true },
    formLoading: { state: true },
    formError: { state: true },
    result: { state: true },
    busy: { state: true },
    instancesOf: { state: true },
    instanceState: { state: true },
    creating: { state: true },
    confirming: { state: true },
    retrying: { state: true },
  };

  constructor() {
    super();
    /** @type {'processes'|'incidents'} */
    this.tab = 'processes';
    /** @type {Current|null} */
    this.current = null;
    /** @type {string|null} what is being opened, for the status line */
    this.opening = null;
    /** @type {string|null} */
    this.openError = null;
    this.bpmnDirty = false;
    /** @type {Record<string, any>} the forms of the open process by id, as edited */
    this.forms = {};
    /** @type {Set<string>} */
    this.dirtyForms = new Set();
    /** @type {string|null} the element selected in the diagram */
    this.selectedId = null;
    /** @type {string|null} the form open in the form editor */
    this.formId = null;
    this.formLoading = false;
    /** @type {string|null} */
    this.formError = null;
    /** @type {Result|null} */
    this.result = null;
    /** @type {null|'validate'|'deploy'} */
    this.busy = null;
    /** @type {{key: string, version: number}|null} */
    this.instancesOf = null;
    /** @type {'running'|'finished'|'all'} */
    this.instanceState = 'running';
    /** @type {{name: string, key: string, keyEdited: boolean, error: string|null}|null} the New process dialog */
    this.creating = null;
    /** @type {{key: string, resolve: (ok: boolean) => void}|null} the Discard changes dialog */
    this.confirming = null;
    /** @type {Set<string>} incidents whose retry is in flight */
    this.retrying = new Set();

    /** @type {any} the bpmn-js Modeler, made when the first diagram is opened */
    this.modeler = null;
    /** @type {any} the @kefu/process-modeler module */
    this.lib = null;
    /** @type {any} the form-js FormEditor open in formHost */
    this.formEditor = null;
    /** Counts form editor openings, so a slow one that was superseded is thrown away. */
    this.formToken = 0;
    /** Counts diagram openings, likewise. */
    this.openToken = 0;
    /** Set while a diagram is imported: the command stack's changes then are not edits. */
    this.importing = false;
    /** @type {string|null} the process whose versions {@link versions} holds */
    this.versionsKey = null;

    // Elements bpmn-js and form-js draw into. Lit places them but never renders into them.
    this.canvasHost = document.createElement('div');
    this.canvasHost.className = 'wp-canvas';
    this.canvasHost.dataset.test = 'canvas';
    this.canvasHost.setAttribute('role', 'application');
    this.formHost = document.createElement('div');
    this.formHost.className = 'wp-form-host';
    this.formHost.dataset.test = 'form-editor-canvas';

    this.canEdit = hasRole('ANALYST') || hasRole('ADMIN');
    this.isAdmin = hasRole('ADMIN');

    /** @type {Loader<ProcessSummary[]>} */
    this.processes = new Loader(this, (signal) => api(`${API}/processes`, { signal }));
    /** @type {Loader<VersionSummary[], string|null>} */
    this.versions = new Loader(this, (signal, key) => (key ? api(`${API}/processes/${enc(key)}/versions`, { signal }) : Promise.resolve([])),
      { arg: /** @type {string|null} */ (null), loadOnConnect: false });
    /** @type {Loader<Instance[], {key: string, version: number, state: string}|null>} */
    this.instances = new Loader(this, (signal, q) => {
      if (!q) return Promise.resolve([]);
      const state = q.state === 'all' ? '' : `?state=${enc(q.state)}`;
      return api(`${API}/processes/${enc(q.key)}/versions/${enc(q.version)}/instances${state}`, { signal });
    }, { arg: /** @type {{key: string, version: number, state: string}|null} */ (null), loadOnConnect: false });
    /** @type {Loader<Incident[]>} */
    this.incidents = new Loader(this, (signal) => api(`${API}/incidents`, { signal }), { loadOnConnect: false });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute('data-view', 'kefu.workflow.processes');
    adoptDocumentStyles(baseStyles, viewStyles);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    if (stash) {
      const saved = stash;
      stash = null;
      void this.restore(saved);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.confirming?.resolve(false);
    this.confirming = null;
    const modeler = this.modeler;
    const current = this.current;
    this.captureForm();
    this.destroyFormEditor();
    this.modeler = null;
    if (!modeler) return;
    if (current && this.dirty) {
      const forms = { ...this.forms };
      const dirtyForms = [...this.dirtyForms];
      modeler.saveXML({ format: true })
        .then((/** @type {{xml: string}} */ r) => { stash = { current, xml: r.xml, forms, dirtyForms }; })
        .catch(() => { /* nothing to keep then */ })
        .finally(() => modeler.destroy());
    } else {
      modeler.destroy();
    }
  }

  /** Closing or reloading the tab with changes not deployed: the browser asks first. */
  onBeforeUnload = (/** @type {BeforeUnloadEvent} */ e) => {
    if (this.dirty) {
      e.preventDefault();
      e.returnValue = '';
    }
  };

  /** Whether anything changed since the diagram was opened or deployed. */
  get dirty() {
    return this.current !== null && (this.bpmnDirty || this.dirtyForms.size > 0 || this.current.version === null);
  }

  /** The bpmn-js Modeler, for browser tests (e.g. `modelerForTest().get('modeling')`); null before a diagram was opened. */
  modelerForTest() {
    return this.modeler;
  }

  // --------------------------------------------------------- modeler

  async ensureModeler() {
    if (this.modeler) return this.modeler;
    const lib = await loadModelerModule();
    if (this.modeler) return this.modeler;
    lib.adoptStyles();
    this.lib = lib;
    const zh = locale() === 'zh-CN';
    const modeler = lib.createModeler(this.canvasHost, {
      translate: zh ? (/** @type {string} */ template) => modelerZh[template] ?? template : undefined,
    });
    const bus = modeler.get('eventBus');
    bus.on('commandStack.changed', (/** @type {any} */ e) => {
      if (this.importing || e?.trigger === 'clear') return;
      this.bpmnDirty = true;
      this.requestUpdate();
    });
    bus.on('selection.changed', (/** @type {any} */ e) => this.onSelection(e.newSelection ?? []));
    // Names, form references and the like shown around the canvas follow the diagram, undo included.
    bus.on('elements.changed', () => this.requestUpdate());
    this.modeler = modeler;
    return modeler;
  }

  /**
   * Shows a diagram and its forms. The canvas is made visible first: bpmn-js measures it to fit the diagram.
   * @param {Current} current @param {string} xml @param {Record<string, any>} forms
   * @returns {Promise<boolean>} whether it was shown (false when a newer opening took over or it failed)
   */
  async showDiagram(current, xml, forms) {
    const token = ++this.openToken;
    let modeler;
    try {
      modeler = await this.ensureModeler();
    } catch (e) {
      if (token === this.openToken) this.openError = t('workflow.processes.modelerFailed', { message: errorText(e) });
      return false;
    }
    if (token !== this.openToken) return false;
    this.captureForm();
    this.destroyFormEditor();
    this.formId = null;
    this.formError = null;
    this.current = current;
    this.forms = { ...(forms ?? {}) };
    this.dirtyForms = new Set();
    this.selectedId = null;
    this.result = null;
    this.openError = null;
    await this.updateComplete;
    this.importing = true;
    try {
      const { warnings } = await modeler.importXML(xml);
      if (token !== this.openToken) return false;
      const canvas = modeler.get('canvas');
      canvas.zoom('fit-viewport', 'auto');
      // A small diagram is not blown up; and the palette covers the canvas's left edge, so the diagram moves right.
      if (canvas.zoom() > 1) canvas.zoom(1, 'auto');
      canvas.scroll({ dx: 48, dy: 0 });
      if (Array.isArray(warnings) && warnings.length) toast(t('workflow.processes.importWarnings', { count: number(warnings.length) }), 'info');
    } catch (e) {
      if (token === this.openToken) {
        this.current = null;
        this.openError = t('workflow.processes.openFailed', { message: errorText(e) });
      }
      return false;
    } finally {
      this.importing = false;
    }
    this.bpmnDirty = false;
    return true;
  }

  /** Opens a deployed version (the newest by default). @param {string} key @param {number} version */
  async openVersion(key, version) {
    if (!(await this.confirmDiscard())) return;
    this.opening = t('workflow.processes.loadingDiagram', { key, version });
    this.openError = null;
    try {
      /** @type {VersionDetail} */
      const detail = await api(`${API}/processes/${enc(key)}/versions/${enc(version)}`);
      const versionMeta = this.versionsKey === key ? this.versions.value?.find((v) => v.version === version) ?? null : null;
      const summary = this.processes.value?.find((p) => p.key === key) ?? null;
      const deployedAt = versionMeta?.deployedAt ?? (summary?.version === version ? summary.deployedAt : null);
      const shown = await this.showDiagram({ key: detail?.key ?? key, version: Number(detail?.version ?? version), deployedAt },
        String(detail?.bpmn ?? ''), detail?.forms ?? {});
      if (shown && this.versionsKey !== key) {
        this.instancesOf = null;
        this.versionsKey = key;
        void this.versions.load(key);
      }
    } catch (e) {
      this.openError = t('workflow.processes.openFailed', { message: errorText(e) });
    } finally {
      this.opening = null;
    }
  }

  /** Brings back the work kept when the view was left. */
  async restore(/** @type {NonNullable<typeof stash>} */ saved) {
    await this.updateComplete;
    const shown = await this.showDiagram(saved.current, saved.xml, saved.forms);
    if (!shown) return;
    this.bpmnDirty = true;
    this.dirtyForms = new Set(saved.dirtyForms);
    if (saved.current.version !== null) {
      this.versionsKey = saved.current.key;
      void this.versions.load(saved.current.key);
    }
    toast(t('workflow.processes.restored', { key: saved.current.key }), 'info');
  }

  /** Asks before throwing away changes; resolves true when there are none or the user agrees. @returns {Promise<boolean>} */
  confirmDiscard() {
    if (!this.dirty) return Promise.resolve(true);
    this.confirming?.resolve(false);
    return new Promise((resolve) => {
      this.confirming = { key: this.current?.key ?? '', resolve };
    });
  }

  /** @param {boolean} ok */
  answerDiscard(ok) {
    const pending = this.confirming;
    this.confirming = null;
    pending?.resolve(ok);
  }

  /** @param {any[]} selection */
  onSelection(selection) {
    const element = selection.length === 1 ? selection[0] : null;
    this.selectedId = element ? element.id : null;
    const formRef = element && FORM_TYPES.some((type) => isA(element, type)) ? element.businessObject.get('camunda:formRef') : null;
    if (formRef && Object.hasOwn(this.forms, formRef)) void this.openForm(formRef);
  }

  /** The selected element, or null (also when it was deleted since). */
  selectedElement() {
    if (!this.modeler || !this.selectedId) return null;
    return this.modeler.get('elementRegistry').get(this.selectedId) ?? null;
  }

  /**
   * The element whose business object is the process: the root, or the first pool of a collaboration.
   * @returns {{element: any, process: any}|null}
   */
  processElement() {
    if (!this.modeler) return null;
    const root = this.modeler.get('canvas').getRootElement();
    if (isA(root, 'bpmn:Process')) return { element: root, process: root.businessObject };
    const pool = this.modeler.get('elementRegistry').find((/** @type {any} */ e) => isA(e, 'bpmn:Participant') && e.businessObject.processRef);
    return pool ? { element: pool, process: pool.businessObject.processRef } : null;
  }

  /** The process's name in the diagram, else its key. */
  processName() {
    return this.processElement()?.process?.name || this.current?.key || '';
  }

  /** @param {any} element @param {Record<string, unknown>} props */
  setProps(element, props) {
    this.modeler.get('modeling').updateProperties(element, props);
  }

  /** @param {any} element @param {string} text */
  setDocumentation(element, text) {
    const moddle = this.modeler.get('moddle');
    const docs = text.trim() ? [moddle.create('bpmn:Documentation', { text })] : [];
    if (isA(element, 'bpmn:Participant')) {
      this.modeler.get('modeling').updateModdleProperties(element, element.businessObject.processRef, { documentation: docs });
    } else {
      this.setProps(element, { documentation: docs });
    }
  }

  /** The process's camunda:properties as a map. */
  processProperties() {
    const values = this.processElement()?.process?.get('extensionElements')?.get('values') ?? [];
    const props = values.find((/** @type {any} */ v) => v.$instanceOf('camunda:Properties'));
    /** @type {Record<string, string>} */
    const map = {};
    for (const p of props?.get('values') ?? []) map[p.name] = p.value ?? '';
    return map;
  }

  /**
   * Sets (or with '' removes) one of the process's camunda:properties, creating the extension elements as needed.
   * @param {string} name @param {string} value
   */
  setProcessProperty(name, value) {
    const target = this.processElement();
    if (!target) return;
    const { element, process } = target;
    const modeling = this.modeler.get('modeling');
    const moddle = this.modeler.get('moddle');
    let extension = process.get('extensionElements');
    if (!extension) {
      if (!value) return;
      extension = moddle.create('bpmn:ExtensionElements', { values: [] });
      modeling.updateModdleProperties(element, process, { extensionElements: extension });
    }
    let props = extension.get('values').find((/** @type {any} */ v) => v.$instanceOf('camunda:Properties'));
    if (!props) {
      if (!value) return;
      props = moddle.create('camunda:Properties', { values: [] });
      modeling.updateModdleProperties(element, extension, { values: [...extension.get('values'), props] });
    }
    const list = props.get('values');
    const existing = list.find((/** @type {any} */ p) => p.name === name);
    if (!value) {
      if (existing) modeling.updateModdleProperties(element, props, { values: list.filter((/** @type {any} */ p) => p !== existing) });
    } else if (existing) {
      if (existing.value !== value) modeling.updateModdleProperties(element, existing, { value });
    } else {
      modeling.updateModdleProperties(element, props, { values: [...list, moddle.create('camunda:Property', { name, value })] });
    }
  }

  /** @param {string} name @param {unknown} value */
  setProcessAttribute(name, value) {
    const target = this.processElement();
    if (!target) return;
    this.modeler.get('modeling').updateModdleProperties(target.element, target.process, { [name]: value });
  }

  // ----------------------------------------------------------- forms

  /**
   * The forms of the open process: those it has, and those its tasks name without there being one.
   * @returns {Array<{id: string, users: string[], exists: boolean}>}
   */
  formUsage() {
    /** @type {Map<string, string[]>} */
    const users = new Map();
    if (this.modeler && this.current) {
      for (const element of this.modeler.get('elementRegistry').filter((/** @type {any} */ e) => FORM_TYPES.some((type) => isA(e, type)))) {
        const ref = element.businessObject.get('camunda:formRef');
        if (!ref) continue;
        if (!users.has(ref)) users.set(ref, []);
        users.get(ref)?.push(element.businessObject.name || element.id);
      }
    }
    const ids = new Set([...Object.keys(this.forms), ...users.keys()]);
    return [...ids].sort().map((id) => ({ id, users: users.get(id) ?? [], exists: Object.hasOwn(this.forms, id) }));
  }

  /** Opens a form in the form editor, keeping the edits of the one open before. @param {string} formId */
  async openForm(formId) {
    if (this.formId === formId && (this.formEditor || this.formLoading)) return;
    this.captureForm();
    this.destroyFormEditor();
    const token = ++this.formToken;
    this.formId = formId;
    this.formError = null;
    this.formLoading = true;
    await this.updateComplete;
    try {
      const lib = this.lib ?? (await loadModelerModule());
      const schema = this.forms[formId] ?? lib.blankFormSchema(formId);
      const editor = await lib.createFormEditor(this.formHost, schema, { exporter: FORM_EXPORTER });
      if (token !== this.formToken) {
        editor.destroy();
        return;
      }
      this.formEditor = editor;
      const baseline = JSON.stringify(editor.saveSchema());
      editor.on('changed', () => {
        if (this.formEditor !== editor) return;
        const saved = editor.saveSchema();
        if (JSON.stringify(saved) === baseline && !this.dirtyForms.has(formId)) return;
        this.forms = { ...this.forms, [formId]: saved };
        if (!this.dirtyForms.has(formId)) this.dirtyForms = new Set([...this.dirtyForms, formId]);
      });
    } catch (e) {
      if (token === this.formToken) this.formError = t('workflow.processes.formFailed', { message: errorText(e) });
    } finally {
      if (token === this.formToken) this.formLoading = false;
    }
    await this.updateComplete;
    if (token === this.formToken) this.querySelector('[data-test="form-editor"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** Copies the open form editor's schema into `forms` (the 'changed' handler does too; this catches the last edit). */
  captureForm() {
    const editor = this.formEditor;
    const id = this.formId;
    if (!editor || !id || !this.dirtyForms.has(id)) return;
    try {
      this.forms = { ...this.forms, [id]: editor.saveSchema() };
    } catch {
      // The editor is half torn down; the last 'changed' copy stays.
    }
  }

  destroyFormEditor() {
    this.formToken++;
    const editor = this.formEditor;
    this.formEditor = null;
    this.formLoading = false;
    if (editor) {
      try {
        editor.destroy();
      } catch {
        // Already gone.
      }
    }
  }

  closeForm() {
    this.captureForm();
    this.destroyFormEditor();
    this.formId = null;
    this.formError = null;
  }

  /** Gives a task without a form a new, empty one named after the process and the task, and opens it. @param {any} element */
  createFormFor(element) {
    const base = `${this.current?.key ?? 'form'}-${element.id}`.replace(/[^A-Za-z0-9_.-]/g, '-');
    let id = base;
    for (let n = 2; Object.hasOwn(this.forms, id); n++) id = `${base}-${n}`;
    this.setProps(element, { 'camunda:formRef': id, 'camunda:formRefBinding': 'deployment' });
    this.createForm(id);
  }

  /** Adds an empty form with this id (e.g. one a task names that does not exist) and opens it. @param {string} id */
  createForm(id) {
    if (!Object.hasOwn(this.forms, id)) {
      this.forms = { ...this.forms, [id]: { type: 'default', id, components: [] } };
      this.dirtyForms = new Set([...this.dirtyForms, id]);
    }
    void this.openForm(id);
  }

  /** Every form to deploy, each with the id it is stored under (renaming in the form editor is undone). */
  formsToDeploy() {
    this.captureForm();
    /** @type {Record<string, any>} */
    const out = {};
    for (const [id, schema] of Object.entries(this.forms)) out[id] = { ...schema, id };
    return out;
  }

  // -------------------------------------------------- validate/deploy

  async saveXml() {
    const { xml } = await this.modeler.saveXML({ format: true });
    return String(xml);
  }

  /** Outlines the elements of the problems in the diagram (and clears earlier outlines). @param {Problem[]} problems */
  markProblems(problems) {
    if (!this.modeler || !this.lib) return;
    this.lib.markElements(this.modeler, problems.map((p) => p.elementId).filter(Boolean));
  }

  async validate() {
    if (this.busy || !this.modeler || !this.current) return;
    this.busy = 'validate';
    try {
      // The forms go along: the server checks that the forms the tasks name are there and readable.
      const answer = /** @type {any} */ (await api(`${API}/validate`, { body: { bpmn: await this.saveXml(), forms: this.formsToDeploy() } }));
      const problems = problemsOf(answer?.errors);
      const warnings = problemsOf(answer?.warnings, true);
      this.markProblems(problems);
      this.result = answer?.valid && problems.length === 0 ? { kind: 'valid', warnings } : { kind: 'invalid', problems, warnings };
    } catch (e) {
      this.result = { kind: 'error', message: errorText(e) };
    } finally {
      this.busy = null;
      this.showResults();
    }
  }

  async deploy() {
    if (this.busy || !this.modeler || !this.current) return;
    this.busy = 'deploy';
    try {
      const body = { bpmn: await this.saveXml(), forms: this.formsToDeploy() };
      /** @type {{key: string, version: number, id: string, warnings?: unknown[]}} */
      const deployed = await api(`${API}/deployments`, { body });
      const key = String(deployed?.key ?? this.current.key);
      const version = Number(deployed?.version);
      this.markProblems([]);
      this.result = { kind: 'deployed', key, version, id: String(deployed?.id ?? ''), warnings: problemsOf(deployed?.warnings, true) };
      this.current = { key, version: Number.isFinite(version) ? version : null, deployedAt: new Date().toISOString() };
      this.bpmnDirty = false;
      this.dirtyForms = new Set();
      toast(t('workflow.processes.deployed', { key, version }), 'success');
      void this.processes.reload();
      this.versionsKey = key;
      void this.versions.load(key);
      if (this.instancesOf?.key === key) void this.instances.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const problems = problemsOf(/** @type {any} */ (e.body)?.errors);
        this.markProblems(problems);
        this.result = { kind: 'refused', message: e.message, problems };
      } else {
        this.result = { kind: 'error', message: t('workflow.processes.refused', { message: errorText(e) }) };
      }
    } finally {
      this.busy = null;
      this.showResults();
    }
  }

  /** Saves the diagram as a .bpmn file, e.g. to add it to the repository's processes/ folder. */
  async download() {
    if (!this.modeler || !this.current) return;
    const xml = await this.saveXml();
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.current.key}.bpmn`;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  showResults() {
    this.updateComplete.then(() => this.querySelector('[data-test="results"]')?.scrollIntoView({ block: 'nearest' }));
  }

  /** Selects a problem's element in the diagram. @param {string} id */
  reveal(id) {
    if (!this.modeler || !this.lib) return;
    if (!this.lib.revealElement(this.modeler, id)) toast(t('workflow.processes.notInDiagram', { element: id }), 'error');
  }

  // ------------------------------------------------------ new process

  async startNew() {
    if (!(await this.confirmDiscard())) return;
    this.creating = { name: '', key: '', keyEdited: false, error: null };
    await this.updateComplete;
    /** @type {HTMLElement|null} */ (this.querySelector('[data-test="new-process-name"]'))?.focus();
  }

  /** @param {SubmitEvent} e */
  async createProcess(e) {
    e.preventDefault();
    const creating = this.creating;
    if (!creating) return;
    const name = creating.name.trim();
    const key = creating.key.trim();
    let error = null;
    if (!name) error = t('workflow.processes.newNameRequired');
    else if (!KEY_PATTERN.test(key)) error = t('workflow.processes.newKeyInvalid');
    else if (this.processes.value?.some((p) => p.key === key)) error = t('workflow.processes.newKeyTaken');
    if (error) {
      this.creating = { ...creating, error };
      return;
    }
    this.creating = null;
    const shown = await this.showDiagram({ key, version: null, deployedAt: null }, blankProcess(key, name), {});
    if (shown) {
      this.versionsKey = null;
      void this.versions.load(null);
      this.instancesOf = null;
    }
  }

  // -------------------------------------------------------- versions

  /** @param {string} key @param {number} version */
  showInstances(key, version) {
    this.instancesOf = { key, version };
    void this.instances.load({ key, version, state: this.instanceState });
    this.updateComplete.then(() => this.querySelector('[data-test="instance-list"]')?.scrollIntoView({ block: 'nearest' }));
  }

  /** @param {'running'|'finished'|'all'} state */
  setInstanceState(state) {
    this.instanceState = state;
    if (this.instancesOf) void this.instances.load({ ...this.instancesOf, state });
  }

  // ------------------------------------------------------- incidents

  /** @param {'processes'|'incidents'} tab */
  selectTab(tab) {
    this.tab = tab;
    if (tab === 'incidents') void this.incidents.reload();
    else this.updateComplete.then(() => this.modeler?.get('canvas').resized());
  }

  /** @param {Incident} incident */
  async retry(incident) {
    if (this.retrying.has(incident.id)) return;
    this.retrying = new Set([...this.retrying, incident.id]);
    try {
      await api(`${API}/incidents/${enc(incident.id)}/retry`, { method: 'POST' });
      toast(t('workflow.processes.retried', { activity: incident.activityId }), 'success');
      if (this.incidents.value) this.incidents.value = this.incidents.value.filter((i) => i.id !== incident.id);
      void this.incidents.reload();
    } catch (e) {
      toast(errorText(e), 'error');
    } finally {
      const next = new Set(this.retrying);
      next.delete(incident.id);
      this.retrying = next;
    }
  }

  // ---------------------------------------------------------- render

  updated(changed) {
    super.updated?.(changed);
    for (const [selector, open] of /** @type {const} */ ([['dialog[data-dialog="new"]', this.creating !== null], ['dialog[data-dialog="discard"]', this.confirming !== null]])) {
      const dialog = this.querySelector(selector);
      if (dialog instanceof HTMLDialogElement) {
        if (open && !dialog.open) dialog.showModal();
        else if (!open && dialog.open) dialog.close();
      }
    }
  }

  /** @param {KeyboardEvent} e */
  onTabKey(e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = this.tab === 'processes' ? 'incidents' : 'processes';
    this.selectTab(next);
    this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector(`[data-test="tab-${next}"]`))?.focus());
  }

  render() {
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('workflow.processes.title')}</h1>
        <button type="button" class="kf-btn kf-btn-small" data-test="refresh" title=${t('action.refresh')} aria-label=${t('action.refresh')}
          ?disabled=${this.processes.loading}
          @click=${() => { void this.processes.reload(); if (this.tab === 'incidents') void this.incidents.reload(); else if (this.versionsKey) void this.versions.reload(); }}>↻</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('workflow.processes.intro')}</p>
      ${this.isAdmin
        ? html`<div class="wp-tabs" role="tablist" aria-label=${t('workflow.processes.tabs')} @keydown=${this.onTabKey}>
            ${/** @type {const} */ (['processes', 'incidents']).map((tab) => html`<button type="button" class="wp-tab" role="tab"
                id="wp-tab-${tab}" data-test="tab-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'} aria-controls="wp-panel-${tab}"
                tabindex=${this.tab === tab ? '0' : '-1'} @click=${() => this.selectTab(tab)}>${tab === 'processes'
                  ? t('workflow.processes.tabProcesses') : t('workflow.processes.tabIncidents')}</button>`)}
          </div>`
        : nothing}
      <div id="wp-panel-processes" role=${this.isAdmin ? 'tabpanel' : nothing} aria-labelledby=${this.isAdmin ? 'wp-tab-processes' : nothing}
        ?hidden=${this.tab !== 'processes'}>${this.renderProcessesTab()}</div>
      ${this.isAdmin
        ? html`<div id="wp-panel-incidents" role="tabpanel" aria-labelledby="wp-tab-incidents" ?hidden=${this.tab !== 'incidents'}>
            ${this.tab === 'incidents' ? this.renderIncidents() : nothing}</div>`
        : nothing}
      <dialog class="kf-dialog wp-dialog" data-dialog="new" data-test="new-process-dialog" aria-labelledby="wp-new-title"
        @close=${() => { this.creating = null; }}>${this.renderNewDialog()}</dialog>
      <dialog class="kf-dialog" data-dialog="discard" data-test="discard-dialog" aria-labelledby="wp-discard-title"
        @close=${() => this.answerDiscard(false)}>${this.renderDiscardDialog()}</dialog>
    </div>`;
  }

  renderProcessesTab() {
    return html`<div class="wp-layout">
      ${this.renderProcessList()}
      <div class="wp-main">
        ${this.renderEditor()}
        ${this.renderResults()}
        ${this.current ? this.renderForms() : nothing}
        ${this.current ? html`<div class="wp-lower">${this.renderVersions()}${this.renderInstances()}</div>` : nothing}
      </div>
    </div>`;
  }

  renderProcessList() {
    const list = this.processes.value;
    const error = this.processes.error;
    let body;
    if (!list && error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.processes.reload()}>${t('action.retry')}</button></div>`;
    } else if (!list) {
      body = html`<p class="kf-muted" role="status" style="margin: 0">${t('workflow.processes.loading')}</p>`;
    } else if (list.length === 0) {
      body = html`<p class="kf-muted" style="margin: 0">${t('workflow.processes.none')}</p>`;
    } else {
      const zh = locale() === 'zh-CN';
      body = html`<ul class="wp-processes" data-test="process-list">${list.map((p) => {
        const isOpen = this.current?.key === p.key;
        const name = (zh && p.title) || p.name || p.key;
        return html`<li data-process-key=${p.key}>
          <button type="button" class="wp-process" data-test="open-process" aria-current=${isOpen ? 'true' : 'false'}
            aria-label=${t('workflow.processes.open', { name })}
            @click=${() => void this.openVersion(p.key, p.version)}>
            <span class="wp-process-name">${name}</span>
            <span class="wp-process-meta">
              <span class="kf-mono">${p.key}</span>
              <span>${t('workflow.processes.versionShort', { n: p.version })}</span>
              ${p.sop ? html`<span class="kf-badge kf-badge-purple">${t('workflow.processes.sop')}</span>` : nothing}
              ${Number(p.running) > 0 ? html`<span class="kf-badge kf-badge-blue">${t('workflow.processes.runningCount', { count: number(p.running) })}</span>` : nothing}
            </span>
          </button>
        </li>`;
      })}</ul>`;
    }
    return html`<aside class="kf-card wp-sidebar" aria-labelledby="wp-list-title">
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="wp-list-title">${t('workflow.processes.list')}</h2>
        ${this.canEdit
          ? html`<button type="button" class="kf-btn kf-btn-small kf-push" data-test="new-process" @click=${() => void this.startNew()}>
              + ${t('workflow.processes.new')}</button>`
          : nothing}
      </div>
      ${list && error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      ${body}
    </aside>`;
  }

  renderEditor() {
    const current = this.current;
    const busy = this.busy !== null;
    /** @type {unknown} */
    let header = nothing;
    if (current) {
      header = html`<div class="kf-toolbar">
        <h2 class="wp-heading" data-test="current-process" data-process-key=${current.key} data-version=${current.version ?? ''}>
          ${t('workflow.processes.heading', { name: this.processName(), key: current.key })}</h2>
        ${current.version === null
          ? html`<span class="kf-badge kf-badge-amber">${t('workflow.processes.newBadge')}</span>`
          : html`<span class="kf-muted" style="font-size: 12px">${t('workflow.processes.openedVersion', { version: current.version, at: when(current.deployedAt) })}</span>`}
        ${this.dirty && current.version !== null ? html`<span class="wp-dirty" data-test="dirty">● ${t('workflow.processes.unsaved')}</span>` : nothing}
        <div class="kf-toolbar kf-push">
          <button type="button" class="kf-btn" data-test="download-bpmn" @click=${() => void this.download()}>${t('workflow.processes.download')}</button>
          <button type="button" class="kf-btn" data-test="validate" ?disabled=${busy || !this.canEdit} @click=${() => void this.validate()}>
            ${this.busy === 'validate' ? t('workflow.processes.validating') : t('workflow.processes.validate')}</button>
          <button type="button" class="kf-btn kf-btn-primary" data-test="deploy" ?disabled=${busy || !this.canEdit}
            title=${t('workflow.processes.deployHint', { key: current.key })} @click=${() => void this.deploy()}>
            ${this.busy === 'deploy' ? t('workflow.processes.deploying') : t('workflow.processes.deploy')}</button>
        </div>
      </div>
      ${this.canEdit ? nothing : html`<p class="kf-hint" style="margin: 0">${t('workflow.processes.readOnly')}</p>`}`;
    }
    this.canvasHost.setAttribute('aria-label', current ? t('workflow.processes.canvas', { key: current.key }) : '');
    return html`<section class="kf-card wp-editor" data-test="editor" aria-busy=${this.opening ? 'true' : 'false'}>
      ${header}
      ${this.openError ? html`<div class="kf-alert kf-alert-error" role="alert" data-test="open-error">${this.openError}</div>` : nothing}
      ${this.opening ? html`<p class="kf-muted" role="status" style="margin: 0">${this.opening}</p>` : nothing}
      ${!current && !this.opening ? html`<div class="wp-placeholder">${t('workflow.processes.pick')}</div>` : nothing}
      <div class="wp-canvas-row" ?hidden=${!current}>
        ${this.canvasHost}
        ${current ? this.renderElementPanel() : nothing}
      </div>
      ${current ? html`<p class="kf-hint" style="margin: 0">${t('workflow.processes.canvasKeys')}</p>` : nothing}
    </section>`;
  }

  /**
   * A text field that writes to the diagram when it is left or Enter is pressed. Its value is a plain property
   * binding, not live(): Lit sets it only when the diagram's value changes (another element selected, undo), so a
   * re-render while someone types leaves their text alone.
   */
  field(label, value, test, commit, { hint = '', multiline = false, list = '' } = {}) {
    const onChange = (/** @type {Event} */ e) => commit(/** @type {HTMLInputElement} */ (e.target).value);
    return html`<label class="kf-field"><span>${label}</span>
      ${multiline
        ? html`<textarea class="kf-input" data-test=${test} .value=${value ?? ''} @change=${onChange}></textarea>`
        : html`<input class="kf-input" data-test=${test} autocomplete="off" list=${list || nothing} .value=${value ?? ''}
            @change=${onChange} @keydown=${(/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter') onChange(e); }}>`}
      ${hint ? html`<span class="kf-hint">${hint}</span>` : nothing}
    </label>`;
  }

  renderElementPanel() {
    if (!this.modeler) return html`<aside class="wp-panel"></aside>`;
    const selected = this.selectedElement();
    // A selected label stands for the element it labels.
    const element = selected?.type === 'label' ? selected.labelTarget : selected;
    if (!element || isA(element, 'bpmn:Process')) return this.renderProcessPanel(this.processElement());
    if (isA(element, 'bpmn:Participant')) {
      const process = element.businessObject.processRef;
      return this.renderProcessPanel(process ? { element, process } : null);
    }
    const bo = element.businessObject;
    const formCapable = FORM_TYPES.some((type) => isA(element, type));
    const formRef = formCapable ? bo.get('camunda:formRef') ?? '' : '';
    const isUserTask = isA(element, 'bpmn:UserTask');
    const isService = isA(element, 'bpmn:ServiceTask') || isA(element, 'bpmn:SendTask') || isA(element, 'bpmn:BusinessRuleTask');
    return html`<aside class="wp-panel" data-test="element-panel" data-element-id=${element.id} aria-labelledby="wp-element-title">
      <h3 id="wp-element-title">${t('workflow.processes.element')}</h3>
      <dl class="kf-facts">
        <dt>${t('workflow.processes.id')}</dt><dd class="kf-mono">${bo.id ?? element.id}</dd>
        <dt>${t('workflow.processes.type')}</dt><dd>${typeLabel(bo.$type)}</dd>
      </dl>
      ${this.field(t('workflow.processes.name'), bo.name, 'element-name', (v) => this.setProps(element, { name: v || undefined }))}
        ${isUserTask ? html`
          ${this.field(t('workflow.processes.assignee'), bo.get('camunda:assignee'), 'element-assignee',
            (v) => this.setProps(element, { 'camunda:assignee': v.trim() || undefined }), { hint: t('workflow.processes.assigneeHint') })}
          ${this.field(t('workflow.processes.candidateGroups'), bo.get('camunda:candidateGroups'), 'element-candidate-groups',
            (v) => this.setProps(element, { 'camunda:candidateGroups': v.trim() || undefined }))}` : nothing}
        ${formCapable ? html`
          ${this.field(t('workflow.processes.formRef'), formRef, 'element-form-ref', (v) => {
            const ref = v.trim();
            this.setProps(element, ref ? { 'camunda:formRef': ref, 'camunda:formRefBinding': 'deployment' }
              : { 'camunda:formRef': undefined, 'camunda:formRefBinding': undefined });
          }, { hint: t('workflow.processes.formRefHint'), list: 'wp-form-ids' })}
          <datalist id="wp-form-ids">${Object.keys(this.forms).map((id) => html`<option value=${id}></option>`)}</datalist>
          <div class="wp-row">
            ${!formRef && this.canEdit ? html`<button type="button" class="kf-btn kf-btn-small" data-test="create-form"
                @click=${() => this.createFormFor(element)}>${t('workflow.processes.createForm')}</button>` : nothing}
            ${formRef && !Object.hasOwn(this.forms, formRef) ? html`<button type="button" class="kf-btn kf-btn-small" data-test="create-form"
                @click=${() => this.createForm(formRef)}>${t('workflow.processes.createForm')}</button>` : nothing}
            ${formRef && Object.hasOwn(this.forms, formRef) ? html`<button type="button" class="kf-btn kf-btn-small" data-test="edit-form"
                @click=${() => void this.openForm(formRef)}>${t('workflow.processes.editForm')}</button>` : nothing}
          </div>` : nothing}
        ${isService ? html`
          ${this.field(t('workflow.processes.expression'), bo.get('camunda:expression'), 'element-expression',
            (v) => this.setProps(element, { 'camunda:expression': v.trim() || undefined }), { hint: t('workflow.processes.expressionHint') })}` : nothing}
        ${isA(element, 'bpmn:Activity') || isA(element, 'bpmn:Event') || isA(element, 'bpmn:Gateway') ? html`
          <label class="kf-check"><input type="checkbox" data-test="element-async-before" .checked=${Boolean(bo.get('camunda:asyncBefore'))}
            @change=${(/** @type {Event} */ e) => this.setProps(element, { 'camunda:asyncBefore': /** @type {HTMLInputElement} */ (e.target).checked || undefined })}>
            ${t('workflow.processes.asyncBefore')}</label>` : nothing}
        ${this.field(isUserTask ? t('workflow.processes.documentationTask') : t('workflow.processes.documentation'), documentationOf(bo),
          'element-documentation', (v) => this.setDocumentation(element, v), { multiline: true })}
    </aside>`;
  }

  /** @param {{element: any, process: any}|null} target */
  renderProcessPanel(target) {
    if (!target) {
      return html`<aside class="wp-panel" data-test="element-panel"><p class="kf-muted" style="margin: 0">${t('workflow.processes.collaboration')}</p></aside>`;
    }
    const { element, process } = target;
    const props = this.processProperties();
    const sop = props[SOP_PROPERTY] === 'true';
    const setOnProcess = (/** @type {Record<string, unknown>} */ values) => this.modeler.get('modeling').updateModdleProperties(element, process, values);
    return html`<aside class="wp-panel" data-test="element-panel" data-element-id=${process.id} aria-labelledby="wp-element-title">
      <h3 id="wp-element-title">${t('workflow.processes.process')}</h3>
      <p class="kf-hint" style="margin: 0">${t('workflow.processes.elementHint')}</p>
      <dl class="kf-facts"><dt>${t('workflow.processes.id')}</dt><dd class="kf-mono">${process.id}</dd></dl>
      ${this.field(t('workflow.processes.name'), process.name, 'process-name', (v) => setOnProcess({ name: v.trim() || undefined }))}
      ${this.field(t('workflow.processes.ttl'), process.get('camunda:historyTimeToLive'), 'process-ttl',
        (v) => setOnProcess({ 'camunda:historyTimeToLive': v.trim() || undefined }), { hint: t('workflow.processes.ttlHint') })}
      <label class="kf-check"><input type="checkbox" data-test="process-sop" .checked=${sop}
        @change=${(/** @type {Event} */ e) => this.setProcessProperty(SOP_PROPERTY, /** @type {HTMLInputElement} */ (e.target).checked ? 'true' : '')}>
        ${t('workflow.processes.sopFlag')}</label>
      ${sop ? html`
        ${this.field(t('workflow.processes.intents'), props[INTENTS_PROPERTY], 'process-intents',
          (v) => this.setProcessProperty(INTENTS_PROPERTY, v.split(',').map((s) => s.trim()).filter(Boolean).join(',')),
          { hint: t('workflow.processes.intentsHint') })}
        ${this.field(t('workflow.processes.titleZh'), props[TITLE_ZH_PROPERTY], 'process-title-zh', (v) => this.setProcessProperty(TITLE_ZH_PROPERTY, v.trim()))}`
        : nothing}
      ${this.field(t('workflow.processes.documentation'), documentationOf(process), 'process-documentation',
        (v) => this.setDocumentation(element, v), { multiline: true })}
    </aside>`;
  }

  /** @param {Problem} p */
  renderProblem(p) {
    const text = p.elementId ? t('workflow.processes.problemAt', { element: p.elementId, message: p.message })
      : p.line ? t('workflow.processes.problemLine', { line: p.line, message: p.message }) : p.message;
    return html`<li data-test=${p.warning ? 'validation-warning' : 'validation-error'} data-element-id=${p.elementId ?? ''}>${p.elementId
      ? html`<button type="button" class="wp-link" title=${t('workflow.processes.showElement', { element: p.elementId })}
          @click=${() => this.reveal(/** @type {string} */ (p.elementId))}>${text}</button>`
      : html`<span>${text}</span>`}</li>`;
  }

  /** @param {Problem[]} warnings */
  renderWarnings(warnings) {
    if (!warnings?.length) return nothing;
    return html`<div class="kf-alert wp-warning" role="note" data-test="validation-warnings">
      <strong>${plural('workflow.processes.warnings', warnings.length)}</strong>
      <ol class="wp-problems">${warnings.map((p) => this.renderProblem(p))}</ol>
    </div>`;
  }

  renderResults() {
    const result = this.result;
    if (!result || !this.current) return nothing;
    let content;
    switch (result.kind) {
      case 'valid':
        content = html`<div class="kf-alert kf-alert-success" role="status" data-test="validation" data-valid="true">${t('workflow.processes.valid')}</div>
          ${this.renderWarnings(result.warnings)}`;
        break;
      case 'invalid':
        content = html`<div class="kf-alert kf-alert-error" role="alert" data-test="validation" data-valid="false">
          <strong>${plural('workflow.processes.invalid', result.problems.length)}</strong>
          <ol class="wp-problems">${result.problems.map((p) => this.renderProblem(p))}</ol>
        </div>
        ${this.renderWarnings(result.warnings)}`;
        break;
      case 'refused':
        content = html`<div class="kf-alert kf-alert-error" role="alert" data-test="validation" data-valid="false" data-refused="true">
          <strong>${t('workflow.processes.refused', { message: result.message })}</strong>
          ${result.problems.length ? html`<ol class="wp-problems">${result.problems.map((p) => this.renderProblem(p))}</ol>` : nothing}
        </div>`;
        break;
      case 'deployed':
        content = html`<div class="kf-alert kf-alert-success" role="status" data-test="deploy-result" data-version=${result.version}>
          ${t('workflow.processes.deployed', { key: result.key, version: result.version })}</div>
          ${this.renderWarnings(result.warnings)}`;
        break;
      default:
        content = html`<div class="kf-alert kf-alert-error" role="alert" data-test="result-error">${result.message}</div>`;
    }
    return html`<section class="kf-card" data-test="results" aria-labelledby="wp-results-title">
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="wp-results-title">${t('workflow.processes.results')}</h2>
        <button type="button" class="kf-btn kf-btn-small kf-push" data-test="dismiss-results"
          @click=${() => { this.result = null; this.markProblems([]); }}>${t('action.dismiss')}</button>
      </div>
      ${content}
    </section>`;
  }

  renderForms() {
    const usage = this.formUsage();
    const formId = this.formId;
    this.formHost.hidden = !formId || Boolean(this.formError);
    return html`<section class="kf-card" data-test="forms" aria-labelledby="wp-forms-title">
      <div class="kf-toolbar"><h2 class="kf-subtitle" id="wp-forms-title">${t('workflow.processes.forms')}</h2></div>
      ${usage.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('workflow.processes.noForms')}</p>`
        : html`<ul class="wp-forms" data-test="form-list">${usage.map((f) => html`<li class="wp-form-item" data-form-id=${f.id}
              aria-current=${formId === f.id ? 'true' : 'false'}>
            <div class="kf-toolbar" style="gap: 4px 6px">
              <span class="kf-mono">${f.id}</span>
              ${!f.exists ? html`<span class="kf-badge kf-badge-red">${t('workflow.processes.missing')}</span>` : nothing}
              ${this.dirtyForms.has(f.id) ? html`<span class="kf-badge kf-badge-amber">${t('workflow.processes.edited')}</span>` : nothing}
            </div>
            <span class="kf-muted">${f.users.length ? t('workflow.processes.usedBy', { names: f.users.join(', ') }) : t('workflow.processes.unused')}</span>
            <div>${f.exists
              ? html`<button type="button" class="kf-btn kf-btn-small" data-test="open-form" ?disabled=${formId === f.id}
                  @click=${() => void this.openForm(f.id)}>${t('workflow.processes.editForm')}</button>`
              : html`<button type="button" class="kf-btn kf-btn-small" data-test="create-form" ?disabled=${!this.canEdit}
                  @click=${() => this.createForm(f.id)}>${t('workflow.processes.createForm')}</button>`}</div>
          </li>`)}</ul>`}
      ${formId
        ? html`<div data-test="form-editor" data-form-id=${formId} aria-busy=${this.formLoading ? 'true' : 'false'} style="margin-top: 10px; display: flex; flex-direction: column; gap: 6px">
            <div class="kf-toolbar">
              <h3 class="kf-subtitle" style="margin: 0">${t('workflow.processes.formEditor', { id: formId })}</h3>
              <span class="kf-hint">${t('workflow.processes.formIdHint', { id: formId })}</span>
              <button type="button" class="kf-btn kf-btn-small kf-push" data-test="close-form" @click=${() => this.closeForm()}>
                ${t('workflow.processes.closeForm')}</button>
            </div>
            ${this.formLoading ? html`<p class="kf-muted" role="status" style="margin: 0">${t('workflow.processes.formLoading')}</p>` : nothing}
            ${this.formError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.formError}</div>` : nothing}
            ${this.formHost}
          </div>`
        : html`${this.formHost}`}
    </section>`;
  }

  renderVersions() {
    const key = this.current?.key ?? '';
    const versions = this.current?.version === null ? [] : this.versions.value ?? [];
    const error = this.versions.error;
    return html`<section class="kf-card" aria-labelledby="wp-versions-title" aria-busy=${this.versions.loading ? 'true' : 'false'}>
      <h2 class="kf-subtitle" id="wp-versions-title">${t('workflow.processes.versions', { key })}</h2>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      ${versions.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('workflow.processes.noVersions')}</p>`
        : html`<div class="kf-table-wrap"><table class="kf-table" data-test="version-list">
            <thead><tr>
              <th scope="col">${t('workflow.processes.colVersion')}</th>
              <th scope="col">${t('workflow.processes.colDeployed')}</th>
              <th scope="col">${t('workflow.processes.colSource')}</th>
              <th scope="col" class="kf-num">${t('workflow.processes.colRunning')}</th>
              <th scope="col" class="kf-num">${t('workflow.processes.colCompleted')}</th>
              <th scope="col"><span class="kf-sr-only">${t('workflow.processes.openVersion')}</span></th>
            </tr></thead>
            <tbody>${versions.map((v) => {
              const isOpen = this.current?.version === v.version;
              return html`<tr data-version=${v.version} aria-current=${isOpen ? 'true' : 'false'}>
                <td class="kf-nowrap">${t('workflow.processes.versionShort', { n: v.version })}</td>
                <td class="kf-nowrap"><time datetime=${v.deployedAt ?? ''}>${when(v.deployedAt)}</time></td>
                <td><span class="kf-badge kf-badge-gray">${v.source ?? ''}</span></td>
                <td class="kf-num">${number(v.running)}</td>
                <td class="kf-num">${number(v.completed)}</td>
                <td class="kf-nowrap">
                  ${isOpen
                    ? html`<span class="kf-badge kf-badge-blue">${t('workflow.processes.opened')}</span>`
                    : html`<button type="button" class="kf-btn kf-btn-small" data-test="open-version"
                        aria-label=${t('workflow.processes.openVersionLabel', { n: v.version })}
                        @click=${() => void this.openVersion(key, v.version)}>${t('workflow.processes.openVersion')}</button>`}
                  <button type="button" class="kf-btn kf-btn-small" data-test="show-instances"
                    aria-label=${t('workflow.processes.instancesLabel', { n: v.version })}
                    @click=${() => this.showInstances(key, v.version)}>${t('workflow.processes.instances')}</button>
                </td>
              </tr>`;
            })}</tbody>
          </table></div>`}
    </section>`;
  }

  renderInstances() {
    const of = this.instancesOf;
    if (!of) return nothing;
    const list = this.instances.value ?? [];
    const error = this.instances.error;
    const states = /** @type {const} */ (['running', 'finished', 'all']);
    const stateLabel = { running: t('workflow.processes.stateRunning'), finished: t('workflow.processes.stateCompleted'), all: t('workflow.processes.stateAll') };
    return html`<section class="kf-card" data-test="instances" aria-labelledby="wp-instances-title" aria-busy=${this.instances.loading ? 'true' : 'false'}>
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="wp-instances-title">${t('workflow.processes.instancesOf', { key: of.key, version: of.version })}</h2>
        <label class="kf-field" style="flex-direction: row; align-items: center; gap: 6px"><span>${t('workflow.processes.state')}</span>
          <select class="kf-input" data-test="instance-state" .value=${live(this.instanceState)}
            @change=${(/** @type {Event} */ e) => this.setInstanceState(/** @type {any} */ (/** @type {HTMLSelectElement} */ (e.target).value))}>
            ${states.map((s) => html`<option value=${s} ?selected=${this.instanceState === s}>${stateLabel[s]}</option>`)}
          </select></label>
        <button type="button" class="kf-btn kf-btn-small kf-push" data-test="close-instances" @click=${() => { this.instancesOf = null; }}>
          ${t('workflow.processes.closeInstances')}</button>
      </div>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      ${list.length === 0 && !this.instances.loading
        ? html`<p class="kf-muted" style="margin: 0">${t('workflow.processes.noInstances')}</p>`
        : html`<div class="kf-table-wrap" style="max-height: 50vh"><table class="kf-table" data-test="instance-list">
            <thead><tr>
              <th scope="col">${t('workflow.processes.colInstance')}</th>
              <th scope="col">${t('workflow.processes.colBusinessKey')}</th>
              <th scope="col">${t('workflow.processes.colStarted')}</th>
              <th scope="col">${t('workflow.processes.colEnded')}</th>
              <th scope="col">${t('workflow.processes.colActivities')}</th>
            </tr></thead>
            <tbody>${list.map((i) => html`<tr data-instance-id=${i.id}>
              <td class="kf-mono kf-nowrap" title=${i.id}>${shortId(i.id)}</td>
              <td class="kf-mono">${i.businessKey ?? ''}</td>
              <td class="kf-nowrap"><time datetime=${i.startedAt ?? ''}>${when(i.startedAt)}</time></td>
              <td class="kf-nowrap">${i.endedAt ? html`<time datetime=${i.endedAt}>${when(i.endedAt)}</time>` : '—'}</td>
              <td>${Array.isArray(i.activities) && i.activities.length
                ? html`<ul class="wp-activities">${i.activities.map((a) => html`<li>${a}</li>`)}</ul>` : '—'}</td>
            </tr>`)}</tbody>
          </table></div>`}
    </section>`;
  }

  renderIncidents() {
    const list = this.incidents.value;
    const error = this.incidents.error;
    let body;
    if (!list && error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.incidents.reload()}>${t('action.retry')}</button></div>`;
    } else if (!list) {
      body = html`<p class="kf-muted" role="status" style="margin: 0">${t('workflow.processes.incidentsLoading')}</p>`;
    } else if (list.length === 0) {
      body = html`<p class="kf-empty" data-test="no-incidents">${t('workflow.processes.noIncidents')}</p>`;
    } else {
      body = html`<div class="kf-table-wrap"><table class="kf-table" data-test="incident-list">
        <thead><tr>
          <th scope="col">${t('workflow.processes.colProcess')}</th>
          <th scope="col">${t('workflow.processes.colInstance')}</th>
          <th scope="col">${t('workflow.processes.colBusinessKey')}</th>
          <th scope="col">${t('workflow.processes.colActivity')}</th>
          <th scope="col">${t('workflow.processes.colMessage')}</th>
          <th scope="col">${t('workflow.processes.colCreated')}</th>
          <th scope="col"><span class="kf-sr-only">${t('workflow.processes.retry')}</span></th>
        </tr></thead>
        <tbody>${list.map((i) => html`<tr data-incident-id=${i.id}>
          <td class="kf-mono">${i.processKey}</td>
          <td class="kf-mono kf-nowrap" title=${i.processInstanceId}>${shortId(i.processInstanceId)}</td>
          <td class="kf-mono">${i.businessKey ?? ''}</td>
          <td class="kf-mono">${i.activityId}</td>
          <td><div class="wp-message">${i.message}</div></td>
          <td class="kf-nowrap"><time datetime=${i.createdAt ?? ''}>${when(i.createdAt)}</time></td>
          <td><button type="button" class="kf-btn kf-btn-small" data-test="retry-incident" ?disabled=${this.retrying.has(i.id)}
            @click=${() => void this.retry(i)}>${this.retrying.has(i.id) ? t('workflow.processes.retrying') : t('workflow.processes.retry')}</button></td>
        </tr>`)}</tbody>
      </table></div>`;
    }
    return html`<section class="kf-card" data-test="incidents" aria-labelledby="wp-incidents-title" aria-busy=${this.incidents.loading ? 'true' : 'false'}
        style="margin-top: 12px">
      <h2 class="kf-subtitle" id="wp-incidents-title">${t('workflow.processes.incidents')}</h2>
      <p class="kf-hint" style="margin: 0 0 10px">${t('workflow.processes.incidentsIntro')}</p>
      ${list && error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      ${body}
    </section>`;
  }

  renderNewDialog() {
    const c = this.creating;
    if (!c) return nothing;
    return html`<form method="dialog" novalidate @submit=${this.createProcess}>
      <h2 id="wp-new-title">${t('workflow.processes.newTitle')}</h2>
      <label class="kf-field"><span>${t('workflow.processes.newName')}</span>
        <input class="kf-input" data-test="new-process-name" autocomplete="off" maxlength="200" .value=${live(c.name)}
          @input=${(/** @type {InputEvent} */ e) => {
            const name = /** @type {HTMLInputElement} */ (e.target).value;
            this.creating = { ...c, name, key: c.keyEdited ? c.key : keyFromName(name), error: null };
          }}></label>
      <label class="kf-field"><span>${t('workflow.processes.newKey')}</span>
        <input class="kf-input kf-mono" data-test="new-process-key" autocomplete="off" spellcheck="false" maxlength="64" .value=${live(c.key)}
          aria-describedby="wp-new-key-hint" aria-invalid=${c.error ? 'true' : 'false'}
          @input=${(/** @type {InputEvent} */ e) => { this.creating = { ...c, key: /** @type {HTMLInputElement} */ (e.target).value, keyEdited: true, error: null }; }}>
        <span class="kf-hint" id="wp-new-key-hint">${t('workflow.processes.newKeyHint')}</span></label>
      ${c.error ? html`<div class="kf-alert kf-alert-error" role="alert" data-test="new-process-error">${c.error}</div>` : nothing}
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" @click=${() => { this.creating = null; }}>${t('action.cancel')}</button>
        <button type="submit" class="kf-btn kf-btn-primary" data-test="new-process-create">${t('workflow.processes.create')}</button>
      </div>
    </form>`;
  }

  renderDiscardDialog() {
    const c = this.confirming;
    if (!c) return nothing;
    return html`<div class="kf-dialog-body">
      <h2 id="wp-discard-title">${t('workflow.processes.discardTitle')}</h2>
      <p style="margin: 0">${t('workflow.processes.discardText', { key: c.key })}</p>
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" data-test="discard-cancel" @click=${() => this.answerDiscard(false)}>${t('workflow.processes.keep')}</button>
        <button type="button" class="kf-btn kf-btn-danger" data-test="discard-confirm" @click=${() => this.answerDiscard(true)}>
          ${t('workflow.processes.discard')}</button>
      </div>
    </div>`;
  }
}

customElements.define('kefu-workflow-processes-view', KefuWorkflowProcessesView);
