// @ts-check
// "Channels" (渠道设置): the settings of the channels (webhook apps, mailboxes, web chat) and of the conversation limits,
// edited by administrators through /api/settings/channels, which writes them to the conf/ files.
//
// Plain JavaScript served as it is by the kefu.platform bundle; 'lit', 'lit/' and '@kefu/workbench' come from the
// shell's import map. Light DOM like Kefu's built-in views, so it only needs the SDK's kf-* classes, which the shell
// already applies to the page. Labels, help texts and values come from the server and are inserted as text only.
//
// The forms are generated from the field descriptions the server sends, so a new setting or a new kind of channel
// needs no change here.
import { LitElement, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { api, Loader, LocaleController, registerMessages, t, toast } from '@kefu/workbench';

/**
 * @typedef {object} Field
 * @property {string} key
 * @property {string} label
 * @property {'text'|'number'|'boolean'|'password'|'url'} type
 * @property {boolean} required
 * @property {boolean} secret
 * @property {string} [help]
 * @property {string|null} [defaultValue] the component's default, when the server says (never for secrets)
 */
/** @typedef {{factoryPid: string, title: string, factory: boolean, fields: Field[]}} Kind */
/**
 * @typedef {object} Configuration
 * @property {string} factoryPid
 * @property {string|null} name
 * @property {Record<string, unknown>} properties the values as in the .cfg file; secrets masked
 * @property {string} [file]
 */
/** @typedef {{kinds: Kind[], configurations: Configuration[]}} Settings */
/** An open form of a factory kind: `config` is null while adding. @typedef {{config: Configuration|null}} Editor */

registerMessages('en', {
  'channels.title': 'Channels',
  'channels.intro': 'How customers reach Kefu, and the limits on what they send. Stored secrets are never shown.',
  'channels.applyHint': 'Kefu applies changes within a few seconds; if a value is refused, the reason is in the log and the previous settings stay in force.',
  'channels.add': 'Add',
  'channels.delete': 'Delete',
  'channels.name': 'Name',
  'channels.instanceName': 'Configuration name',
  'channels.nameHint': 'Lower-case letters, digits, “-” and “_”, at most 32, starting with a letter or digit. It cannot be changed later.',
  'channels.nameInvalid': 'The name must be 1 to 32 lower-case letters, digits, “-” or “_”, starting with a letter or digit.',
  'channels.nameTaken': '“{name}” already exists. Edit it instead, or choose another name.',
  'channels.newTitle': 'New entry',
  'channels.editTitle': 'Edit “{name}”',
  'channels.empty': 'Nothing configured yet.',
  'channels.none': 'No settings can be edited here.',
  'channels.loading': 'Loading…',
  'channels.unchanged': 'unchanged',
  'channels.notSet': 'not set',
  'channels.default': 'default',
  'channels.defaultIs': 'default: {value}',
  'channels.clear': 'Clear the stored value',
  'channels.booleanDefault': 'Not set: Kefu’s default applies until you tick or untick it.',
  'channels.booleanDefaultIs': 'Not set: Kefu’s default ({value}) applies until you tick or untick it.',
  'channels.required': '(required)',
  'channels.saving': 'Saving…',
  'channels.saved': 'Saved “{name}”. Kefu applies it within a few seconds.',
  'channels.deleting': 'Deleting…',
  'channels.deleted': 'Deleted “{name}”.',
  'channels.deleteTitle': 'Delete “{name}”?',
  'channels.deleteConfirm': 'Kefu stops using it and deletes {file}, stored secrets included. This cannot be undone.',
  'channels.deleteConfirmNoFile': 'Kefu stops using it and deletes its settings, stored secrets included. This cannot be undone.',
  'channels.file': 'Stored in',
  'channels.noFile': 'Not configured yet: Kefu uses its defaults until you save.',
  'channels.actions': 'Actions',
  'channels.yes': 'Yes',
  'channels.no': 'No',
});

registerMessages('zh-CN', {
  'channels.title': '渠道',
  'channels.intro': '客户联系 Kefu 的渠道，以及对其消息的限制。已保存的密钥不会显示。',
  'channels.applyHint': 'Kefu 会在几秒内应用更改；如果某个值被拒绝，原因记录在日志中，之前的设置继续生效。',
  'channels.add': '添加',
  'channels.delete': '删除',
  'channels.name': '名称',
  'channels.instanceName': '配置名称',
  'channels.nameHint': '小写字母、数字、“-”和“_”，最多 32 个字符，以字母或数字开头。保存后不能修改。',
  'channels.nameInvalid': '名称须为 1 到 32 个小写字母、数字、“-”或“_”，并以字母或数字开头。',
  'channels.nameTaken': '“{name}”已存在。请编辑它，或换一个名称。',
  'channels.newTitle': '新建',
  'channels.editTitle': '编辑“{name}”',
  'channels.empty': '尚未配置。',
  'channels.none': '这里没有可编辑的设置。',
  'channels.loading': '正在加载…',
  'channels.unchanged': '保持不变',
  'channels.notSet': '未设置',
  'channels.default': '默认值',
  'channels.defaultIs': '默认值：{value}',
  'channels.clear': '清除已保存的值',
  'channels.booleanDefault': '未设置：在您勾选或取消勾选之前使用 Kefu 的默认值。',
  'channels.booleanDefaultIs': '未设置：在您勾选或取消勾选之前使用 Kefu 的默认值（{value}）。',
  'channels.required': '（必填）',
  'channels.saving': '正在保存…',
  'channels.saved': '已保存“{name}”。Kefu 将在几秒内应用。',
  'channels.deleting': '正在删除…',
  'channels.deleted': '已删除“{name}”。',
  'channels.deleteTitle': '删除“{name}”？',
  'channels.deleteConfirm': 'Kefu 将停止使用它并删除 {file}，包括已保存的密钥。此操作无法撤销。',
  'channels.deleteConfirmNoFile': 'Kefu 将停止使用它并删除其设置，包括已保存的密钥。此操作无法撤销。',
  'channels.file': '保存在',
  'channels.noFile': '尚未配置：保存之前 Kefu 使用默认值。',
  'channels.actions': '操作',
  'channels.yes': '是',
  'channels.no': '否',
  // The server describes the kinds in English; Kefu's own ones get a Chinese title here, others keep the server's.
  'channels.kind.kefu.channel.webhook': '即时通讯应用（Webhook）',
  'channels.kind.kefu.channel.email': '邮箱',
  'channels.kind.kefu.channel.webchat': '网页聊天',
  'channels.kind.kefu.conversation': '会话限制',
});

const API = '/api/settings/channels';
/** What the server sends instead of a stored secret, and takes back as "keep the stored value". */
const MASK = '********';
/** Instance names, as the server checks them: they become part of a file name and of the URL. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
// The same rule for the input's pattern attribute. Browsers compile it with the regex 'v' flag, where a bare '-'
// in a class is a syntax error that silently disables the check, hence the escape.
const NAME_PATTERN = '[a-z0-9][a-z0-9_\\-]{0,31}';
/** Columns of the instance tables for Kefu's own kinds; other kinds show their first plain fields. */
const SUMMARY_KEYS = {
  'kefu.channel.webhook': ['app', 'outboundUrl'],
  'kefu.channel.email': ['address', 'imapHost', 'smtpHost'],
};

/** @param {Field} field */
function isSecret(field) {
  return field.secret === true || field.type === 'password';
}

/** Values may come back as JSON booleans or as the strings of a .cfg file. @param {unknown} value */
function isTrue(value) {
  return value === true || value === 'true';
}

/** Whether the stored configuration sets the key at all; unset keys fall back to the component's default. */
function isSet(/** @type {Record<string, unknown>} */ properties, /** @type {string} */ key) {
  return Object.prototype.hasOwnProperty.call(properties, key) && properties[key] !== null && properties[key] !== undefined;
}

/** @param {Kind} kind */
function kindTitle(kind) {
  const key = `channels.kind.${kind.factoryPid}`;
  const text = t(key);
  return text === key ? (kind.title || kind.factoryPid) : text;
}

/** @param {Kind} kind */
function summaryFields(kind) {
  const preferred = (SUMMARY_KEYS[kind.factoryPid] ?? [])
    .map((key) => kind.fields.find((f) => f.key === key))
    .filter((f) => f !== undefined);
  if (preferred.length > 0) return /** @type {Field[]} */ (preferred);
  return kind.fields.filter((f) => !isSecret(f) && f.type !== 'boolean').slice(0, 2);
}

/** @param {Kind} kind @param {string|null} name */
function configPath(kind, name) {
  const base = `${API}/${encodeURIComponent(kind.factoryPid)}`;
  return name === null ? base : `${base}/${encodeURIComponent(name)}`;
}

/** @param {unknown} e */
function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}

