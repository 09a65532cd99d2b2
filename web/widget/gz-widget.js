/*
 * 告知承诺 online assistant: the website chat widget.
 *
 * Embedding is one script tag and a config object:
 *
 *   <script>window.GZWidgetConfig = {rasaUrl: "https://bot.example.gov.cn", title: "告知承诺在线办理", locale: "zh-CN"};</script>
 *   <script src="https://www.example.gov.cn/static/widget/gz-widget.js" defer></script>
 *
 * The script loads its style sheet, the ID check (gz-idcheck.js) and the vendored socket.io client
 * (vendor/socket.io.min.js, socket.io-client 4.8.4: Engine.IO protocol 4 / Socket.IO protocol 5, what Rasa
 * 3.6's python-socketio 5 server speaks) from its own directory: nothing comes from a CDN.
 *
 * It talks to Rasa's socket.io channel (bot/channels/widget.py) and renders the channel-neutral contract
 * (docs/conversation-contract.md): each bot message may be followed by its `custom`, which belongs
 * to the text just before it; the widget pairs them. The session id (Rasa's sender id) lives in
 * localStorage, so a reload re-joins the same conversation and the tracker carries on with the journey;
 * the rendered transcript is kept beside it, with identity and phone numbers masked (P5).
 */
(function () {
  "use strict";
  if (window.GZWidget && window.GZWidget.version) return;

  var script = document.currentScript;
  var BASE = script && script.src ? script.src.replace(/[^/]*$/, "") : "/static/widget/";

  var DEFAULTS = {
    rasaUrl: "http://127.0.0.1:5005",
    socketPath: "/socket.io",
    apiUrl: "", // base of the API for the PDF link; empty: the origin of the receipt's verify_url
    title: "",
    locale: "zh-CN",
    startOpen: false,
    container: null, // a CSS selector: render inside this element instead of a floating panel
    storageKey: null,
    // The city's identity platform (统一身份认证) is configured at the API: offer signing in there instead of an
    // SMS code. Off by default: a deployment without the platform would only show a dead button.
    identityPlatform: false,
  };

  var STRINGS = {
    "zh-CN": {
      title: "告知承诺在线办理",
      launcher: "在线办理",
      panel: "告知承诺在线办理助手",
      log: "对话记录",
      connecting: "正在连接…",
      online: "已连接",
      offline: "连接中断，正在重新连接…",
      large: "大字",
      largeLabel: "大字模式",
      restart: "新对话",
      restartLabel: "结束本次对话并清除本机记录",
      restartConfirm: "开始新对话会清除本机上的对话记录，未完成的办理需要重新开始。确定吗？",
      close: "收起",
      closeLabel: "收起对话窗口",
      input: "输入消息",
      placeholder: "请输入您要办理的事项或回答",
      send: "发送",
      you: "您",
      bot: "办事助手",
      staff: "人工客服",
      typing: "正在处理，请稍候…",
      slow: "回复较慢，请稍候；如长时间没有回复，可以再发一次。",
      greeting: "您好！我是郑州市告知承诺制办事助手。请告诉我您要办理的事项，例如“申请公租房”“给父亲领养老金”“办食品经营许可证”。",
      examples: ["我想申请公租房", "给我爸办城乡居民养老保险待遇领取", "办理食品经营许可"],
      candidatesLead: "为您找到以下事项，请点选：",
      commitmentAllowed: "可告知承诺",
      commitmentNotAllowed: "不适用告知承诺",
      proofKind: "证明事项",
      licenseKind: "涉企经营许可",
      proxyAllowed: "可代为承诺",
      proxyNotAllowed: "须本人承诺",
      noticeTitle: "告知承诺书",
      noticeSub: "共 {total} 项，请从上到下完整阅读",
      noticeLabel: "告知承诺书全文",
      readHint: "请向下滚动，读完整份告知书后，“已阅读”按钮才可点击。",
      readDone: "您已读到告知书末尾。",
      readFirst: "请先向下滚动，读完整份告知书，再点击“已阅读”。",
      affirmTitle: "承诺书",
      affirmLead: "请仔细阅读以下承诺内容。承诺具有法律效力，不实承诺要承担法律责任。",
      affirmHow: "确认无误后，点击“我已阅读并承诺”；也可以在下框输入“{words}”后提交。",
      affirmTypedLabel: "输入承诺用语",
      affirmTypedSend: "提交承诺",
      affirmButton: "我已阅读并承诺",
      affirmOut: "如不想承诺，可以输入“算了”，改按一般程序提交证明。",
      affirmSent: "我已阅读并承诺：",
      receiptTitle: "承诺成功",
      receiptAccepted: "承诺已受理",
      receiptLicensed: "已当场作出许可决定",
      receiptNo: "承诺编号",
      receiptDecision: "许可决定书编号",
      receiptItem: "办理事项",
      receiptWay: "承诺方式",
      receiptSelf: "本人承诺",
      receiptProxy: "代为承诺（特别授权）",
      receiptRepresentative: "法定代表人代表企业承诺",
      receiptCovers: "代替的证明或条件",
      receiptVersion: "告知书版本",
      receiptEdition: "第{n}版",
      receiptHash: "校验码 {hash}",
      receiptVerify: "核验承诺书",
      receiptPdf: "下载承诺书（PDF）",
      receiptCopy: "复制编号",
      platformLogin: "用统一身份认证登录（免短信验证码）",
      platformSign: "前往统一身份认证确认签署",
      platformDone: "已完成",
      receiptCopied: "已复制",
      receiptKeep: "请保存好承诺编号，核查结果会短信通知您。",
      pdfFormLabel: "下载承诺书",
      pdfWhy: "承诺书含个人信息，下载前需要核验申请人身份：验证码会发送到该证件号码登记的实名手机号码。",
      pdfId: "申请人身份证号或统一社会信用代码",
      pdfSendCode: "获取验证码",
      pdfSending: "正在发送验证码…",
      pdfCodeSent: "如该证件号码登记了实名手机号码，验证码已发送。",
      pdfCode: "短信验证码",
      pdfCodeHint: "6位数字，请查看实名手机号码收到的短信。",
      pdfGet: "核验并下载",
      pdfNeedId: "请填写正确的18位证件号码。",
      pdfNeedCode: "请先获取验证码，再填写短信中的6位数字验证码。",
      pdfWorking: "正在核验身份并生成承诺书…",
      pdfDone: "承诺书已开始下载。",
      pdfDenied: "验证码不正确或已经失效，请核对短信后重新输入，或重新获取验证码。",
      pdfTooMany: "尝试次数过多，请稍后再试。",
      pdfNotYours: "这份承诺书不属于该证件号码的持有人，无法下载。",
      pdfUnavailable: "承诺书下载服务暂未开通，请凭承诺编号到办事窗口打印，或通过核验链接查看。",
      pdfFailed: "暂时无法下载承诺书，请稍后再试。",
      proofsLead: "按一般程序需要提交：",
      retry: "重试",
      call: "拨打 12345",
      statusLabel: "当前状态：",
      ticketLabel: "受理编号：",
      idPerson: "身份证号",
      idAny: "身份证号或统一社会信用代码",
      idPlaceholder: "18位号码，可带空格",
      idCount: "{label}：已输入 {n}/18 位",
      idOk: "✓ 号码校验通过，可以发送",
      idNotPerson: "这里需要代办人本人的18位身份证号，不能填统一社会信用代码。",
      idToText: "改为输入文字",
      idToId: "按证件号输入",
      idNeedValid: "号码还不正确，请核对后再发送。",
      options: {
        use_commitment: { yes: "是，采用告知承诺", no: "否，按一般程序提交证明" },
        acting_as: { self: "本人办理", proxy: "代他人办理" },
        authorization_scope: { yes: "是，写明了特别授权", no: "否，没有写明" },
        notice_ack: { yes: "已阅读", repeat: "再说一遍" },
        _: { yes: "是", no: "否", self: "本人", proxy: "代办", repeat: "再说一遍" },
      },
      statuses: {
        accepted: "已受理", licensed: "已许可", under_verification: "核查中", verified: "核查通过",
        withdrawn: "已撤回", revoked: "已撤销",
      },
    },
    en: {
      title: "Notification and commitment service",
      launcher: "Online service",
      panel: "Notification and commitment assistant",
      log: "Conversation",
      connecting: "Connecting…",
      online: "Connected",
      offline: "Connection lost, reconnecting…",
      large: "A+",
      largeLabel: "Large text",
      restart: "New chat",
      restartLabel: "End this conversation and clear it from this device",
      restartConfirm: "A new chat clears this conversation from this device. Continue?",
      close: "Close",
      closeLabel: "Close the chat window",
      input: "Message",
      placeholder: "Type what you need or your answer",
      send: "Send",
      you: "You",
      bot: "Assistant",
      staff: "Service agent",
      typing: "Working on it…",
      slow: "The reply is slow; please wait or send your message again.",
      greeting: "Hello! Tell me which service you need, for example “我想申请公租房”.",
      examples: ["我想申请公租房", "给我爸办城乡居民养老保险待遇领取", "办理食品经营许可"],
      candidatesLead: "Matching services — tap one:",
      commitmentAllowed: "commitment allowed",
      commitmentNotAllowed: "commitment not applicable",
      proofKind: "proof item",
      licenseKind: "business licence",
      proxyAllowed: "proxy allowed",
      proxyNotAllowed: "in person only",
      noticeTitle: "Written notification",
      noticeSub: "{total} sections — please read all of it",
      noticeLabel: "Full written notification",
      readHint: "Scroll to the end of the notification to enable “已阅读”.",
      readDone: "You have reached the end of the notification.",
      readFirst: "Please scroll through the whole notification first.",
      affirmTitle: "Commitment",
      affirmLead: "Read the statement carefully: a false commitment has legal consequences.",
      affirmHow: "Press “我已阅读并承诺”, or type “{words}” and submit.",
      affirmTypedLabel: "Type the commitment words",
      affirmTypedSend: "Submit",
      affirmButton: "我已阅读并承诺",
      affirmOut: "To stop, type “算了”.",
      affirmSent: "我已阅读并承诺：",
      receiptTitle: "Commitment recorded",
      receiptAccepted: "accepted",
      receiptLicensed: "licence granted on the spot",
      receiptNo: "Number",
      receiptDecision: "Decision no.",
      receiptItem: "Service",
      receiptWay: "Made by",
      receiptSelf: "the applicant",
      receiptProxy: "a specially authorised proxy",
      receiptRepresentative: "the legal representative, for the enterprise",
      receiptCovers: "Replaces",
      receiptVersion: "Notification version",
      receiptEdition: "edition {n}",
      receiptHash: "checksum {hash}",
      receiptVerify: "Verify",
      receiptPdf: "Download PDF",
      receiptCopy: "Copy number",
      platformLogin: "Sign in with the city's identity platform (no SMS code)",
      platformSign: "Confirm at the identity platform",
      platformDone: "Done",
      receiptCopied: "Copied",
      receiptKeep: "Keep this number.",
      pdfFormLabel: "Download the letter",
      pdfWhy: "The letter holds personal data: a code is sent to the phone registered for the ID number first.",
      pdfId: "Applicant's ID number or credit code",
      pdfSendCode: "Send code",
      pdfSending: "Sending the code…",
      pdfCodeSent: "If a phone is registered for this ID number, the code has been sent to it.",
      pdfCode: "Code from the text message",
      pdfCodeHint: "Six digits, sent to the registered phone.",
      pdfGet: "Verify and download",
      pdfNeedId: "Enter a valid 18-character number.",
      pdfNeedCode: "Get a code first, then enter its six digits.",
      pdfWorking: "Checking…",
      pdfDone: "The download has started.",
      pdfDenied: "The code is wrong or no longer valid; check the message or get a new code.",
      pdfTooMany: "Too many tries; please try again later.",
      pdfNotYours: "This letter does not belong to the holder of that ID number.",
      pdfUnavailable: "Downloading is not available yet; use the verify link.",
      pdfFailed: "The letter cannot be downloaded now; try again later.",
      proofsLead: "The normal procedure needs:",
      retry: "Retry",
      call: "Call 12345",
      statusLabel: "Status: ",
      ticketLabel: "Ticket: ",
      idPerson: "ID number",
      idAny: "ID number or credit code",
      idPlaceholder: "18 characters",
      idCount: "{label}: {n}/18",
      idOk: "✓ Check digit correct",
      idNotPerson: "A personal ID number is needed here.",
      idToText: "Type text instead",
      idToId: "Enter a number",
      idNeedValid: "The number is not valid yet.",
      options: { _: { yes: "Yes", no: "No", self: "For myself", proxy: "For someone else", repeat: "Repeat" },
                 notice_ack: { yes: "已阅读", repeat: "Repeat" } },
      statuses: {},
    },
  };

  var ID_SLOTS = { applicant_id: "any", agent_id: "person" };
  var READ_WORDS = /^(已阅读|已读|我已阅读|我已经阅读|读完了|看完了|已经看完|阅读完毕|yes)$/i;
  var MAX_ENTRIES = 400;

  // --- small helpers --------------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "className") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? "" : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? "" : values[k]; });
  }
  function safeUrl(url) {
    try {
      var u = new URL(String(url), window.location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) { return null; }
  }
  var CN_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  function cnIndex(n) { return n <= 10 ? CN_NUMERALS[n] : String(n); }
  var uid = 0;
  function nextId(prefix) { uid += 1; return "gzw-" + prefix + "-" + uid; }

  /* Identity and mobile numbers in what the user typed, masked before they are shown or stored (P5). */
  function maskNumbers(text) {
    var ids = window.GZIdCheck;
    return String(text).replace(/[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]{11,20}/g, function (token) {
      var clean = ids ? ids.cleanId(token) : token.toUpperCase();
      if (/^\d{17}[\dX]$/.test(clean) || /^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}$/.test(clean)) return ids ? ids.maskId(clean) : clean;
      if (/^1[3-9]\d{9}$/.test(clean)) return clean.slice(0, 3) + "****" + clean.slice(-4);
      return token;
    });
  }

  /* A speech bubble drawn in SVG: no emoji font needed (many government PCs and Debian lack one). */
  function chatIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "gzw-launcher-icon");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z");
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }
  function loadCss(href) {
    if (document.querySelector('link[data-gzw-css]')) return;
    var link = el("link", { rel: "stylesheet", href: href, "data-gzw-css": "1" });
    document.head.appendChild(link);
  }

  // --- the widget -----------------------------------------------------------------------------------
  function Widget(userConfig) {
    var config = Object.assign({}, DEFAULTS, userConfig || {});
    this.config = config;
    this.t = Object.assign({}, STRINGS["zh-CN"], STRINGS[config.locale] || STRINGS[String(config.locale).split("-")[0]] || {});
    this.key = config.storageKey || "gz-widget:" + config.rasaUrl;
    this.state = this.load();
    this.active = null; // the block whose buttons answer the current question
    this.notice = null; // the latest notification document
    this.affirmation = null; // the latest commitment statement card
    this.itemNames = {};
    this.composerMode = "text";
    this.idKind = null;
    this.pending = false;
    this.queue = [];
    this.confirmed = false;
    this.replaying = false;
    this.revealTimer = null;
    this.revealFrom = null;
    this.build();
    this.replay();
    this.connect();
    if (config.startOpen || config.container || this.state.open) this.open(false);
  }

  Widget.prototype.load = function () {
    var empty = { v: 1, sessionId: null, entries: [], largeFont: false, open: false };
    try {
      var raw = window.localStorage.getItem(this.key);
      var data = raw ? JSON.parse(raw) : null;
      if (data && data.v === 1 && Array.isArray(data.entries)) return Object.assign(empty, data);
    } catch (e) { /* private mode or a damaged entry: start afresh */ }
    return empty;
  };

  Widget.prototype.save = function () {
    var entries = this.state.entries;
    if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
    var data = {
      v: 1, sessionId: this.state.sessionId, largeFont: this.state.largeFont, open: this.state.open,
      entries: entries.map(function (e) { return { r: e.r, t: e.t, c: e.c }; }),
    };
    try { window.localStorage.setItem(this.key, JSON.stringify(data)); } catch (e) { /* quota: keep going */ }
  };

  // --- DOM scaffold ---------------------------------------------------------------------------------
  Widget.prototype.build = function () {
    var self = this, t = this.t, config = this.config;
    var inline = config.container ? document.querySelector(config.container) : null;
    this.inline = !!inline;
    var panelId = nextId("panel"), titleId = nextId("title"), inputId = nextId("input"), hintId = nextId("idhint");

    // Floating over the host page, the widget (launcher included) is a complementary landmark of its own;
    // placed inside the host's content (``container``) it belongs to the host's landmark there.
    this.root = el("div", {
      className: "gzw" + (this.inline ? " gzw--inline" : ""), lang: config.locale || "zh-CN",
      role: this.inline ? null : "complementary", "aria-label": this.inline ? null : t.panel,
    });
    if (this.state.largeFont) this.root.classList.add("gzw--large");

    this.launcher = el("button", {
      type: "button", className: "gzw-launcher", "aria-controls": panelId, "aria-expanded": "false",
      onclick: function () { self.open(true); },
    }, [chatIcon(), t.launcher]);

    this.status = el("span", { className: "gzw-status", role: "status", "data-state": "connecting", text: t.connecting });
    this.largeBtn = el("button", {
      type: "button", className: "gzw-tool gzw-tool--large", "aria-pressed": String(!!this.state.largeFont),
      "aria-label": t.largeLabel, title: t.largeLabel, text: t.large, onclick: function () { self.toggleLarge(); },
    });
    // Named by its visible words ("新对话"), so a speech-input user can say what they see; what it does is
    // its description (the tooltip).
    var restartBtn = el("button", {
      type: "button", className: "gzw-tool gzw-tool--restart", title: t.restartLabel,
      text: t.restart, onclick: function () { if (window.confirm(t.restartConfirm)) self.restart(); },
    });
    var closeBtn = this.inline ? null : el("button", {
      type: "button", className: "gzw-tool gzw-tool--close", "aria-label": t.closeLabel, title: t.closeLabel,
      text: t.close, onclick: function () { self.close(); },
    });
    var header = el("header", { className: "gzw-header" }, [
      el("div", { className: "gzw-heading" }, [el("h2", { className: "gzw-title", id: titleId, text: config.title || t.title }), this.status]),
      el("div", { className: "gzw-tools" }, [this.largeBtn, restartBtn, closeBtn]),
    ]);

    this.log = el("div", {
      className: "gzw-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": t.log, tabindex: "0",
    });
    this.log.addEventListener("scroll", function () {
      // Only the reader's own scrolling counts as reading on; the widget's own scrolling (reveal) does not.
      if (self.log.scrollTop !== self.autoScrollTop) self.checkNoticeRead(false);
    }, { passive: true });
    this.typing = el("div", { className: "gzw-typing", role: "status", hidden: true, text: t.typing });

    this.input = el("input", {
      id: inputId, className: "gzw-input", type: "text", autocomplete: "off", enterkeyhint: "send",
      placeholder: t.placeholder, "aria-describedby": hintId, maxlength: "500",
    });
    this.input.addEventListener("input", function (ev) { self.onInput(ev); });
    this.input.addEventListener("keydown", function (ev) {
      // With the send button disabled (an ID that does not check out) Enter would do nothing: say why instead.
      if (ev.key === "Enter" && !ev.isComposing && self.sendBtn.disabled) { ev.preventDefault(); self.submitComposer(); }
    });
    this.sendBtn = el("button", { type: "submit", className: "gzw-btn gzw-btn--primary gzw-send", text: t.send });
    this.idHint = el("span", { className: "gzw-idhint", id: hintId, "aria-live": "polite" });
    this.idToggle = el("button", { type: "button", className: "gzw-textlink", onclick: function () { self.toggleIdMode(); } });
    this.idBar = el("div", { className: "gzw-idbar", hidden: true }, [this.idHint, this.idToggle]);
    this.note = el("p", { className: "gzw-composer-note", role: "alert", hidden: true });
    this.form = el("form", { className: "gzw-composer", onsubmit: function (ev) { ev.preventDefault(); self.submitComposer(); } }, [
      this.idBar,
      el("div", { className: "gzw-composer-row" }, [
        el("label", { className: "gzw-sr", for: inputId, text: t.input }), this.input, this.sendBtn,
      ]),
      this.note,
    ]);

    this.panel = el("section", { className: "gzw-panel", id: panelId, "aria-labelledby": titleId, hidden: !this.inline }, [
      header, this.log, this.typing, this.form,
    ]);
    this.panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !self.inline) { ev.preventDefault(); self.close(); }
    });

    if (!this.inline) this.root.appendChild(this.launcher);
    this.root.appendChild(this.panel);
    (inline || document.body).appendChild(this.root);
  };

  Widget.prototype.open = function (focus) {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    if (!this.inline) document.documentElement.classList.add("gzw-lock");
    this.state.open = true;
    this.save();
    this.scheduleReveal(this.unreadNotice());
    if (focus) this.input.focus();
  };

  Widget.prototype.close = function () {
    if (this.inline) return;
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    document.documentElement.classList.remove("gzw-lock");
    this.state.open = false;
    this.save();
    this.launcher.focus();
  };

  Widget.prototype.toggleLarge = function () {
    this.state.largeFont = !this.state.largeFont;
    this.root.classList.toggle("gzw--large", this.state.largeFont);
    this.largeBtn.setAttribute("aria-pressed", String(this.state.largeFont));
    this.save();
  };

  Widget.prototype.setStatus = function (state) {
    this.status.setAttribute("data-state", state);
    this.status.textContent = this.t[state];
  };

  // --- connection (Rasa socket.io channel) ----------------------------------------------------------
  Widget.prototype.connect = function () {
    var self = this, config = this.config;
    if (typeof window.io !== "function") { this.setStatus("offline"); return; }
    // Long-polling first, then the upgrade to WebSocket (socket.io's default): works behind proxies that
    // block WebSocket, which some government intranets do.
    var socket = window.io(config.rasaUrl, { path: config.socketPath, reconnectionDelayMax: 10000 });
    this.socket = socket;
    socket.on("connect", function () {
      self.confirmed = false;
      self.requestedSession = self.state.sessionId;
      socket.emit("session_request", { session_id: self.state.sessionId || null });
    });
    socket.on("session_confirm", function (sessionId) {
      if (self.requestedSession && sessionId !== self.requestedSession) {
        // The server did not take our id (malformed or expired): the stored transcript is another conversation.
        self.clearTranscript();
      }
      self.state.sessionId = sessionId;
      self.confirmed = true;
      self.save();
      self.setStatus("online");
      self.flushQueue();
    });
    // The server asks for an acknowledgement of what it must prove was delivered (a notice section): answered
    // only once the message is rendered, so the acknowledgement means "shown on this page".
    socket.on("bot_uttered", function (message, ack) {
      self.onBotMessage(message);
      if (typeof ack === "function" && message && typeof message === "object") ack({ rendered: true });
    });
    socket.on("disconnect", function () { self.confirmed = false; self.setStatus("offline"); });
    socket.on("connect_error", function () { self.setStatus("offline"); });
  };

  Widget.prototype.flushQueue = function () {
    while (this.confirmed && this.queue.length) {
      var text = this.queue.shift();
      this.socket.emit("user_uttered", { message: text, session_id: this.state.sessionId });
    }
  };

  /* The identity platform instead of an SMS code: sign in for this conversation (identity_code), or confirm
     the act with a new login there (act_code, the bot's signing_url). The platform's page tells this window
     when it is done, and the widget says "已完成" for the person, who clicked and logged in themselves. */
  Widget.prototype.platformButton = function (slot, custom) {
    var self = this, t = this.t, url = null, label = null;
    if (slot === "act_code" && custom.signing_url) {
      url = safeUrl(custom.signing_url);
      label = t.platformSign;
    } else if (slot === "identity_code" && this.config.identityPlatform && this.config.apiUrl && this.state.sessionId) {
      url = safeUrl(this.config.apiUrl.replace(/\/$/, "") + "/api/v1/identity/oidc/start?purpose=login&conversation=" +
        encodeURIComponent(this.state.sessionId));
      label = t.platformLogin;
    }
    if (!url) return null;
    var origin = new URL(url).origin;
    return el("div", { className: "gzw-options" }, [el("button", { type: "button", className: "gzw-btn gzw-platform", text: label,
      onclick: function () {
        var popup = window.open(url, "gz_identity", "width=480,height=640");
        if (!popup) { window.location.assign(url); return; }
        var listener = function (event) {
          if (event.origin !== origin || !event.data || event.data.gz_identity !== true) return;
          window.removeEventListener("message", listener);
          self.send(t.platformDone, t.platformDone);
        };
        window.addEventListener("message", listener);
      } })]);
  };

  /* Send ``value`` to the bot; ``shown`` is what the user's bubble says (a button label, a masked ID). */
  Widget.prototype.send = function (value, shown) {
    value = String(value).trim();
    if (!value) return;
    var display = maskNumbers(shown === undefined ? value : shown);
    if (this.examples && this.examples.parentNode) this.examples.parentNode.removeChild(this.examples); // once talking, the examples go
    var entry = { r: "user", t: display, c: null };
    this.state.entries.push(entry);
    this.renderEntry(entry);
    this.save();
    this.pending = true;
    this.setControlsEnabled(this.active, false);
    this.showTyping(true);
    this.queue.push(value);
    this.flushQueue();
    this.scheduleReveal(null);
  };

  Widget.prototype.showTyping = function (on) {
    var self = this;
    clearTimeout(this.slowTimer);
    this.typing.hidden = !on;
    this.typing.textContent = this.t.typing;
    if (on) this.slowTimer = setTimeout(function () { self.typing.textContent = self.t.slow; }, 20000);
  };

  Widget.prototype.onBotMessage = function (message) {
    if (!message || typeof message !== "object") return;
    this.showTyping(false);
    this.pending = false;
    if (typeof message.text === "string" && message.text.trim()) {
      var textEntry = { r: "bot", t: message.text, c: null };
      this.state.entries.push(textEntry);
      this.renderEntry(textEntry);
      if (Array.isArray(message.quick_replies) && message.quick_replies.length) {
        this.renderQuickReplies(textEntry, message.quick_replies);
      }
    }
    if (message.custom && typeof message.custom === "object") {
      var entries = this.state.entries;
      var last = entries[entries.length - 1];
      if (last && last.r === "bot" && last.t && !last.c && !last.standalone) {
        last.c = message.custom; // the custom of the text just before it (the contract's pairing rule)
        this.rerenderEntry(last);
      } else {
        var customEntry = { r: "bot", t: null, c: message.custom };
        entries.push(customEntry);
        this.renderEntry(customEntry);
      }
    }
    this.setControlsEnabled(this.active, true);
    this.save();
  };

  Widget.prototype.restart = function () {
    this.clearTranscript();
    this.state.sessionId = null;
    this.save();
    if (this.socket && this.socket.connected) {
      this.confirmed = false;
      this.requestedSession = null;
      this.socket.emit("session_request", { session_id: null });
    }
    this.input.focus();
  };

  Widget.prototype.clearTranscript = function () {
    this.state.entries = [];
    this.log.textContent = "";
    this.active = this.notice = this.affirmation = this.identity = this.committedAs = null;
    this.root.removeAttribute("data-ask");
    this.queue = [];
    this.setComposerMode("text");
    this.renderGreeting();
    this.save();
  };

  // --- rendering ------------------------------------------------------------------------------------
  Widget.prototype.replay = function () {
    this.replaying = true;
    this.renderGreeting();
    var self = this;
    this.state.entries.forEach(function (entry) { self.renderEntry(entry); });
    this.replaying = false;
    this.setControlsEnabled(this.active, true);
    this.scheduleReveal(this.unreadNotice());
  };

  /* The notification the user is asked to confirm and has not yet read to the end, if any. */
  Widget.prototype.unreadNotice = function () {
    var doc = this.notice;
    return doc && doc.complete && !doc.read && !doc.retired && this.active === doc ? doc : null;
  };

  Widget.prototype.renderGreeting = function () {
    var self = this, t = this.t;
    var chips = this.state.entries.length ? null : el("div", { className: "gzw-options gzw-examples" }, t.examples.map(function (text) {
      return el("button", { type: "button", className: "gzw-btn gzw-example", text: text, onclick: function () { self.send(text); } });
    }));
    this.examples = chips;
    this.log.appendChild(this.botRow([el("div", { className: "gzw-bubble", text: t.greeting })]));
    if (chips) this.log.appendChild(chips);
  };

  Widget.prototype.botRow = function (children, extraClass) {
    return el("div", { className: "gzw-row gzw-row--bot" + (extraClass ? " " + extraClass : "") }, [
      el("div", { className: "gzw-block" }, [el("span", { className: "gzw-sr", text: this.t.bot + "：" })].concat(children)),
    ]);
  };

  Widget.prototype.bubble = function (text, kind) {
    return el("div", { className: "gzw-bubble" + (kind ? " gzw-bubble--" + kind : ""), text: text });
  };

  Widget.prototype.append = function (node, entry) {
    this.log.appendChild(node);
    if (entry) entry.node = node;
    return node;
  };

  Widget.prototype.rerenderEntry = function (entry) {
    if (entry.node && entry.node.parentNode) entry.node.parentNode.removeChild(entry.node);
    entry.node = null;
    this.renderEntry(entry);
  };

  Widget.prototype.renderEntry = function (entry) {
    if (entry.r === "user") {
      this.append(el("div", { className: "gzw-row gzw-row--user" }, [
        el("div", { className: "gzw-bubble" }, [el("span", { className: "gzw-sr", text: this.t.you + "：" }), entry.t]),
      ]), entry);
      this.scheduleReveal(null);
      return;
    }
    var custom = entry.c;
    var stage = custom && typeof custom.stage === "string" ? custom.stage : null;
    var renderer = stage && this.stages[stage];
    if (renderer) renderer.call(this, entry, custom);
    else this.append(this.botRow([this.bubble(entry.t || "")]), entry);
    if (stage !== "notice_section" && !(stage === "ask" && custom.slot === "notice_ack")) this.scheduleReveal(null);
  };

  Widget.prototype.renderQuickReplies = function (entry, replies) {
    var self = this;
    var block = { controls: [] };
    var row = el("div", { className: "gzw-options" }, replies.map(function (reply) {
      var button = el("button", { type: "button", className: "gzw-btn", text: reply.title, onclick: function () {
        self.choose(block, button, reply.payload, reply.title);
      } });
      block.controls.push(button);
      return button;
    }));
    entry.node.querySelector(".gzw-block").appendChild(row);
    entry.standalone = true;
    this.activate(block);
  };

  // Which block's buttons are live: one at a time, the one answering the current question.
  Widget.prototype.activate = function (block) {
    if (this.active && this.active !== block) this.retire(this.active);
    this.active = block;
    this.setControlsEnabled(block, !this.pending);
  };
  Widget.prototype.retire = function (block) {
    if (!block) return;
    block.retired = true;
    this.setControlsEnabled(block, false);
    if (this.active === block) this.active = null;
  };
  Widget.prototype.setControlsEnabled = function (block, enabled) {
    if (!block || !block.controls) return;
    var on = enabled && !block.retired && !this.pending;
    var focused = document.activeElement;
    block.controls.forEach(function (control) { control.disabled = !on; });
    if (block.onToggle) block.onToggle(on);
    // A keyboard user whose button was just disabled keeps their place in the conversation, not on <body>.
    if (focused && focused.disabled && block.controls.indexOf(focused) >= 0) this.log.focus({ preventScroll: true });
  };
  Widget.prototype.choose = function (block, button, value, label) {
    if (button) {
      button.classList.add(button.classList.contains("gzw-card") ? "gzw-card--chosen" : "gzw-btn--chosen");
      button.setAttribute("aria-pressed", "true");
    }
    this.send(value, label);
  };

  Widget.prototype.optionLabel = function (slot, value) {
    var options = this.t.options;
    return (options[slot] && options[slot][value]) || options._[value] || value;
  };

  Widget.prototype.optionButtons = function (block, slot, values) {
    var self = this;
    block.controls = block.controls || [];
    return el("div", { className: "gzw-options", role: "group" }, values.map(function (value) {
      var label = self.optionLabel(slot, value);
      var button = el("button", {
        type: "button", className: "gzw-btn gzw-option", "data-value": value, text: label,
        onclick: function () { self.choose(block, button, value, label); },
      });
      block.controls.push(button);
      return button;
    }));
  };

  Widget.prototype.stages = {
    ask: function (entry, custom) {
      var slot = String(custom.slot || "");
      this.lastAskSlot = slot;
      // The question being answered and how many were asked: for styling, and for tests to wait on a turn.
      this.root.setAttribute("data-ask", slot);
      this.root.setAttribute("data-asks", String(Number(this.root.getAttribute("data-asks") || 0) + 1));
      this.setComposerMode(ID_SLOTS[slot] ? slot : "text");
      if (slot === "notice_ack" && this.notice && !this.notice.retired) {
        this.attachNoticeAck(entry, custom);
        return;
      }
      var block = { kind: "ask", slot: slot };
      var children = [this.bubble(entry.t || "", custom.error ? "warn" : null)];
      if (Array.isArray(custom.options) && custom.options.length) children.push(this.optionButtons(block, slot, custom.options));
      var platform = this.platformButton(slot, custom);
      if (platform) children.push(platform);
      this.append(this.botRow(children, "gzw-ask"), entry);
      if (block.controls) this.activate(block);
      else if (slot === "item" && this.active && this.active.kind === "candidates") { /* the cards answer it */ }
      else if (slot === "affirmation" && this.affirmation && !this.affirmation.retired) this.activate(this.affirmation);
      else this.retire(this.active);
    },

    item_candidates: function (entry, custom) {
      var self = this, t = this.t;
      var block = { kind: "candidates", controls: [] };
      var items = Array.isArray(custom.items) ? custom.items : [];
      var cards = el("ol", { className: "gzw-cards" }, items.map(function (item, i) {
        self.itemNames[item.code] = item.name;
        var card = el("button", {
          type: "button", className: "gzw-card", "data-code": item.code,
          onclick: function () { self.choose(block, card, item.name, item.name); },
        }, [
          el("span", { className: "gzw-card-name", text: (i + 1) + ". " + item.name }),
          el("span", { className: "gzw-card-meta" }, [
            el("span", { className: "gzw-badge", text: item.code }),
            el("span", {
              className: "gzw-badge " + (item.commitment_allowed ? "gzw-badge--ok" : "gzw-badge--no"),
              text: item.commitment_allowed ? t.commitmentAllowed : t.commitmentNotAllowed,
            }),
          ]),
        ]);
        block.controls.push(card);
        return el("li", null, [card]);
      }));
      this.append(this.botRow([el("p", { className: "gzw-lead", text: t.candidatesLead }), cards], "gzw-candidates"), entry);
      this.activate(block);
    },

    item_detail: function (entry, custom) {
      var t = this.t, item = custom.item || {};
      if (item.code) this.itemNames[item.code] = item.name;
      var badges = el("span", { className: "gzw-card-meta" }, [
        el("span", { className: "gzw-badge", text: item.kind === "license" ? t.licenseKind : t.proofKind }),
        el("span", { className: "gzw-badge " + (item.commitment_allowed ? "gzw-badge--ok" : "gzw-badge--no"),
                     text: item.commitment_allowed ? t.commitmentAllowed : t.commitmentNotAllowed }),
        item.commitment_allowed ? el("span", { className: "gzw-badge", text: item.proxy_allowed ? t.proxyAllowed : t.proxyNotAllowed }) : null,
      ]);
      this.append(this.botRow([el("div", { className: "gzw-bubble gzw-detail" }, [entry.t || item.name || "", el("br"), badges])]), entry);
    },

    notice_section: function (entry, custom) {
      var doc = this.notice;
      var index = Number(custom.index) || 1;
      var fresh = !doc || doc.retired || doc.version !== custom.notice_version || doc.acked || index <= doc.lastIndex;
      if (fresh) doc = this.newNoticeDocument(custom);
      var title = String(custom.title || "");
      var body = String(entry.t || "").replace(/^告知书（\d+\/\d+）/, "");
      if (title && body.indexOf(title) === 0) body = body.slice(title.length).replace(/^[：:]\s*/, "");
      var headingId = nextId("sec");
      doc.body.insertBefore(el("section", { className: "gzw-notice-section", "aria-labelledby": headingId, "data-index": String(index) }, [
        el("h4", { id: headingId, text: cnIndex(index) + "、" + title }),
        el("p", { text: body }),
      ]), doc.end);
      doc.lastIndex = index;
      entry.node = null; // the section lives in the document, not in a bubble of its own
      if (fresh) this.scheduleReveal(doc);
    },

    affirmation_request: function (entry, custom) {
      var self = this, t = this.t;
      var words = String(custom.required_words || "本人承诺");
      var statement = String(custom.statement || "");
      // The statement names the applicant (bot/core/affirmation.statement): "本人X承诺", "本人Y受X特别授权" or,
      // for an enterprise acting for itself, "本人Y作为X的法定代表人".
      var representative = /^本人.+?作为(.+?)的法定代表人/.exec(statement);
      var named = representative || /受(.+?)特别授权/.exec(statement) || /^本人(.+?)承诺：/.exec(statement);
      if (named) this.identity = Object.assign({}, this.identity, { name: named[1] });
      this.committedAs = representative ? "representative" : null;
      var block = { kind: "affirmation", controls: [] };
      var titleId = nextId("affirm"), typedId = nextId("typed");
      var typed = el("input", { id: typedId, type: "text", autocomplete: "off", placeholder: words, maxlength: "200" });
      var typedSend = el("button", { type: "button", className: "gzw-btn", text: t.affirmTypedSend, onclick: function () {
        if (typed.value.trim()) self.choose(block, null, typed.value.trim());
      } });
      typed.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && !ev.isComposing) { ev.preventDefault(); typedSend.click(); }
      });
      var commit = el("button", {
        type: "button", className: "gzw-btn gzw-btn--primary gzw-btn--block gzw-affirm-btn", text: t.affirmButton,
        // The payload is the whole statement: bot/core/affirmation.py takes a message containing it as explicit (R7).
        onclick: function () { self.choose(block, commit, statement, t.affirmSent + statement); },
      });
      block.controls = [typed, typedSend, commit];
      this.append(this.botRow([
        el("div", { className: "gzw-affirm", role: "group", "aria-labelledby": titleId }, [
          el("h3", { id: titleId, text: t.affirmTitle }),
          el("p", { className: "gzw-note", text: t.affirmLead }),
          el("blockquote", { className: "gzw-statement", text: statement }),
          el("p", { text: fmt(t.affirmHow, { words: words }) }),
          el("div", { className: "gzw-affirm-typed" }, [el("label", { for: typedId, text: t.affirmTypedLabel }), typed, typedSend]),
          commit,
          el("p", { className: "gzw-note", text: t.affirmOut }),
        ]),
      ], "gzw-affirmation"), entry);
      this.affirmation = block;
      this.activate(block);
      if (this.notice) this.notice.acked = true;
      this.scheduleReveal(block, entry.node);
    },

    affirmation_rejected: function (entry) {
      this.append(this.botRow([this.bubble(entry.t || "", "warn")]), entry);
    },

    commitment_receipt: function (entry, custom) {
      var self = this, t = this.t;
      var no = String(custom.commitment_no || "");
      var verify = safeUrl(custom.verify_url);
      var apiBase = this.config.apiUrl || (verify ? new URL(verify).origin : "");
      var pdf = no ? safeUrl(apiBase.replace(/\/$/, "") + "/api/v1/commitments/" + encodeURIComponent(no) + "/letter.pdf") : null;
      var titleId = nextId("receipt");
      var copy = el("button", { type: "button", className: "gzw-btn", text: t.receiptCopy, onclick: function () {
        if (navigator.clipboard) navigator.clipboard.writeText(no).then(function () { copy.textContent = t.receiptCopied; }, function () {});
      } });
      var rows = [
        [t.receiptNo, el("span", { className: "gzw-receipt-no", text: no })],
        custom.decision_no ? [t.receiptDecision, String(custom.decision_no)] : null,
        [t.receiptItem, (this.itemNames[custom.item_code] ? this.itemNames[custom.item_code] + "（" + custom.item_code + "）" : String(custom.item_code || ""))],
        [t.receiptWay, custom.proxy ? t.receiptProxy : (custom.representative || this.committedAs === "representative") ? t.receiptRepresentative : t.receiptSelf],
        Array.isArray(custom.covers) && custom.covers.length ? [t.receiptCovers, custom.covers.join("、")] : null,
        this.noticeVersionRow(custom),
      ].filter(Boolean);
      var dl = el("dl", null, []);
      rows.forEach(function (row) {
        dl.appendChild(el("dt", { text: row[0] }));
        dl.appendChild(el("dd", null, [row[1]]));
      });
      this.append(this.botRow([
        el("article", { className: "gzw-receipt", "aria-labelledby": titleId }, [
          el("h3", { id: titleId, text: "✓ " + t.receiptTitle + "：" + (custom.status === "licensed" ? t.receiptLicensed : t.receiptAccepted) }),
          dl,
          el("p", { className: "gzw-note", text: t.receiptKeep }),
          el("div", { className: "gzw-actions" }, [
            verify ? el("a", { className: "gzw-link gzw-verify", href: verify, target: "_blank", rel: "noopener", text: t.receiptVerify }) : null,
            pdf ? el("button", { type: "button", className: "gzw-btn gzw-pdf", "aria-expanded": "false", text: t.receiptPdf, onclick: function (ev) {
              var form = ev.currentTarget.closest(".gzw-receipt").querySelector(".gzw-pdfform");
              form.hidden = !form.hidden;
              ev.currentTarget.setAttribute("aria-expanded", String(!form.hidden));
              if (!form.hidden) form.querySelector("input").focus();
            } }) : null,
            copy,
          ]),
          pdf ? this.pdfForm(no, pdf, apiBase) : null,
        ]),
      ], "gzw-receipt-row"), entry);
      this.retire(this.active);
      this.affirmation = null;
      this.setComposerMode("text");
    },

    not_eligible: function (entry, custom) {
      this.append(this.botRow([this.bubble(entry.t || "")].concat(this.proofList(custom.proofs_required))), entry);
      this.retire(this.active);
      this.setComposerMode("text");
    },

    commitment_withdrawn: function (entry, custom) {
      this.append(this.botRow([this.bubble(entry.t || "")].concat(this.proofList(custom.proofs_required))), entry);
      this.retire(this.active);
      this.setComposerMode("text");
    },

    // R18: the pre-application credit warning before a high-value notification (an addition to the contract).
    credit_warning: function (entry) {
      this.append(this.botRow([this.bubble(entry.t || "", "warn")], "gzw-credit-warning"), entry);
    },

    service_error: function (entry) {
      var self = this;
      var block = { kind: "retry", controls: [] };
      var retry = el("button", { type: "button", className: "gzw-btn gzw-btn--primary gzw-retry", text: this.t.retry, onclick: function () {
        self.choose(block, retry, "重试");
      } });
      block.controls.push(retry);
      this.append(this.botRow([this.bubble(entry.t || "", "error"), el("div", { className: "gzw-options" }, [retry])]), entry);
      this.activate(block);
    },

    // A person writing (api/handoff): marked as a person by role, for the eye and for screen readers, so the
    // citizen never takes a staff member's words for the assistant's, or the other way round.
    staff_message: function (entry) {
      this.append(el("div", { className: "gzw-row gzw-row--staff" }, [
        el("div", { className: "gzw-block" }, [
          el("span", { className: "gzw-who", "aria-hidden": "true", text: this.t.staff }),
          el("div", { className: "gzw-bubble" }, [el("span", { className: "gzw-sr", text: this.t.staff + "：" }), entry.t || ""]),
        ]),
      ]), entry);
    },

    handoff: function (entry) {
      this.append(this.botRow([this.bubble(entry.t || ""), el("div", { className: "gzw-options" }, [
        el("a", { className: "gzw-link", href: "tel:12345", text: this.t.call }),
      ])]), entry);
    },

    commitment_status: function (entry, custom) {
      var label = this.t.statuses[custom.status] || custom.status;
      this.append(this.botRow([this.bubble(entry.t || ""), el("p", { className: "gzw-card-meta" }, [
        el("span", { className: "gzw-badge", text: this.t.statusLabel + label }),
      ])]), entry);
    },

    complaint_received: function (entry, custom) {
      this.append(this.botRow([this.bubble(entry.t || ""), el("p", { className: "gzw-card-meta" }, [
        el("span", { className: "gzw-badge", text: this.t.ticketLabel + (custom.ticket_no || "") }),
      ])]), entry);
    },
  };

  /*
   * The notification's edition as the signed letter prints it ("第2版"), its SHA-256 below as the detail
   * that binds the commitment to the exact text. A receipt without the edition number shows the hash alone.
   */
  Widget.prototype.noticeVersionRow = function (custom) {
    var t = this.t;
    var hash = custom.notice_version ? String(custom.notice_version) : "";
    var edition = Number(custom.notice_version_no);
    if (!hash && !(edition > 0)) return null;
    var detail = hash ? el("span", { className: "gzw-receipt-hash", title: hash, text: fmt(t.receiptHash, { hash: hash.slice(0, 12) }) }) : null;
    if (!(edition > 0)) return [t.receiptVersion, detail];
    return [t.receiptVersion, el("span", { className: "gzw-receipt-edition" }, [
      el("strong", { text: fmt(t.receiptEdition, { n: Math.floor(edition) }) }), detail ? el("br") : null, detail,
    ])];
  };

  /* What the normal procedure needs (R2, R3, R17): a list under the bot's message. */
  Widget.prototype.proofList = function (proofs) {
    if (!Array.isArray(proofs) || !proofs.length) return [];
    return [el("div", { className: "gzw-bubble gzw-proofs" }, [
      el("strong", { text: this.t.proofsLead }),
      el("ul", { className: "gzw-list" }, proofs.map(function (p) { return el("li", { text: String(p) }); })),
    ])];
  };

  /*
   * The signed letter (R10) holds personal data, so the API hands it only to the applicant (P5), signed in
   * in two steps: the ID number (filled in from this conversation when it has it; kept in memory only) gets a
   * login code sent to the ID's real-name phone (POST /api/v1/auth/applicant/code), and the code typed back
   * gives an applicant token (POST /api/v1/auth/applicant) that downloads the PDF. A name and an ID number
   * alone open nothing: both are easily known to others.
   */
  Widget.prototype.pdfForm = function (no, pdfUrl, apiBase) {
    var self = this, t = this.t;
    var idId = nextId("pdfid"), codeId = nextId("pdfcode"), codeHintId = nextId("pdfcodehint");
    var known = this.identity || {};
    var base = apiBase.replace(/\/$/, "");
    var idNumber = el("input", { id: idId, type: "text", autocomplete: "off", spellcheck: "false", value: known.id || "" });
    var code = el("input", {
      id: codeId, type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6",
      "aria-describedby": codeHintId,
    });
    var message = el("p", { className: "gzw-note", role: "status" });
    var sendCode = el("button", { type: "button", className: "gzw-btn", text: t.pdfSendCode, onclick: function () {
      var id = self.sanitizeId(idNumber.value);
      if (!window.GZIdCheck || window.GZIdCheck.checkIdentity(id, "any") !== null) {
        message.textContent = t.pdfNeedId;
        idNumber.focus();
        return;
      }
      sendCode.disabled = true;
      message.textContent = t.pdfSending;
      self.applicantCode(base, id).then(function (text) {
        message.textContent = text;
        code.focus();
      }, function (err) {
        message.textContent = err && err.userMessage ? err.userMessage : t.pdfFailed;
      }).then(function () { sendCode.disabled = false; });
    } });
    var submit = el("button", { type: "submit", className: "gzw-btn gzw-btn--primary", text: t.pdfGet });
    var form = el("form", { className: "gzw-pdfform", hidden: true, "aria-label": t.pdfFormLabel, onsubmit: function (ev) {
      ev.preventDefault();
      var id = self.sanitizeId(idNumber.value);
      var typed = code.value.replace(/\s+/g, "");
      if (!window.GZIdCheck || window.GZIdCheck.checkIdentity(id, "any") !== null) {
        message.textContent = t.pdfNeedId;
        idNumber.focus();
        return;
      }
      if (!/^[0-9]{6}$/.test(typed)) {
        message.textContent = t.pdfNeedCode;
        code.focus();
        return;
      }
      submit.disabled = true;
      message.textContent = t.pdfWorking;
      self.downloadLetter(no, pdfUrl, base, id, typed).then(function () {
        message.textContent = t.pdfDone;
        code.value = "";
      }, function (err) {
        message.textContent = err && err.userMessage ? err.userMessage : t.pdfFailed;
      }).then(function () { submit.disabled = false; });
    } }, [
      el("p", { className: "gzw-note", text: t.pdfWhy }),
      el("div", { className: "gzw-affirm-typed" }, [el("label", { for: idId, text: t.pdfId }), idNumber, sendCode]),
      el("div", { className: "gzw-affirm-typed" }, [
        el("label", { for: codeId, text: t.pdfCode }), code,
        el("span", { className: "gzw-note", id: codeHintId, text: t.pdfCodeHint }),
      ]),
      submit,
      message,
    ]);
    return form;
  };

  function failure(text) { var e = new Error(text); e.userMessage = text; return e; }

  /* Step 1: the API answers the same for every ID (whether or not it has a registered phone); its words are shown. */
  Widget.prototype.applicantCode = function (base, idNumber) {
    var t = this.t;
    return fetch(base + "/api/v1/auth/applicant/code", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id_number: idNumber }),
    }).then(function (response) {
      if (response.status === 404 || response.status === 405) throw failure(t.pdfUnavailable);
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw failure(body && body.message ? String(body.message) : t.pdfFailed);
        return body && body.message ? String(body.message) : t.pdfCodeSent;
      });
    });
  };

  /* Step 2: the code typed back gives the applicant's token, which downloads the letter. */
  Widget.prototype.downloadLetter = function (no, pdfUrl, base, idNumber, code) {
    var t = this.t;
    return fetch(base + "/api/v1/auth/applicant", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id_number: idNumber, code: code }),
    }).then(function (response) {
      if (response.status === 404 || response.status === 405) throw failure(t.pdfUnavailable);
      if (response.status === 429) throw failure(t.pdfTooMany);
      if (!response.ok) throw failure(t.pdfDenied);
      return response.json();
    }).then(function (token) {
      return fetch(pdfUrl, { headers: { Authorization: "Bearer " + token.access_token } });
    }).then(function (response) {
      // 401 with a fresh applicant token: the letter endpoint does not take applicant tokens (yet).
      if (response.status === 401) throw failure(t.pdfUnavailable);
      if (response.status === 403 || response.status === 404) throw failure(t.pdfNotYours);
      if (!response.ok) throw failure(t.pdfFailed);
      return response.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var link = el("a", { href: url, download: no + ".pdf", hidden: true });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 60000);
    });
  };

  // --- the notification document (R6) ---------------------------------------------------------------
  Widget.prototype.newNoticeDocument = function (custom) {
    var t = this.t;
    if (this.notice) this.retire(this.notice);
    var titleId = nextId("notice");
    var doc = {
      kind: "notice", version: custom.notice_version, total: Number(custom.total) || 7, lastIndex: 0,
      read: false, complete: false, acked: false, controls: [],
    };
    doc.end = el("div", { className: "gzw-notice-end", "aria-hidden": "true" });
    doc.body = el("div", { className: "gzw-notice-body" }, [doc.end]);
    doc.foot = el("div", { className: "gzw-notice-foot", hidden: true });
    doc.root = el("article", { className: "gzw-notice", "aria-labelledby": titleId, "data-version": String(custom.notice_version || "") }, [
      el("header", { className: "gzw-notice-head" }, [
        el("h3", { className: "gzw-notice-title", id: titleId, text: t.noticeTitle }),
        el("p", { className: "gzw-notice-sub", text: fmt(t.noticeSub, { total: doc.total }) }),
      ]),
      doc.body,
      doc.foot,
    ]);
    doc.node = this.append(this.botRow([doc.root], "gzw-notice-row"));
    this.notice = doc;
    return doc;
  };

  Widget.prototype.attachNoticeAck = function (entry, custom) {
    var self = this, t = this.t, doc = this.notice;
    entry.node = null;
    doc.foot.hidden = false;
    doc.foot.textContent = "";
    doc.controls = [];
    var options = Array.isArray(custom.options) && custom.options.length ? custom.options : ["yes", "repeat"];
    var hintId = nextId("readhint");
    doc.hint = el("p", { className: "gzw-readhint", id: hintId, "aria-live": "polite" });
    doc.foot.appendChild(el("p", { text: entry.t || "" }));
    doc.foot.appendChild(doc.hint);
    doc.foot.appendChild(this.optionButtons(doc, "notice_ack", options));
    doc.readButton = doc.controls[options.indexOf("yes")] || null;
    if (doc.readButton) doc.readButton.setAttribute("aria-describedby", hintId);
    var first = !doc.complete;
    doc.complete = true;
    // Asked again (after a question or an unclear answer): the document was shown from its top the first
    // time, and the list now sits at its bottom, where there is nothing further to scroll to (checkNoticeRead).
    doc.reasked = !first;
    // "已阅读" stays disabled until the end of the document has been on screen (checkNoticeRead).
    doc.onToggle = function (on) {
      if (doc.readButton) doc.readButton.disabled = !on || !doc.read;
      doc.hint.textContent = doc.read ? t.readDone : t.readHint;
      doc.hint.classList.toggle("gzw-readhint--done", doc.read);
    };
    this.activate(doc);
    // The first time, show the document from its top: it is read from the beginning. Asked again (after a
    // question in between), show the answer at the bottom; the buttons stay at the end of the document.
    this.scheduleReveal(first ? doc : null);
  };

  /*
   * R6: "已阅读" is enabled once the end of the notification has been on screen. ``whole`` (after the
   * widget's own scrolling) asks for the whole document on screen at once: a short one needs no scrolling,
   * while a jump to the bottom past a long one, the first time it is shown, is not reading it. Once the
   * question has been asked again, the document has already been put in front of the reader from its top,
   * and the list is left at its bottom with the end of the document on screen or above it: asking them to
   * "scroll down" there would ask for something they cannot do, so the end reached is enough.
   */
  Widget.prototype.checkNoticeRead = function (whole) {
    var doc = this.notice;
    if (!doc || !doc.complete || doc.read || doc.retired || this.panel.hidden) return;
    var logBox = this.log.getBoundingClientRect();
    var endBox = doc.end.getBoundingClientRect();
    var topBox = doc.root.getBoundingClientRect();
    // The end of the document is on screen or above it: the reader has scrolled down to it (or back up to it).
    var endReached = endBox.top <= logBox.bottom - 1;
    if (logBox.height > 0 && endReached && (!whole || doc.reasked || topBox.top >= logBox.top - 1)) {
      doc.read = true;
      this.setControlsEnabled(doc, this.active === doc);
    }
  };

  // --- scrolling: after a burst of messages, show the right place ----------------------------------
  /*
   * Messages of one turn arrive within milliseconds; the log is scrolled once they stop. A notification
   * or statement taller than the log is shown from its top (it must be read from the beginning; scrolling
   * straight to the bottom would also count as "read to the end"); anything else scrolls to the bottom.
   */
  Widget.prototype.scheduleReveal = function (block, node) {
    var self = this;
    if (block && !this.revealFrom) this.revealFrom = node || (block.node || (block.root && block.root.closest(".gzw-row")));
    clearTimeout(this.revealTimer);
    this.root.setAttribute("data-settling", "1"); // until the log has been scrolled for this burst
    this.revealTimer = setTimeout(function () { self.reveal(); }, this.replaying ? 0 : 80);
  };

  Widget.prototype.reveal = function () {
    var target = this.revealFrom;
    this.revealFrom = null;
    this.root.removeAttribute("data-settling");
    if (this.panel.hidden) return;
    var log = this.log;
    if (target && target.parentNode === log && target.offsetHeight > log.clientHeight * 0.8) {
      log.scrollTop = target.offsetTop - 8; // .gzw-log is position: relative, the rows' offsetParent
    } else {
      log.scrollTop = log.scrollHeight;
    }
    this.autoScrollTop = log.scrollTop;
    this.checkNoticeRead(true);
  };

  // --- composer: free text, or an identity number with its check digit verified ---------------------
  Widget.prototype.setComposerMode = function (mode) {
    var idMode = !!ID_SLOTS[mode];
    this.idKind = idMode ? ID_SLOTS[mode] : null;
    this.composerMode = idMode ? "id" : "text";
    this.idManual = false;
    this.applyComposerMode();
  };

  Widget.prototype.applyComposerMode = function () {
    var t = this.t, idMode = this.composerMode === "id" && !this.idManual;
    this.root.classList.toggle("gzw--idmode", idMode);
    this.idBar.hidden = this.composerMode !== "id";
    this.idToggle.textContent = idMode ? t.idToText : t.idToId;
    this.input.placeholder = idMode ? t.idPlaceholder : t.placeholder;
    this.input.setAttribute("aria-label", idMode ? (this.idKind === "person" ? t.idPerson : t.idAny) : t.input);
    this.input.setAttribute("inputmode", "text");
    this.input.setAttribute("spellcheck", idMode ? "false" : "true");
    this.input.setAttribute("autocapitalize", idMode ? "characters" : "off");
    this.input.value = idMode ? this.formatId(window.GZIdCheck ? window.GZIdCheck.cleanId(this.input.value) : "") : this.input.value;
    this.note.hidden = true;
    this.validateId();
  };

  Widget.prototype.toggleIdMode = function () {
    this.idManual = !this.idManual;
    this.input.value = "";
    this.applyComposerMode();
    this.input.focus();
  };

  /* Significant characters only: digits and the letters a USCC may contain; X for a resident ID. */
  Widget.prototype.sanitizeId = function (value) {
    var ids = window.GZIdCheck;
    var v = ids ? ids.cleanId(value) : String(value).toUpperCase();
    // A person's number has digits and at most a final X; an enterprise's code also has letters.
    v = v.replace(this.idKind === "person" ? /[^0-9X]/g : /[^0-9A-Z]/g, "");
    if (this.idKind === "person") v = v.slice(0, 17).replace(/X/g, "") + v.slice(17);
    return v.slice(0, 18);
  };

  /* 410103 19620808 5671 (region, birth date, sequence and check) or 91 410100 MA44XK7L3 D (USCC parts). */
  Widget.prototype.formatId = function (clean) {
    if (/[A-WYZ]/.test(clean.slice(0, 17)) || (this.idKind !== "person" && /^[0-9A-Z]{2}/.test(clean) && /[A-WYZ]/.test(clean))) {
      return [clean.slice(0, 2), clean.slice(2, 8), clean.slice(8, 17), clean.slice(17)].filter(Boolean).join(" ");
    }
    return [clean.slice(0, 6), clean.slice(6, 14), clean.slice(14)].filter(Boolean).join(" ");
  };

  Widget.prototype.onInput = function (ev) {
    this.note.hidden = true;
    if (this.composerMode !== "id" || this.idManual || (ev && ev.isComposing)) return;
    var input = this.input, raw = input.value;
    var caret = input.selectionStart === null ? raw.length : input.selectionStart;
    var before = this.sanitizeId(raw.slice(0, caret)).length;
    var clean = this.sanitizeId(raw);
    var formatted = this.formatId(clean);
    if (formatted !== raw) {
      input.value = formatted;
      var pos = 0, seen = 0;
      while (pos < formatted.length && seen < before) { if (formatted.charAt(pos) !== " ") seen += 1; pos += 1; }
      try { input.setSelectionRange(pos, pos); } catch (e) { /* not focused */ }
    }
    this.validateId();
  };

  /* The inline check: nothing is sent until the check digit is right (GB 11643 / GB 32100). */
  Widget.prototype.validateId = function () {
    var t = this.t, ids = window.GZIdCheck;
    if (this.composerMode !== "id" || this.idManual || !ids) {
      this.idHint.textContent = "";
      this.idHint.removeAttribute("data-state");
      this.input.removeAttribute("aria-invalid");
      this.sendBtn.disabled = false;
      return null;
    }
    var clean = this.sanitizeId(this.input.value);
    var label = this.idKind === "person" ? t.idPerson : t.idAny;
    var result = ids.checkIdentity(clean, this.idKind);
    var state, text;
    if (result === "incomplete") {
      state = "typing";
      text = fmt(t.idCount, { label: label, n: clean.length });
    } else if (result === null) {
      state = "ok";
      text = t.idOk;
    } else {
      state = "error";
      text = this.idKind === "person" && ids.idType(clean) === "uscc" ? t.idNotPerson : ids.ERROR_MESSAGES[result] || result;
    }
    this.idHint.textContent = text;
    this.idHint.setAttribute("data-state", state);
    if (state === "error") this.input.setAttribute("aria-invalid", "true");
    else this.input.removeAttribute("aria-invalid");
    this.sendBtn.disabled = state !== "ok";
    return state === "ok" ? clean : null;
  };

  Widget.prototype.submitComposer = function () {
    var t = this.t;
    if (this.composerMode === "id" && !this.idManual) {
      var clean = this.validateId();
      if (!clean) { this.showNote(t.idNeedValid); return; }
      this.input.value = "";
      // Kept in memory only (never stored), to fill in the letter download form after the receipt.
      if (this.lastAskSlot === "applicant_id") this.identity = Object.assign({}, this.identity, { id: clean });
      this.send(clean, window.GZIdCheck.maskId(clean));
      this.validateId();
      return;
    }
    var text = this.input.value.trim();
    if (!text) return;
    var doc = this.notice;
    if (doc && doc.complete && !doc.read && this.active === doc && READ_WORDS.test(text)) {
      // Typing "已阅读" is not a way round reading: the same rule as the button (R6).
      this.showNote(t.readFirst);
      this.log.focus();
      return;
    }
    this.input.value = "";
    this.send(text);
  };

  Widget.prototype.showNote = function (text) {
    this.note.textContent = text;
    this.note.hidden = false;
  };

  // --- start-up -------------------------------------------------------------------------------------
  var api = { version: "1", instance: null };
  api.open = function () { if (api.instance) api.instance.open(true); };
  api.close = function () { if (api.instance) api.instance.close(); };
  window.GZWidget = api;

  function start() {
    var config = Object.assign({}, window.GZWidgetConfig || {});
    api.instance = new Widget(config);
  }

  loadCss(BASE + "gz-widget.css");
  Promise.all([
    window.GZIdCheck ? null : loadScript(BASE + "gz-idcheck.js"),
    typeof window.io === "function" ? null : loadScript(BASE + "vendor/socket.io.min.js"),
  ]).catch(function (err) {
    if (window.console) window.console.error("[gz-widget]", err);
  }).then(function () {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  });
})();
