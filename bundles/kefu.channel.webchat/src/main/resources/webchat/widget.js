/*
 * Kefu web chat widget: the customer's side of the web chat channel.
 *
 * Embedded with one tag on any site (see README.md next to this file):
 *   <script src="https://kefu.example.com/webchat/widget.js" data-kefu-title="..." data-kefu-lang="zh-CN" async></script>
 *
 * Why it is written the way it is:
 * - A classic script with no dependencies and no build step: a shop owner pastes one tag, nothing gets bundled.
 *   Its only global is window.KefuChat; everything else lives in this closure.
 * - ES2017 syntax only (no ?. or ??): the in-app browsers many customers in China use (older WeChat / X5
 *   WebViews) lag well behind desktop Chrome.
 * - The file is pure ASCII; the Chinese strings are \u escapes. Shops served as GBK would otherwise decode a
 *   UTF-8 widget into garbage whenever the Kefu server (or a CDN in front of it) omits "charset=utf-8".
 * - All UI is inside a Shadow DOM, styled through a constructed stylesheet: page CSS cannot reach in, ours
 *   cannot leak out, and a constructed sheet is not blocked by a host page's CSP the way a <style> element is.
 * - Text from customers and agents is untrusted: it only ever reaches the DOM via createTextNode/textContent.
 *   Links become <a> elements we build ourselves, for http(s) URLs only.
 */