/** Ids must be unique in the light DOM the view shares with the shell; PIDs contain dots, which ids allow. */
function fieldId(/** @type {string} */ pid, /** @type {number|string} */ index) {
  return `kf-channels-${pid}-${index}`;
}

/**
 * Turns a form into the properties to PUT. Every value is sent as a string, the way the .cfg file stores it, so no
 * JSON number or boolean has to be coerced on the server, and a number is passed on exactly as typed. Only the
 * kind's declared fields are sent: the stored configuration may hold other keys (bookkeeping of the configuration
 * admin, masked secrets no field describes) that must not be written back as values.
 *
 * An empty input for a key the stored configuration does not set is left out, so the component's own default
 * applies (e.g. a new mailbox's folder stays "INBOX"); an empty input for a key that is set sends "", which clears it
 * (the server then drops the key, so the default applies again). Numbers cannot be "", so an emptied number is left
 * out, to the same effect.
 *
 * @param {HTMLFormElement} form
 * @param {Field[]} fields
 * @param {Record<string, unknown>} stored
 */
function readProperties(form, fields, stored) {
  /** @type {Record<string, string>} */
  const properties = {};
  const cleared = new Set(
    [...form.querySelectorAll('input[name="__clear"]')]
      .filter((el) => el instanceof HTMLInputElement && el.checked)
      .map((el) => /** @type {HTMLInputElement} */ (el).value),
  );
  for (const field of fields) {
    const el = form.elements.namedItem(field.key);
    if (!(el instanceof HTMLInputElement)) continue;
    const set = isSet(stored, field.key);
    if (field.type === 'boolean') {
      // Still indeterminate: the admin never touched a checkbox whose key is unset, so keep the default.
      if (!el.indeterminate) properties[field.key] = String(el.checked);
    } else if (isSecret(field)) {
      if (cleared.has(field.key)) properties[field.key] = '';
      // Passwords are taken as typed: leading or trailing spaces may be part of them.
      else if (el.value !== '') properties[field.key] = el.value;
      else if (stored[field.key] === MASK) properties[field.key] = MASK;
      else if (set) properties[field.key] = '';
    } else if (field.type === 'number') {
      const text = el.value.trim();
      if (text !== '') properties[field.key] = text;
    } else {
      const text = el.value.trim();
      if (text !== '' || set) properties[field.key] = text;
    }
  }
  return properties;
}