(function () {
  'use strict';

  // Pasted twice (a tag manager plus a hard-coded tag)? Keep the first copy: two would draw two launchers and
  // open two connections for one visitor.
  if (window.KefuChat) return;

  var SCRIPT = document.currentScript || findOwnScript();
  if (!SCRIPT || !SCRIPT.src) {
    if (window.console) console.warn('[kefu] widget.js must be loaded with <script src=".../webchat/widget.js">');
    return;
  }

  function findOwnScript() {
    // currentScript is null when a loader evaluates us in a callback; the last matching tag is the best guess.
    var tags = document.querySelectorAll('script[src]');
    for (var i = tags.length - 1; i >= 0; i--) {
      if (/\/webchat\/widget\.js(?:[?#]|$)/.test(tags[i].src)) return tags[i];
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Constants
  // ---------------------------------------------------------------------------------------------------------

  var KEY_VISITOR = 'kefu.webchat.visitor';           // localStorage: survives reloads and is shared by tabs
  var KEY_CONVERSATION = 'kefu.webchat.conversation'; // localStorage: "this visitor has a conversation"
  var KEY_OUTBOX = 'kefu.webchat.outbox';             // sessionStorage: this tab's unacknowledged messages
  var KEY_OPEN = 'kefu.webchat.open';                 // sessionStorage: panel stays open across page loads

  var MAX_LENGTH = 2000;        // UTF-16 code units, the same unit as Java's String.length() on the server
  var PING_EVERY = 25000;       // protocol: ping every 25 s while connected
  var DEAD_AFTER = 60000;       // protocol: no frame at all for 60 s (despite our pings) = dead connection
  var TICK = 5000;              // how often the liveness check runs (detects a dead socket within ~65 s)
  var HANDSHAKE_LIMIT = 20000;  // a connect that has not produced "welcome" by then is abandoned and retried
  var PROBE_LIMIT = 10000;      // after "online"/"visible", a socket must answer a ping this fast or is replaced
  var BACKOFF_FIRST = 1000;     // 1 s, 2 s, 4 s ... capped at 30 s, each with +-20 % jitter
  var BACKOFF_MAX = 30000;
  var POLICY_WAIT = 60000;      // after close code 1008 (policy violation) do not hammer the server
  var OUTBOX_LIMIT = 50;        // a restored outbox larger than this is corrupt or abusive; keep the newest

  // ---------------------------------------------------------------------------------------------------------
  // Strings (English and Simplified Chinese)
  // The Chinese ones are \u escapes (see the header); any JS console shows them readably, and new ones can be
  // produced with: node -e "console.log(JSON.stringify(process.argv[1]).replace(/[^\x00-\x7f]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')))" '...'
  // ---------------------------------------------------------------------------------------------------------

  var STRINGS = {
    'en': {
      title: 'Chat with us',
      openChat: 'Open chat',
      closeChat: 'Close chat',
      unread: '{n} unread',
      minimise: 'Minimise chat',
      messages: 'Messages',
      inputLabel: 'Your message',
      placeholder: 'Type a message\u2026',
      hint: 'Enter to send \u00b7 Shift+Enter for a new line',
      send: 'Send',
      idle: 'Not connected yet',
      connecting: 'Connecting\u2026',
      open: 'Connected',
      reconnecting: 'Reconnecting\u2026 (attempt {n})',
      offline: 'You are offline. Reconnecting when the network is back\u2026 (attempt {n})',
      policy: 'The chat server refused the connection. Trying again in a minute\u2026',
      retryNow: 'Retry now',
      sending: 'Sending\u2026',
      sent: 'Sent',
      failed: 'Not sent',
      retry: 'Retry',
      agent: 'Customer service',
      empty: 'Hello! Send us a message and we will answer here.',
      tooLongLocal: 'The message is longer than {max} characters.',
      errors: {
        'message.too_long': 'The message is too long.',
        'rate_limited': 'You are sending messages too fast. Please wait a moment.'
      },
      errorOther: 'Error: {message}'
    },
    'zh-CN': {
      title: '\u5728\u7ebf\u5ba2\u670d',
      openChat: '\u6253\u5f00\u5728\u7ebf\u5ba2\u670d',
      closeChat: '\u5173\u95ed\u5728\u7ebf\u5ba2\u670d',
      unread: '{n} \u6761\u672a\u8bfb\u6d88\u606f',
      minimise: '\u6700\u5c0f\u5316',
      messages: '\u6d88\u606f\u8bb0\u5f55',
      inputLabel: '\u8f93\u5165\u6d88\u606f',
      placeholder: '\u8bf7\u8f93\u5165\u6d88\u606f\u2026',
      hint: 'Enter \u53d1\u9001 \u00b7 Shift+Enter \u6362\u884c',
      send: '\u53d1\u9001',
      idle: '\u5c1a\u672a\u8fde\u63a5',
      connecting: '\u6b63\u5728\u8fde\u63a5\u2026',
      open: '\u5df2\u8fde\u63a5',
      reconnecting: '\u8fde\u63a5\u5df2\u65ad\u5f00\uff0c\u6b63\u5728\u91cd\u8fde\u2026\uff08\u7b2c {n} \u6b21\uff09',
      offline: '\u7f51\u7edc\u5df2\u65ad\u5f00\uff0c\u6062\u590d\u540e\u81ea\u52a8\u91cd\u8fde\u2026\uff08\u7b2c {n} \u6b21\uff09',
      policy: '\u670d\u52a1\u5668\u62d2\u7edd\u4e86\u8fde\u63a5\uff0c\u4e00\u5206\u949f\u540e\u91cd\u8bd5\u2026',
      retryNow: '\u7acb\u5373\u91cd\u8bd5',
      sending: '\u53d1\u9001\u4e2d\u2026',
      sent: '\u5df2\u53d1\u9001',
      failed: '\u672a\u53d1\u9001',
      retry: '\u91cd\u8bd5',
      agent: '\u5ba2\u670d',
      empty: '\u60a8\u597d\uff01\u8bf7\u7559\u8a00\uff0c\u5ba2\u670d\u4f1a\u5728\u8fd9\u91cc\u56de\u590d\u60a8\u3002',
      tooLongLocal: '\u6d88\u606f\u4e0d\u80fd\u8d85\u8fc7 {max} \u4e2a\u5b57\u7b26\u3002',
      errors: {
        'message.too_long': '\u6d88\u606f\u8fc7\u957f\u3002',
        'rate_limited': '\u53d1\u9001\u592a\u9891\u7e41\uff0c\u8bf7\u7a0d\u540e\u518d\u8bd5\u3002'
      },
      errorOther: '\u51fa\u9519\u4e86\uff1a{message}'
    }
  };

  function attr(name) {
    var value = SCRIPT.getAttribute(name);
    return value == null ? '' : String(value).trim();
  }

  // The page's explicit choice wins; otherwise the browser's preferred languages; English as the last resort.
  // Any Chinese variant gets the Simplified strings (the only Chinese we ship).
  function pickLocale(wanted) {
    var candidates = [wanted].concat(navigator.languages || [], navigator.language || []);
    for (var i = 0; i < candidates.length; i++) {
      var tag = String(candidates[i] || '').toLowerCase();
      if (tag.indexOf('zh') === 0) return 'zh-CN';
      if (tag.indexOf('en') === 0) return 'en';
    }
    return 'en';
  }

  var LOCALE = pickLocale(attr('data-kefu-lang'));
  var T = STRINGS[LOCALE];
  var TITLE = attr('data-kefu-title') || T.title;
  var ACCENT = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(attr('data-kefu-color')) ? attr('data-kefu-color') : '';

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return values && values[key] != null ? String(values[key]) : all;
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Where the Kefu server is: the origin this very script was loaded from, not the host page's.
  // ---------------------------------------------------------------------------------------------------------

  var SRC = new URL(SCRIPT.src, document.baseURI);
  // Behind a reverse proxy Kefu may live under a path (https://x/kefu/webchat/widget.js): keep that prefix.
  var PREFIX = /\/webchat\/widget\.js$/.test(SRC.pathname) ? SRC.pathname.replace(/\/webchat\/widget\.js$/, '') : '';
  var WS_URL = (SRC.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + SRC.host + PREFIX + '/ws/webchat';

  // ---------------------------------------------------------------------------------------------------------
  // Browser storage. Any access may throw (storage disabled, Safari private mode, sandboxed iframes): then we
  // fall back to memory, i.e. the chat works but is forgotten on reload.
  // ---------------------------------------------------------------------------------------------------------

  function openStorage(name) {
    try {
      var area = window[name];
      var probe = 'kefu.webchat.probe';
      area.setItem(probe, '1');
      area.removeItem(probe);
      return area;
    } catch (e) {
      var memory = {};
      return {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }
  var persistent = openStorage('localStorage');
  var perTab = openStorage('sessionStorage');

  function storageGet(area, key) {
    try { return area.getItem(key); } catch (e) { return null; }
  }
  function storageSet(area, key, value) {
    try {
      if (value == null || value === '') area.removeItem(key); else area.setItem(key, value);
    } catch (e) { /* quota or privacy mode: keeping it in memory for this page is all we can do */ }
  }

  // RFC 4122 v4. crypto.randomUUID exists only in secure contexts, and many shops are still plain http.
  function uuid() {
    var c = window.crypto || window.msCrypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (e) { /* insecure context: fall through */ }
    }
    var b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (var i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = '';
    for (var j = 0; j < 16; j++) {
      hex += (b[j] + 0x100).toString(16).slice(1);
      if (j === 3 || j === 5 || j === 7 || j === 9) hex += '-';
    }
    return hex;
  }

  // ---------------------------------------------------------------------------------------------------------
  // DOM helpers. Only ever textContent / createTextNode for strings: nothing here parses HTML.
  // ---------------------------------------------------------------------------------------------------------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var name in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, name) || attrs[name] == null || attrs[name] === false) continue;
        if (name === 'class') node.className = attrs[name];
        else if (name === 'text') node.textContent = attrs[name];
        else node.setAttribute(name, attrs[name] === true ? '' : String(attrs[name]));
      }
    }
    if (children) {
      for (var i = 0; i < children.length; i++) {
        var child = children[i];
        if (child == null) continue;
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    }
    return node;
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';
  function icon(pathData) {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', pathData);
    svg.appendChild(path);
    return svg;
  }
  var ICON_CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
  var ICON_CLOSE = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z';
  var ICON_MINUS = 'M5 11h14v2H5z';

  // URLs end at whitespace, quotes, angle brackets, and CJK text or punctuation (Chinese writers put a URL
  // right before a full-width comma or full stop, without a space).
  var URL_RE = /https?:\/\/[^\s<>"'`\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/gi;

  // Appends `text` to `parent` as text nodes, turning http(s) URLs into links we build ourselves.
  function appendLinkified(parent, text) {
    var last = 0;
    var match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text)) !== null) {
      var raw = match[0];
      // Sentence punctuation right after a URL belongs to the sentence; so does a closing bracket with no
      // opening one inside the URL ("(see https://x.y/z)").
      for (;;) {
        var tail = raw.charAt(raw.length - 1);
        if ('.,;:!?'.indexOf(tail) >= 0) { raw = raw.slice(0, -1); continue; }
        if (tail === ')' && raw.split('(').length < raw.split(')').length) { raw = raw.slice(0, -1); continue; }
        if (tail === ']' && raw.split('[').length < raw.split(']').length) { raw = raw.slice(0, -1); continue; }
        break;
      }
      var url = null;
      try { url = new URL(raw); } catch (e) { url = null; }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var a = document.createElement('a');
      a.href = url.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = raw;
      parent.appendChild(a);
      last = match.index + raw.length;
      URL_RE.lastIndex = last;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  var timeFormat = safeDateFormat({ hour: '2-digit', minute: '2-digit' });
  var dateTimeFormat = safeDateFormat({ month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  function safeDateFormat(options) {
    try { return new Intl.DateTimeFormat(LOCALE, options); } catch (e) { return null; }
  }
  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    var today = new Date();
    var sameDay = d.toDateString() === today.toDateString();
    var f = sameDay ? timeFormat : dateTimeFormat;
    return f ? f.format(d) : d.toLocaleString();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Styles
  // ---------------------------------------------------------------------------------------------------------

  var CSS = [
    // The host element itself can be targeted by page CSS ("div { display:none }", "* { font: ... }").
    // !important inside a shadow tree beats the page's !important on :host, and all:initial stops inherited
    // fonts, colours, line heights and letter spacing from leaking in.
    ':host{all:initial !important;display:block !important;}',
    '*,*::before,*::after{box-sizing:border-box;}',
    '[hidden]{display:none !important;}',
    '.root{position:fixed;right:20px;bottom:20px;z-index:2147483000;',
    ' font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",Roboto,Helvetica,Arial,sans-serif;',
    ' font-size:14px;line-height:1.45;color:#1f2328;text-align:left;direction:ltr;-webkit-text-size-adjust:100%;',
    // The page may choose the accent with data-kefu-color; it arrives as a custom property on the host.
    ' --accent:var(--kefu-accent,#1677ff);--accent-text:#fff;}',
    'button{font:inherit;margin:0;}',
    '.launcher{position:relative;display:flex;align-items:center;justify-content:center;width:56px;height:56px;',
    ' padding:0;border:0;border-radius:50%;background:var(--accent);color:var(--accent-text);cursor:pointer;',
    ' box-shadow:0 4px 14px rgba(0,0,0,.25);margin-left:auto;}',
    '.launcher svg{width:28px;height:28px;fill:currentColor;}',
    '.launcher:hover{filter:brightness(1.08);}',
    '.launcher:focus-visible,.icon-btn:focus-visible,.send:focus-visible,.link-btn:focus-visible{outline:3px solid #111;outline-offset:2px;}',
    '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;',
    ' background:#f5222d;color:#fff;font-size:12px;line-height:20px;font-weight:600;text-align:center;}',
    '.panel{position:absolute;right:0;bottom:72px;display:flex;flex-direction:column;width:360px;height:560px;',
    ' max-height:calc(100vh - 120px);background:#fff;border-radius:12px;overflow:hidden;',
    ' box-shadow:0 12px 40px rgba(0,0,0,.22),0 0 0 1px rgba(0,0,0,.06);}',
    '.header{display:flex;align-items:center;gap:8px;padding:12px 8px 12px 16px;background:var(--accent);color:var(--accent-text);}',
    '.title{flex:1;margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}',
    '.icon-btn{display:flex;align-items:center;justify-content:center;width:32px;height:32px;padding:0;border:0;',
    ' border-radius:6px;background:transparent;color:inherit;cursor:pointer;}',
    '.icon-btn:hover{background:rgba(255,255,255,.18);}',
    '.icon-btn svg{width:20px;height:20px;fill:currentColor;}',
    '.status{display:flex;align-items:center;gap:6px;padding:5px 16px;font-size:12px;color:#57606a;',
    ' background:#f6f8fa;border-bottom:1px solid #eaeef2;}',
    '.status-text{flex:1;}',
    '.dot{flex:none;width:8px;height:8px;border-radius:50%;background:#bfbfbf;}',
    '.status[data-state="open"] .dot{background:#52c41a;}',
    '.status[data-state="connecting"] .dot,.status[data-state="reconnecting"] .dot{background:#faad14;}',
    '.status[data-state="reconnecting"]{background:#fffbe6;color:#874d00;}',
    '.link-btn{padding:0;border:0;background:none;color:inherit;text-decoration:underline;cursor:pointer;font-size:12px;}',
    '.list{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:12px 12px 4px;background:#fff;}',
    '.empty{margin:24px 16px;text-align:center;color:#8c959f;}',
    '.msg{display:flex;flex-direction:column;max-width:82%;margin:0 0 10px;}',
    '.msg.in{margin-left:auto;align-items:flex-end;}',
    '.msg.out{margin-right:auto;align-items:flex-start;}',
    '.author{margin:0 0 2px 4px;font-size:12px;color:#57606a;}',
    '.bubble{padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:break-word;word-break:break-word;}',
    '.msg.in .bubble{background:var(--accent);color:var(--accent-text);border-bottom-right-radius:4px;}',
    '.msg.out .bubble{background:#f2f3f5;color:#1f2328;border-bottom-left-radius:4px;}',
    '.bubble a{color:inherit;text-decoration:underline;}',
    '.msg[data-state="sending"] .bubble{opacity:.65;}',
    '.msg[data-state="error"] .bubble{background:#fff1f0;color:#a8071a;border:1px solid #ffa39e;}',
    '.meta{display:flex;gap:6px;margin:2px 4px 0;font-size:11px;color:#8c959f;}',
    '.err{margin:2px 4px 0;font-size:12px;color:#cf222e;}',
    '.err .link-btn{margin-left:6px;}',
    '.notice{max-width:90%;margin:4px auto 10px;padding:4px 10px;border-radius:10px;background:#f6f8fa;',
    ' text-align:center;font-size:12px;color:#57606a;}',
    '.composer{padding:8px 12px 10px;border-top:1px solid #eaeef2;background:#fff;}',
    '.input{display:block;width:100%;min-height:40px;max-height:120px;margin:0;padding:8px 10px;resize:none;',
    ' font:inherit;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;outline:none;}',
    '.input:focus{border-color:var(--accent);box-shadow:0 0 0 1px var(--accent);}',
    '.row{display:flex;align-items:center;gap:8px;margin-top:6px;}',
    '.hint{flex:1;font-size:11px;color:#8c959f;}',
    '.counter{font-size:11px;color:#8c959f;font-variant-numeric:tabular-nums;}',
    '.counter.full{color:#cf222e;font-weight:600;}',
    '.send{padding:6px 16px;border:0;border-radius:6px;background:var(--accent);color:var(--accent-text);font-weight:600;cursor:pointer;}',
    '.send:disabled{opacity:.45;cursor:default;}',
    '.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;}',
    // Phones: the open panel takes the whole screen; 16px input text stops iOS from zooming in on focus.
    '@media (max-width:480px){',
    ' .root{right:12px;bottom:12px;}',
    ' .root.is-open .panel{position:fixed;top:0;right:0;bottom:0;left:0;width:auto;height:auto;max-height:none;border-radius:0;}',
    ' .root.is-open .launcher{display:none;}',
    ' .input{font-size:16px;}',
    '}',
    '@media (prefers-reduced-motion:no-preference){.panel{animation:kefu-in .16s ease-out;}}',
    '@keyframes kefu-in{from{opacity:0;transform:translateY(8px);}to{opacity:1;transform:none;}}'
  ].join('\n');

  // ---------------------------------------------------------------------------------------------------------
  // UI
  // ---------------------------------------------------------------------------------------------------------

  // A custom element name: page rules such as "div { ... }" do not match it. It needs no registration.
  var host = document.createElement('kefu-webchat');
  host.id = 'kefu-webchat';
  // 'open' so browser tests (Playwright) can pierce it; styles are isolated either way.
  var shadow = host.attachShadow({ mode: 'open' });
  if (ACCENT) host.style.setProperty('--kefu-accent', ACCENT);

  var adopted = false;
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function') {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
      adopted = true;
    } catch (e) { /* older engine: fall back to a <style> element below */ }
  }
  // Fallback for old browsers; a host page whose CSP forbids inline styles will show it unstyled there.
  if (!adopted) shadow.appendChild(h('style', { text: CSS }));

  var badge = h('span', { 'class': 'badge', 'aria-hidden': 'true', hidden: true });
  var launcherIcon = icon(ICON_CHAT);
  var launcher = h('button', {
    type: 'button', 'class': 'launcher', 'data-kefu': 'launcher', 'aria-label': T.openChat,
    'aria-expanded': 'false', 'aria-controls': 'kefu-panel', title: TITLE
  }, [launcherIcon, badge]);

  var minimise = h('button', {
    type: 'button', 'class': 'icon-btn', 'data-kefu': 'minimise', 'aria-label': T.minimise, title: T.minimise
  }, [icon(ICON_MINUS)]);
  var titleEl = h('h2', { 'class': 'title', id: 'kefu-title', text: TITLE });

  // The hook element holds the status text only (tests and screen readers read its text); the dot and the
  // "Retry now" button sit beside it in the same row, which mirrors data-state for styling.
  var statusEl = h('span', { 'class': 'status-text', 'data-kefu': 'status', 'data-state': 'idle', role: 'status', 'aria-live': 'polite' });
  var retryNowBtn = h('button', { type: 'button', 'class': 'link-btn', 'data-kefu': 'retry-now', text: T.retryNow, hidden: true });
  var statusRow = h('div', { 'class': 'status', 'data-state': 'idle' },
    [h('span', { 'class': 'dot', 'aria-hidden': 'true' }), statusEl, retryNowBtn]);

  var emptyEl = h('p', { 'class': 'empty', 'data-kefu': 'empty', text: T.empty });
  var list = h('div', { 'class': 'list', 'data-kefu': 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': T.messages, tabindex: '0' });

  var input = h('textarea', {
    'class': 'input', 'data-kefu': 'input', rows: '1', maxlength: String(MAX_LENGTH), placeholder: T.placeholder,
    'aria-label': T.inputLabel, 'aria-describedby': 'kefu-hint kefu-counter', enterkeyhint: 'send'
  });
  var counter = h('span', { 'class': 'counter', 'data-kefu': 'counter', id: 'kefu-counter', 'aria-live': 'off' });
  var sendBtn = h('button', { type: 'button', 'class': 'send', 'data-kefu': 'send', text: T.send, disabled: true });
  var composer = h('div', { 'class': 'composer' }, [
    input,
    h('div', { 'class': 'row' }, [h('span', { 'class': 'hint', id: 'kefu-hint', text: T.hint }), counter, sendBtn])
  ]);

  var panel = h('section', {
    'class': 'panel', id: 'kefu-panel', 'data-kefu': 'panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'kefu-title', hidden: true
  }, [h('header', { 'class': 'header' }, [titleEl, minimise]), statusRow, list, composer]);

  var root = h('div', { 'class': 'root', lang: LOCALE }, [panel, launcher]);
  shadow.appendChild(root);

  // ---------------------------------------------------------------------------------------------------------
  // Message list
  // ---------------------------------------------------------------------------------------------------------

  var byId = new Map();   // server message id -> element, to de-duplicate history, echoes and acks
  var pending = [];       // own messages not acknowledged: {clientId, text, createdAt, state, error, node}

  function isNearBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  }
  function scrollToBottom() {
    list.scrollTop = list.scrollHeight;
  }
  function updateEmpty() {
    var hasContent = list.querySelector('[data-kefu-message],[data-kefu="notice"]') !== null;
    if (hasContent && emptyEl.parentNode) emptyEl.parentNode.removeChild(emptyEl);
    if (!hasContent && !emptyEl.parentNode) list.appendChild(emptyEl);
  }
  function append(node, forceScroll) {
    var stick = forceScroll || isNearBottom();
    list.appendChild(node);
    updateEmpty();
    if (stick) scrollToBottom();
  }

  // One bubble. direction: INBOUND (the customer, right) or OUTBOUND (the company, left).
  function messageNode(key, direction, text, when, author) {
    var inbound = direction === 'INBOUND';
    var bubble = h('div', { 'class': 'bubble' });
    appendLinkified(bubble, text);
    var time = h('time', { text: formatTime(when) });
    if (!isNaN(new Date(when).getTime())) time.setAttribute('datetime', new Date(when).toISOString());
    var stateLabel = h('span', { 'class': 'state-label' });
    var node = h('div', {
      'class': 'msg ' + (inbound ? 'in' : 'out'), 'data-kefu-message': key, 'data-direction': inbound ? 'INBOUND' : 'OUTBOUND'
    }, [
      inbound ? null : h('div', { 'class': 'author', text: author || T.agent }),
      bubble,
      h('div', { 'class': 'meta' }, [time, inbound ? stateLabel : null])
    ]);
    if (inbound) setNodeState(node, 'sent');
    return node;
  }

  function setNodeState(node, state, errorText, onRetry) {
    node.setAttribute('data-state', state);
    var label = node.querySelector('.state-label');
    if (label) label.textContent = state === 'sending' ? T.sending : state === 'sent' ? T.sent : T.failed;
    var old = node.querySelector('.err');
    if (old) old.parentNode.removeChild(old);
    if (state === 'error') {
      var err = h('div', { 'class': 'err', 'data-kefu': 'error', role: 'alert', text: errorText || T.failed });
      if (onRetry) {
        var retry = h('button', { type: 'button', 'class': 'link-btn', 'data-kefu': 'retry', text: T.retry });
        retry.addEventListener('click', onRetry);
        err.appendChild(retry);
      }
      node.appendChild(err);
    }
  }

  function showServerMessage(m) {
    if (!m || typeof m.id !== 'string' || !m.id || byId.has(m.id)) return null;
    var node = messageNode(m.id, m.direction === 'INBOUND' ? 'INBOUND' : 'OUTBOUND',
      typeof m.text === 'string' ? m.text : String(m.text == null ? '' : m.text), m.sentAt, m.author);
    byId.set(m.id, node);
    return node;
  }

  function notice(text) {
    append(h('div', { 'class': 'notice', 'data-kefu': 'notice', role: 'status', text: text }), false);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Outbox: own messages waiting for their ack. Kept per tab in sessionStorage, so a reload during an outage
  // does not lose what the customer typed; the clientId makes every resend safe.
  // ---------------------------------------------------------------------------------------------------------

  function saveOutbox() {
    var keep = [];
    for (var i = 0; i < pending.length; i++) {
      var p = pending[i];
      if (p.state === 'sending') keep.push({ clientId: p.clientId, text: p.text, createdAt: p.createdAt });
    }
    storageSet(perTab, KEY_OUTBOX, keep.length ? JSON.stringify(keep) : null);
  }

  function loadOutbox() {
    var parsed;
    try { parsed = JSON.parse(storageGet(perTab, KEY_OUTBOX) || '[]'); } catch (e) { parsed = []; }
    if (!Array.isArray(parsed)) return;
    parsed = parsed.slice(-OUTBOX_LIMIT);
    for (var i = 0; i < parsed.length; i++) {
      var p = parsed[i];
      if (!p || typeof p.clientId !== 'string' || typeof p.text !== 'string' || !p.text) continue;
      addPending(p.clientId, p.text.slice(0, MAX_LENGTH), typeof p.createdAt === 'string' ? p.createdAt : new Date().toISOString());
    }
  }

  function findPending(clientId) {
    for (var i = 0; i < pending.length; i++) if (pending[i].clientId === clientId) return pending[i];
    return null;
  }
  function removePending(entry) {
    var i = pending.indexOf(entry);
    if (i >= 0) pending.splice(i, 1);
    saveOutbox();
  }

  function addPending(clientId, text, createdAt) {
    var entry = { clientId: clientId, text: text, createdAt: createdAt, state: 'sending', error: null, node: null };
    entry.node = messageNode(clientId, 'INBOUND', text, createdAt, null);
    entry.node.setAttribute('data-client-id', clientId);
    setNodeState(entry.node, 'sending');
    pending.push(entry);
    append(entry.node, true);
    return entry;
  }

  function transmit(entry) {
    if (welcomed && entry.state === 'sending') sendFrame({ type: 'message', clientId: entry.clientId, text: entry.text });
  }

  // The server stored the message (or had stored it already: a resend after a lost ack gets the same id).
  function confirm(entry, messageId) {
    removePending(entry);
    var existing = messageId ? byId.get(messageId) : null;
    if (existing && existing !== entry.node) {
      // Already on screen from history or from an echo that overtook the ack: keep one bubble.
      if (entry.node.parentNode) entry.node.parentNode.removeChild(entry.node);
      updateEmpty();
      return;
    }
    if (messageId) {
      entry.node.setAttribute('data-kefu-message', messageId);
      byId.set(messageId, entry.node);
    }
    setNodeState(entry.node, 'sent');
  }

  function fail(entry, code, message) {
    // Never resent automatically (protocol): the server has refused it. It stays in `pending` so that it is
    // still shown, with its reason, when a welcome redraws the list; saveOutbox keeps only 'sending' ones.
    entry.state = 'error';
    saveOutbox();
    var retryable = code !== 'message.too_long';
    setNodeState(entry.node, 'error', errorText(code, message), retryable ? function () { retry(entry); } : null);
  }

  // A manual retry is a new message as far as the server is concerned: the old clientId was refused.
  function retry(entry) {
    var i = pending.indexOf(entry);
    if (i >= 0) pending.splice(i, 1);
    if (entry.node.parentNode) entry.node.parentNode.removeChild(entry.node);
    var fresh = addPending(uuid(), entry.text, new Date().toISOString());
    saveOutbox();
    start();
    transmit(fresh);
  }

  function errorText(code, message) {
    return T.errors[code] || fmt(T.errorOther, { message: message || code || '?' });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Connection
  // ---------------------------------------------------------------------------------------------------------

  var ws = null;            // the current socket; handlers of replaced sockets check identity and bail out
  var welcomed = false;     // "welcome" received on this socket: only then do we send messages
  var started = false;      // connect lazily: on first open, or at load when there is something to resume
  var suspended = false;    // the page is in the back/forward cache
  var attempt = 0;          // consecutive failed connects; back to 0 on every welcome
  var policyUntil = 0;      // after a 1008 close, no reconnect before this time, whatever the trigger
  var retryTimer = 0, tickTimer = 0, handshakeTimer = 0, probeTimer = 0;
  var lastFrameAt = 0, lastPingAt = 0;
  var hadWelcome = false;   // later welcomes (reconnects) may bring agent replies we have not seen
  var visitorId = storageGet(persistent, KEY_VISITOR);

  function setStatus(state) {
    statusEl.setAttribute('data-state', state);
    statusRow.setAttribute('data-state', state);
    var text;
    if (state === 'open') text = T.open;
    else if (state === 'connecting') text = T.connecting;
    else if (state === 'reconnecting') {
      if (Date.now() < policyUntil) text = T.policy;
      else if (navigator.onLine === false) text = fmt(T.offline, { n: attempt });
      else text = fmt(T.reconnecting, { n: attempt });
    } else text = T.idle;
    statusEl.textContent = text;
    // "Retry now" only while waiting for the backoff timer, and never inside the 1008 cool-down.
    retryNowBtn.hidden = !(state === 'reconnecting' && !ws && Date.now() >= policyUntil);
  }

  function sendFrame(frame) {
    if (!ws || ws.readyState !== 1) return false;
    try { ws.send(JSON.stringify(frame)); return true; } catch (e) { return false; }
  }

  function start() {
    if (started) return;
    started = true;
    connect();
  }

  function clearSocketTimers() {
    clearInterval(tickTimer); tickTimer = 0;
    clearTimeout(handshakeTimer); handshakeTimer = 0;
    clearTimeout(probeTimer); probeTimer = 0;
  }

  function connect() {
    clearTimeout(retryTimer); retryTimer = 0;
    if (ws || suspended) return;
    var sock;
    try {
      sock = new WebSocket(WS_URL);
    } catch (e) {
      scheduleReconnect(false);
      return;
    }
    ws = sock;
    welcomed = false;
    setStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    handshakeTimer = setTimeout(function () {
      if (ws === sock && !welcomed) { dropSocket(4000); scheduleReconnect(false); }
    }, HANDSHAKE_LIMIT);

    sock.onopen = function () {
      if (ws !== sock) return;
      lastFrameAt = lastPingAt = Date.now();   // first ping 25 s from now
      // Always the first frame: the server learns (or assigns) who we are and answers with "welcome".
      sendFrame({ type: 'hello', visitorId: visitorId || null, locale: LOCALE });
      tickTimer = setInterval(tick, TICK);
    };
    sock.onmessage = function (event) {
      if (ws !== sock) return;
      lastFrameAt = Date.now();   // any frame proves the connection is alive, not only pongs
      handleFrame(event.data);
    };
    sock.onclose = function (event) {
      if (ws !== sock) return;
      ws = null;
      welcomed = false;
      clearSocketTimers();
      scheduleReconnect(event.code === 1008);
    };
    sock.onerror = function () { /* a close event always follows; the reconnect is decided there */ };
  }

  // Forget a socket without waiting for its close handshake (a dead peer never completes one).
  function dropSocket(code) {
    var old = ws;
    ws = null;
    welcomed = false;
    clearSocketTimers();
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try { old.close(code || 1000); } catch (e) { /* already closing */ }
  }

  function scheduleReconnect(policy) {
    clearTimeout(retryTimer); retryTimer = 0;
    if (suspended) return;
    attempt += 1;
    var delay;
    if (policy) {
      policyUntil = Date.now() + POLICY_WAIT;
      delay = POLICY_WAIT;
    } else {
      var base = Math.min(BACKOFF_MAX, BACKOFF_FIRST * Math.pow(2, Math.min(attempt - 1, 10)));
      delay = Math.min(BACKOFF_MAX, Math.round(base * (0.8 + Math.random() * 0.4)));
    }
    retryTimer = setTimeout(connect, Math.max(0, Math.max(delay, policyUntil - Date.now())));
    setStatus('reconnecting');
  }

  // Page became visible, browser came online, or the customer pressed "Retry now".
  function reconnectNow() {
    if (!started || suspended) return;
    if (ws) { probe(); return; }
    if (Date.now() < policyUntil) return;
    connect();
  }

  // A socket may be silently dead after sleep or a network switch: ask, and replace it if it does not answer.
  function probe() {
    if (!ws || !welcomed) return;
    var sock = ws;
    var askedAt = Date.now();
    if (!sendFrame({ type: 'ping' })) return;
    lastPingAt = askedAt;
    clearTimeout(probeTimer);
    probeTimer = setTimeout(function () {
      if (ws === sock && lastFrameAt < askedAt) { dropSocket(4000); scheduleReconnect(false); }
    }, PROBE_LIMIT);
  }

  function tick() {
    var now = Date.now();
    // Dead = silent for 60 s although we pinged since the last frame. Requiring a ping after the last frame
    // keeps throttled background tabs (timers once a minute) from declaring healthy sockets dead.
    if (now - lastFrameAt > DEAD_AFTER && lastPingAt > lastFrameAt) {
      dropSocket(4000);
      scheduleReconnect(false);
      return;
    }
    if (now - lastPingAt >= PING_EVERY) {
      if (sendFrame({ type: 'ping' })) lastPingAt = now;
    }
  }

  function handleFrame(data) {
    var frame;
    try { frame = JSON.parse(data); } catch (e) { return; }
    if (!frame || typeof frame !== 'object') return;
    switch (frame.type) {
      case 'welcome': onWelcome(frame); break;
      case 'ack': onAck(frame); break;
      case 'message': onMessage(frame.message); break;
      case 'error': onError(frame); break;
      default: break;   // pong and anything newer than this widget: liveness was already noted
    }
  }

  function setConversation(id) {
    if (typeof id === 'string' && id) storageSet(persistent, KEY_CONVERSATION, id);
  }

  function onWelcome(frame) {
    clearTimeout(handshakeTimer); handshakeTimer = 0;
    welcomed = true;
    attempt = 0;
    policyUntil = 0;
    if (typeof frame.visitorId === 'string' && frame.visitorId) {
      visitorId = frame.visitorId;
      storageSet(persistent, KEY_VISITOR, visitorId);
    }
    // null = no conversation (any more): forget ours so the next page load does not connect for nothing.
    if (typeof frame.conversationId === 'string' && frame.conversationId) setConversation(frame.conversationId);
    else storageSet(persistent, KEY_CONVERSATION, null);
    setStatus('open');

    // History replaces what is shown; our unacknowledged and refused messages follow it, still in order.
    var stick = isNearBottom();
    var previousTop = list.scrollTop;   // a customer reading older messages keeps their place
    var known = hadWelcome ? new Set(byId.keys()) : null;
    hadWelcome = true;
    byId.clear();
    list.textContent = '';
    var history = Array.isArray(frame.history) ? frame.history : [];
    for (var i = 0; i < history.length; i++) {
      var node = showServerMessage(history[i]);
      if (!node) continue;
      list.appendChild(node);
      // Agent replies that arrived while we were disconnected light the badge like live ones would.
      if (known && !known.has(history[i].id) && history[i].direction !== 'INBOUND' && !isOpen) unread += 1;
    }
    renderUnread();
    for (var j = 0; j < pending.length; j++) list.appendChild(pending[j].node);
    updateEmpty();
    if (stick || !isOpen) scrollToBottom(); else list.scrollTop = previousTop;

    // Resend the outbox, oldest first. The server stores each clientId once, so a message that did arrive
    // before the connection broke is acknowledged again rather than duplicated.
    for (var k = 0; k < pending.length; k++) transmit(pending[k]);
  }

  function onAck(frame) {
    var entry = typeof frame.clientId === 'string' ? findPending(frame.clientId) : null;
    if (typeof frame.conversationId === 'string') setConversation(frame.conversationId);
    if (!entry || entry.state !== 'sending') return;   // a second ack for the same message: nothing to do
    confirm(entry, typeof frame.messageId === 'string' ? frame.messageId : null);
  }

  function onMessage(m) {
    if (!m || typeof m !== 'object') return;
    // An echo that names our clientId is our own message: treat it as the ack.
    var own = typeof m.clientId === 'string' ? findPending(m.clientId) : null;
    if (own && own.state === 'sending' && typeof m.id === 'string') { confirm(own, m.id); return; }
    var node = showServerMessage(m);
    if (!node) return;
    append(node, m.direction === 'INBOUND');
    if (m.direction !== 'INBOUND' && !isOpen) { unread += 1; renderUnread(); }
  }

  function onError(frame) {
    var entry = typeof frame.clientId === 'string' ? findPending(frame.clientId) : null;
    if (entry && entry.state === 'sending') fail(entry, frame.code, frame.message);
    else notice(errorText(frame.code, frame.message));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Panel, launcher, composer
  // ---------------------------------------------------------------------------------------------------------

  var isOpen = false;
  var unread = 0;

  function renderUnread() {
    badge.hidden = unread === 0;
    badge.textContent = unread > 99 ? '99+' : String(unread);
    var label = isOpen ? T.closeChat : T.openChat;
    launcher.setAttribute('aria-label', unread ? label + ' (' + fmt(T.unread, { n: unread }) + ')' : label);
  }

  function openPanel(focusInput) {
    if (!isOpen) {
      isOpen = true;
      panel.hidden = false;
      root.classList.add('is-open');
      launcher.setAttribute('aria-expanded', 'true');
      launcher.replaceChild(icon(ICON_CLOSE), launcher.firstChild);
      unread = 0;
      renderUnread();
      storageSet(perTab, KEY_OPEN, '1');
      scrollToBottom();
    }
    start();
    if (focusInput) input.focus();
  }

  function closePanel(focusLauncher) {
    if (isOpen) {
      isOpen = false;
      panel.hidden = true;
      root.classList.remove('is-open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.replaceChild(icon(ICON_CHAT), launcher.firstChild);
      renderUnread();
      storageSet(perTab, KEY_OPEN, null);
    }
    if (focusLauncher) launcher.focus();
  }

  function updateComposer() {
    var length = input.value.length;
    counter.textContent = length + '/' + MAX_LENGTH;
    counter.classList.toggle('full', length >= MAX_LENGTH);
    sendBtn.disabled = input.value.trim() === '';
    // Grow with the text up to the CSS max-height, then scroll. (CSSOM writes are allowed under any CSP.)
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
  }

  function submit() {
    var text = input.value.replace(/\r\n?/g, '\n').trim();
    if (!text) return;
    if (text.length > MAX_LENGTH) { notice(fmt(T.tooLongLocal, { max: MAX_LENGTH })); return; }
    var entry = addPending(uuid(), text, new Date().toISOString());
    saveOutbox();
    input.value = '';
    updateComposer();
    start();
    transmit(entry);      // not welcomed yet? it waits in the outbox and goes out right after the welcome
  }

  launcher.addEventListener('click', function () {
    if (isOpen) closePanel(false); else openPanel(true);
  });
  minimise.addEventListener('click', function () { closePanel(true); });
  retryNowBtn.addEventListener('click', function () { reconnectNow(); });
  sendBtn.addEventListener('click', function () { submit(); input.focus(); });
  input.addEventListener('input', updateComposer);
  input.addEventListener('keydown', function (event) {
    // While an IME is composing (pinyin), Enter picks the candidate; it must not send.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') { event.preventDefault(); closePanel(true); }
  });
  // Keys typed in the chat must not trigger the host page's keyboard shortcuts: events are retargeted at the
  // shadow boundary, so the page would see them as typed on a non-input element.
  ['keydown', 'keyup', 'keypress'].forEach(function (type) {
    panel.addEventListener(type, function (event) { event.stopPropagation(); });
  });

  // ---------------------------------------------------------------------------------------------------------
  // Page lifecycle
  // ---------------------------------------------------------------------------------------------------------

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') reconnectNow();
  });
  window.addEventListener('online', reconnectNow);
  window.addEventListener('offline', function () {
    if (statusEl.getAttribute('data-state') === 'reconnecting') setStatus('reconnecting');
  });
  // Close cleanly on the way out, so the page can enter the back/forward cache and the server sees a proper
  // close instead of a timeout; reconnect if the page is restored from that cache.
  window.addEventListener('pagehide', function () {
    suspended = true;
    clearTimeout(retryTimer); retryTimer = 0;
    dropSocket(1000);
  });
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    suspended = false;
    attempt = 0;
    if (started) connect();
  });

  // Host pages without scripts of their own (strict CSP) can still open the chat: <button data-kefu-open>.
  document.addEventListener('click', function (event) {
    var target = event.target;
    var opener = target && target.closest ? target.closest('[data-kefu-open]') : null;
    if (opener) { event.preventDefault(); openPanel(true); }
  });

  function mount() {
    if (!host.isConnected && document.body) document.body.appendChild(host);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
  // Some sites swap the whole <body> on navigation (Turbo, pjax): put the widget back when that happens.
  if (window.MutationObserver) {
    new MutationObserver(mount).observe(document.documentElement, { childList: true });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------------------

  updateComposer();
  updateEmpty();
  renderUnread();
  setStatus('idle');
  loadOutbox();
  // Connect at load only when there is something to resume: an open conversation (agent replies should arrive
  // and light the badge), messages still in the outbox, or a panel left open on the previous page. A visitor
  // who never chats costs the server no connection.
  if (storageGet(persistent, KEY_CONVERSATION) || pending.length || storageGet(perTab, KEY_OPEN)) start();
  if (storageGet(perTab, KEY_OPEN)) openPanel(false);

  window.KefuChat = Object.freeze({
    open: function () { openPanel(true); },
    close: function () { closePanel(false); }
  });
})();