/** `<kefu-channel-settings-view>`: the channel settings for administrators. */
export class KefuChannelSettingsView extends LitElement {
  static properties = {
    editors: { state: true },
    errors: { state: true },
    saving: { state: true },
    confirm: { state: true },
    confirmError: { state: true },
    deleting: { state: true },
  };

  constructor() {
    super();
    /** The open form of each factory kind, by factory PID. @type {Record<string, Editor>} */
    this.editors = {};
    /** The server's answer to the last failed save, shown in that kind's form, by factory PID. @type {Record<string, string>} */
    this.errors = {};
    /** Factory PIDs with a save in flight. @type {Set<string>} */
    this.saving = new Set();
    /** The instance the delete dialog asks about. @type {{kind: Kind, config: Configuration}|null} */
    this.confirm = null;
    /** @type {string|null} */
    this.confirmError = null;
    this.deleting = false;
    /**
     * Bumped to rebuild a kind's form from the stored values: the inputs are uncontrolled (read on submit), so after
     * a save, a cancel or a refresh a fresh form is the simple way to drop what was typed, passwords included.
     * @type {Record<string, number>}
     */
    this.revisions = {};
    /** A form to focus after the next render, when it was just opened. @type {string|null} */
    this.focusPid = null;
    /** @type {Loader<Settings>} */
    this.settings = new Loader(this, (signal) => api(API, { signal }));
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  updated() {
    if (this.focusPid !== null) {
      const form = this.querySelector(`form[data-form="${CSS.escape(this.focusPid)}"]`);
      this.focusPid = null;
      const first = form?.querySelector('input:not([type="hidden"]):not([disabled])');
      if (first instanceof HTMLElement) {
        form?.scrollIntoView({ block: 'nearest' });
        first.focus();
      }
    }
    const dialog = this.querySelector('dialog[data-dialog="delete"]');
    if (!(dialog instanceof HTMLDialogElement)) return;
    if (this.confirm && !dialog.open) dialog.showModal();
    else if (!this.confirm && dialog.open) dialog.close();
  }

  /** @param {string} pid */
  rebuild(pid) {
    this.revisions = { ...this.revisions, [pid]: (this.revisions[pid] ?? 0) + 1 };
  }

  /** @param {string} pid @param {string|null} message */
  setError(pid, message) {
    const next = { ...this.errors };
    if (message === null) delete next[pid];
    else next[pid] = message;
    this.errors = next;
  }

  async refresh() {
    await this.settings.reload();
    if (this.settings.error) return;
    // Show what the server has now, also in the open forms; what was typed there is dropped on purpose.
    for (const kind of this.settings.value?.kinds ?? []) this.rebuild(kind.factoryPid);
  }

  /** @param {Kind} kind @param {Configuration|null} config null to add a new instance */
  openEditor(kind, config) {
    this.editors = { ...this.editors, [kind.factoryPid]: { config } };
    this.setError(kind.factoryPid, null);
    this.rebuild(kind.factoryPid);
    this.focusPid = kind.factoryPid;
  }

  /** @param {Kind} kind */
  closeEditor(kind) {
    const next = { ...this.editors };
    delete next[kind.factoryPid];
    this.editors = next;
    this.setError(kind.factoryPid, null);
    // Back to where the admin was, rather than to the top of the page.
    const add = this.querySelector(`section[data-kind="${CSS.escape(kind.factoryPid)}"] [data-action="add"]`);
    if (add instanceof HTMLElement) add.focus();
  }

  /** @param {Kind} kind */
  cancel(kind) {
    if (kind.factory) {
      this.closeEditor(kind);
    } else {
      this.setError(kind.factoryPid, null);
      this.rebuild(kind.factoryPid);
    }
  }

  /** @param {string} pid */
  singleton(pid) {
    return this.settings.value?.configurations.find((c) => c.factoryPid === pid && c.name == null) ?? null;
  }

  /** @param {string} pid */
  instances(pid) {
    return (this.settings.value?.configurations ?? [])
      .filter((c) => c.factoryPid === pid && c.name != null)
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }

  /**
   * Puts a configuration the server answered with into the list in place of the stored one, without loading the
   * whole list again. @param {Configuration} saved
   */
  store(saved) {
    const value = this.settings.value;
    if (!value) return;
    const same = (/** @type {Configuration} */ c) => c.factoryPid === saved.factoryPid && (c.name ?? null) === (saved.name ?? null);
    const configurations = value.configurations.some(same)
      ? value.configurations.map((c) => (same(c) ? saved : c))
      : [...value.configurations, saved];
    this.settings.value = { ...value, configurations };
  }

  /** @param {SubmitEvent} event @param {Kind} kind */
  async save(event, kind) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.currentTarget);
    const pid = kind.factoryPid;
    if (this.saving.has(pid)) return;
    /** @type {string|null} */
    let name = null;
    /** @type {Configuration|null} */
    let stored;
    if (kind.factory) {
      const editor = this.editors[pid];
      if (!editor) return;
      stored = editor.config;
      if (stored) {
        name = String(stored.name);
      } else {
        const input = form.elements.namedItem('__name');
        name = input instanceof HTMLInputElement ? input.value.trim() : '';
        if (!NAME.test(name)) {
          this.setError(pid, t('channels.nameInvalid'));
          return;
        }
        // A PUT to an existing name would silently replace that instance, secrets and all.
        if (this.instances(pid).some((c) => c.name === name)) {
          this.setError(pid, t('channels.nameTaken', { name }));
          return;
        }
      }
    } else {
      stored = this.singleton(pid);
    }
    const properties = readProperties(form, kind.fields, stored?.properties ?? {});
    this.saving = new Set([...this.saving, pid]);
    this.setError(pid, null);
    try {
      /** @type {Configuration|undefined} */
      const saved = await api(configPath(kind, name), { method: 'PUT', body: { properties } });
      toast(t('channels.saved', { name: name ?? kindTitle(kind) }), 'success');
      if (saved && typeof saved === 'object' && saved.properties) {
        this.store({ ...saved, factoryPid: saved.factoryPid ?? pid, name: saved.name ?? name });
      } else {
        void this.settings.reload();
      }
      if (kind.factory) this.closeEditor(kind);
      else this.rebuild(pid);
    } catch (e) {
      // The form stays as typed so the admin can correct the value the server named.
      this.setError(pid, errorMessage(e));
    } finally {
      const next = new Set(this.saving);
      next.delete(pid);
      this.saving = next;
    }
  }

  async remove() {
    const target = this.confirm;
    if (!target || this.deleting) return;
    const { kind, config } = target;
    this.deleting = true;
    this.confirmError = null;
    try {
      await api(configPath(kind, config.name), { method: 'DELETE' });
      toast(t('channels.deleted', { name: String(config.name) }), 'success');
      const value = this.settings.value;
      if (value) {
        this.settings.value = {
          ...value,
          configurations: value.configurations.filter((c) => !(c.factoryPid === config.factoryPid && c.name === config.name)),
        };
      }
      // An open form for the deleted instance would save it back into existence.
      if (this.editors[kind.factoryPid]?.config?.name === config.name) this.closeEditor(kind);
      this.confirm = null;
    } catch (e) {
      this.confirmError = errorMessage(e);
    } finally {
      this.deleting = false;
    }
  }

  render() {
    const { value: settings, loading } = this.settings;
    const error = this.settings.error?.message;
    const kinds = settings?.kinds ?? [];
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('channels.title')}</h1>
        <button type="button" class="kf-btn" data-action="refresh" ?disabled=${loading}
          @click=${() => void this.refresh()}>${t('action.refresh')}</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('channels.intro')}</p>
      <p class="kf-alert" data-hint="apply" style="margin: 0">${t('channels.applyHint')}</p>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error}</div>` : nothing}
      ${!settings && loading ? html`<p class="kf-empty" role="status">${t('channels.loading')}</p>` : nothing}
      ${settings && kinds.length === 0 ? html`<p class="kf-empty">${t('channels.none')}</p>` : nothing}
      ${kinds.map((kind) => this.renderKind(kind))}
      <dialog class="kf-dialog" data-dialog="delete" aria-labelledby="kf-channels-delete-title"
        @close=${() => { this.confirm = null; this.confirmError = null; }}>${this.renderConfirm()}</dialog>
    </div>`;
  }

  /** @param {Kind} kind */
  renderKind(kind) {
    const pid = kind.factoryPid;
    const titleId = fieldId(pid, 'title');
    return html`<section class="kf-card" data-kind=${pid} aria-labelledby=${titleId}>
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id=${titleId}>${kindTitle(kind)}</h2>
        ${kind.factory
          ? html`<button type="button" class="kf-btn kf-btn-small kf-push" data-action="add" data-kind=${pid}
              @click=${() => this.openEditor(kind, null)}>${t('channels.add')}</button>`
          : nothing}
      </div>
      ${kind.factory ? this.renderInstances(kind) : this.renderForm(kind, this.singleton(pid))}
    </section>`;
  }

  /** @param {Kind} kind */
  renderInstances(kind) {
    const pid = kind.factoryPid;
    const columns = summaryFields(kind);
    const rows = this.instances(pid);
    const editor = this.editors[pid];
    return html`${rows.length === 0
      ? html`<p class="kf-muted" data-empty=${pid} style="margin: 0">${t('channels.empty')}</p>`
      : html`<div class="kf-table-wrap">
        <table class="kf-table">
          <thead>
            <tr>
              <th scope="col">${t('channels.name')}</th>
              ${columns.map((f) => html`<th scope="col">${f.label || f.key}</th>`)}
              <th scope="col"><span class="kf-sr-only">${t('channels.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((config) => html`<tr data-config=${String(config.name)}>
              <td><span class="kf-mono">${config.name}</span></td>
              ${columns.map((f) => html`<td class="kf-wrap">${this.renderCell(f, config.properties?.[f.key])}</td>`)}
              <td class="kf-num kf-nowrap">
                <button type="button" class="kf-btn kf-btn-small" data-action="edit"
                  aria-label=${`${t('action.edit')} ${config.name}`}
                  @click=${() => this.openEditor(kind, config)}>${t('action.edit')}</button>
                <button type="button" class="kf-btn kf-btn-small kf-btn-danger" data-action="delete"
                  aria-label=${`${t('channels.delete')} ${config.name}`}
                  @click=${() => { this.confirmError = null; this.confirm = { kind, config }; }}>${t('channels.delete')}</button>
              </td>
            </tr>`)}
          </tbody>
        </table>
      </div>`}
      ${editor ? html`<div style="margin-top: 12px">${this.renderForm(kind, editor.config)}</div>` : nothing}`;
  }

  /** @param {Field} field @param {unknown} value */
  renderCell(field, value) {
    if (value === undefined || value === null || value === '') return html`<span class="kf-muted">—</span>`;
    if (field.type === 'boolean') return isTrue(value) ? t('channels.yes') : t('channels.no');
    return String(value);
  }

  /**
   * The form of a non-factory kind, or of one factory instance (config null while adding).
   * @param {Kind} kind @param {Configuration|null} config
   */
  renderForm(kind, config) {
    const pid = kind.factoryPid;
    const isNew = kind.factory && config === null;
    const busy = this.saving.has(pid);
    const error = this.errors[pid];
    const properties = config?.properties ?? {};
    const headingId = fieldId(pid, 'form');
    // Keyed by revision: a new revision replaces the inputs, and with them whatever was typed (see `revisions`).
    return keyed(`${pid}#${this.revisions[pid] ?? 0}`, html`<form class="kf-grid" data-form=${pid}
      aria-labelledby=${kind.factory ? headingId : fieldId(pid, 'title')} aria-busy=${busy ? 'true' : 'false'}
      style="grid-template-columns: repeat(auto-fit, minmax(260px, 1fr))"
      @submit=${(/** @type {SubmitEvent} */ e) => void this.save(e, kind)}>
      ${kind.factory
        ? html`<h3 class="kf-subtitle" id=${headingId} style="grid-column: 1 / -1; margin: 0">
            ${isNew ? t('channels.newTitle') : t('channels.editTitle', { name: String(config?.name) })}</h3>`
        : nothing}
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert" data-error=${pid} style="grid-column: 1 / -1">${error}</div>` : nothing}
      ${isNew ? this.renderNameInput(pid) : nothing}
      ${kind.fields.map((field, index) => this.renderField(pid, field, index, properties))}
      <div class="kf-toolbar" style="grid-column: 1 / -1">
        <button type="submit" class="kf-btn kf-btn-primary" data-action="save" ?disabled=${busy}>
          ${busy ? t('channels.saving') : t('action.save')}</button>
        <button type="button" class="kf-btn" data-action="cancel" ?disabled=${busy}
          @click=${() => this.cancel(kind)}>${t('action.cancel')}</button>
        <span class="kf-hint kf-push">${config?.file
          ? html`${t('channels.file')} <span class="kf-mono">${config.file}</span>`
          : isNew ? nothing : t('channels.noFile')}</span>
      </div>
    </form>`);
  }

  /** @param {string} pid */
  renderNameInput(pid) {
    const id = fieldId(pid, 'name');
    return html`<div class="kf-field" data-field="__name">
      <label for=${id}>${t('channels.instanceName')}${this.renderRequired()}</label>
      <input class="kf-input kf-mono" id=${id} name="__name" required pattern=${NAME_PATTERN} maxlength="32"
        autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby=${`${id}-help`}>
      <span class="kf-hint" id=${`${id}-help`}>${t('channels.nameHint')}</span>
    </div>`;
  }

  renderRequired() {
    // The star is for the eye; the input's required attribute is what assistive technology announces.
    return html`<span class="kf-danger-text" aria-hidden="true"> *</span>`;
  }

  /**
   * @param {string} pid @param {Field} field @param {number} index
   * @param {Record<string, unknown>} properties the stored values
   */
  renderField(pid, field, index, properties) {
    const id = fieldId(pid, index);
    const value = properties[field.key];
    const set = isSet(properties, field.key);
    const label = html`${field.label || field.key}${field.required ? this.renderRequired() : nothing}`;
    const helpId = field.help ? `${id}-help` : null;
    const known = field.defaultValue !== undefined && field.defaultValue !== null && field.defaultValue !== '';
    const help = field.help ? html`<span class="kf-hint" id=${`${id}-help`}>${field.help}</span>` : nothing;

    if (field.type === 'boolean') {
      return html`<div class="kf-field" data-field=${field.key}>
        <label class="kf-check">
          <input type="checkbox" id=${id} name=${field.key} .checked=${isTrue(value)} .indeterminate=${!set}
            aria-describedby=${helpId ?? nothing}> ${label}
        </label>
        ${help}
        ${set ? nothing : html`<span class="kf-hint">${known
          ? t('channels.booleanDefaultIs', { value: isTrue(field.defaultValue) ? t('channels.yes') : t('channels.no') })
          : t('channels.booleanDefault')}</span>`}
      </div>`;
    }

    if (isSecret(field)) {
      const masked = value === MASK;
      return html`<div class="kf-field" data-field=${field.key}>
        <label for=${id}>${label}</label>
        <input class="kf-input" type="password" id=${id} name=${field.key} autocomplete="new-password"
          placeholder=${masked ? t('channels.unchanged') : t('channels.notSet')}
          ?required=${field.required && !masked} aria-describedby=${helpId ?? nothing}>
        ${masked
          ? html`<div><label class="kf-check" style="font-weight: normal">
              <input type="checkbox" name="__clear" value=${field.key} data-clear=${field.key}
                @change=${(/** @type {Event} */ e) => {
                  // A value typed next to "clear" would be ignored on save; disabling the input says so.
                  const box = /** @type {HTMLInputElement} */ (e.currentTarget);
                  const input = box.form?.elements.namedItem(field.key);
                  if (input instanceof HTMLInputElement) input.disabled = box.checked;
                }}> ${t('channels.clear')}
            </label></div>`
          : nothing}
        ${help}
      </div>`;
    }

    const type = field.type === 'number' ? 'number' : field.type === 'url' ? 'url' : 'text';
    return html`<div class="kf-field" data-field=${field.key}>
      <label for=${id}>${label}</label>
      <input class="kf-input" type=${type} id=${id} name=${field.key} .value=${set ? String(value) : ''}
        ?required=${field.required}
        placeholder=${set ? '' : known ? t('channels.defaultIs', { value: String(field.defaultValue) }) : t('channels.default')}
        step=${type === 'number' ? 'any' : nothing} inputmode=${type === 'number' ? 'decimal' : nothing}
        autocomplete="off" spellcheck="false" aria-describedby=${helpId ?? nothing}>
      ${help}
    </div>`;
  }

  renderConfirm() {
    const target = this.confirm;
    if (!target) return nothing;
    const name = String(target.config.name);
    return html`<form @submit=${(/** @type {SubmitEvent} */ e) => { e.preventDefault(); void this.remove(); }}>
      <h2 id="kf-channels-delete-title">${t('channels.deleteTitle', { name })}</h2>
      ${this.confirmError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.confirmError}</div>` : nothing}
      <p style="margin: 0">${target.config.file
        ? t('channels.deleteConfirm', { file: target.config.file })
        : t('channels.deleteConfirmNoFile')}</p>
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" data-action="cancel-delete" autofocus
          @click=${() => { this.confirm = null; }}>${t('action.cancel')}</button>
        <button type="submit" class="kf-btn kf-btn-danger" data-action="confirm-delete" ?disabled=${this.deleting}>
          ${this.deleting ? t('channels.deleting') : t('channels.delete')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kefu-channel-settings-view', KefuChannelSettingsView);
