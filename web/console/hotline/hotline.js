/* 12345 hotline console: the assisted session ("电话办理") and the page shell.
 *
 * The staff member runs the very same journey as the chat for a caller. Every bot message of the
 * conversation contract drives the screen, but the screen speaks to the staff member, not to the caller: each
 * `ask` becomes an instruction ("请询问来电人…") and one form field or a set of buttons, `item_candidates` a list
 * to read out, the notification (`notice_section` 1..total) a read-aloud script - large text, one section at a
 * time, a "已宣读" tick per section (stamped by the API, sent with every turn as evidence) - and the
 * `affirmation_request` the statement to read plus a field for the caller's spoken words and the attestation.
 *
 * What the journey asks and what the screen shows are kept apart: the staff member may go back to the script to
 * tick a section while the journey waits at the affirmation, and the buttons there never answer a question the
 * journey is not asking. The journey refuses "read" without every tick and an affirmation without the
 * attestation; this page only makes that easy to do right: it points to the sections still unticked, shows a
 * number in full while it is being read back to the caller (masked once the step is done), offers the number the
 * caller is calling from for the contact phone, and asks for a confirmation when a section is ticked sooner than
 * it can be read aloud.
 *
 * Plain JavaScript, no framework, no CDN; text is always set as text, never as HTML.
 */
(function () {
  "use strict";
  var GZ = window.GZConsole;
  if (!GZ.requireRole("staff")) return;
  var el = GZ.el;
  var view = document.getElementById("view");
  var IdCheck = window.GZIdCheck || null;

  var SLOT_LABELS = {
    item: "办理事项", use_commitment: "是否采用告知承诺方式", acting_as: "本人办理还是代办",
    applicant_name: "申请人姓名（企业为全称）", applicant_id: "申请人证件号码", representative_name: "法定代表人姓名",
    agent_name: "代办人姓名", agent_id: "代办人身份证号", authorization_no: "授权编号和授权码",
    identity_code: "核验来电人身份",
    authorization_scope: "委托书是否写明特别授权代为承诺", phone: "联系手机号", notice_ack: "告知书宣读确认",
    affirmation: "来电人的承诺原话", commitment_no: "承诺编号", withdraw_reason: "撤回理由", complaint_text: "投诉举报内容",
    complaint_commitment_no: "投诉涉及的承诺编号", complaint_phone: "投诉回复手机号",
  };
  // What the staff member does at each question (never the bot's words to a citizen typing in a chat).
  var AGENT_ASK = {
    item: "请向来电人逐一读出候选事项，按来电人的选择点击；都不是的话，按来电人的新说法重新描述。",
    use_commitment: "请告诉来电人：这个事项可以用告知承诺代替证明材料，也可以按一般程序提交证明。请询问来电人选择哪一种，按回答点击。",
    acting_as: "请询问来电人：是为自己（或本企业）办理，还是代他人办理？按回答点击。",
    applicant_name: "请询问申请人的姓名；企业申请请问营业执照上的企业全称。来电人连同证件号一起说出时，可一并录入。",
    applicant_id: "请询问申请人的18位身份证号（企业为统一社会信用代码）。录入后请逐位向来电人复述核对，再提交。",
    representative_name: "请询问企业法定代表人的姓名（承诺书以法定代表人名义作出）。来电人不是法定代表人时，须凭企业的特别授权按代办办理。",
    agent_name: "请询问代办人（来电人本人）的姓名。来电人连同身份证号一起说出时，可一并录入。",
    agent_id: "请询问代办人（来电人本人）的18位身份证号。录入后请逐位向来电人复述核对，再提交。",
    authorization_no: "请询问委托人给代办人的授权编号（SQ开头）和8位授权码；来电人持纸质授权委托书的，在下方“查验并登记”后继续。",
    identity_code: "请核验来电人的身份：回拨该证件号码登记的实名手机由本人接听，或视频核对本人与身份证。核验后选择方式、录入证件号码并提交。",
    authorization_scope: "请来电人对照授权委托书原文回答：是否写明“特别授权代为作出告知承诺”？按回答点击；来电人不确定时，请其先查看委托书。",
    phone: "请与来电人确认接收办理和核查短信的手机号。",
    commitment_no: "请询问来电人的承诺编号（以CN开头，在承诺回执短信里）。",
    withdraw_reason: "请询问来电人撤回承诺的理由，照实录入。",
    complaint_text: "请请来电人说明投诉或举报的内容：涉及哪个事项、哪家单位或哪个人、发生了什么，照实录入。",
    complaint_commitment_no: "请询问投诉是否涉及某一份承诺；有的话录入承诺编号，没有请录入“没有”。",
    complaint_phone: "请询问来电人是否需要回复处理结果；需要的话录入手机号，匿名请录入“匿名”。",
  };
  var ID_ERRORS = {
    invalid_id_format: "身份证号位数或格式不对（应为18位，最后一位可以是X）",
    invalid_id_checksum: "身份证号最后一位校验码不对",
    invalid_date: "身份证号第7到14位的出生日期无效",
    invalid_id_region: "身份证号前两位的省份代码不对",
    invalid_uscc_format: "统一社会信用代码格式不对（18位，不含I、O、S、V、Z）",
    invalid_uscc_checksum: "统一社会信用代码最后一位校验码不对",
    invalid_phone: "手机号应为11位、以1开头",
  };
  // Why the journey refused an answer, and what the staff member does about it.
  var AGENT_ERROR = {
    not_a_choice: "没有识别出来电人的选择。请再问一次，按回答点击按钮。",
    invalid_name: "没有识别出姓名。请只录入姓名（企业录入全称），例如“张伟”。",
    uscc_required: "经营许可事项须录入企业的统一社会信用代码，不能用个人身份证号。请向来电人询问营业执照上的代码。",
    representative_is_enterprise: "这里要录入法定代表人本人的姓名（一位自然人），不是企业名称。",
    agent_is_applicant: "代办人与申请人的证件号相同。来电人为自己办理时，请在“来电人的其他表述”录入“算了”结束本次办理，再重新开始并选择“本人办理”。",
    invalid_authorization_no: "没有识别出委托书编号。编号一般由字母和数字组成，请向来电人核对。",
    special_authorization_required: "代为承诺须有申请人的特别授权，普通的“代为办理”授权不够。请告诉来电人：请申请人补签特别授权，或由申请人本人办理；来电人决定不办了，请在“来电人的其他表述”录入“算了”。",
    bare_yes: "来电人只答了“是”或“好”，没有说明委托书写了什么。请请来电人对照委托书原文确认是否写明“特别授权代为作出告知承诺”。",
    attestation_required: "请先勾选下方的如实记录确认（只在来电人确已亲口明确承诺时勾选），再提交来电人的原话。",
    call_unidentified: "本次通话没有通话编号或来电号码，无法留存电话承诺的证据。请结束本次通话，填写通话编号后重新开始。",
    implicit: "来电人表示同意，但还没有亲口说出承诺。请请来电人完整说出承诺用语，再照实录入。",
    negated: "来电人表示不作承诺。请告诉来电人：不承诺也能办，按一般程序提交证明材料即可；结束办理请在“来电人的其他表述”录入“算了”。",
    question: "来电人还有疑问。请先解答（可把问题录入“来电人的其他表述”转给助手），再请来电人作出承诺。",
    unclear: "没有识别为来电人明确作出的承诺。请请来电人完整说出承诺用语，再照实录入。",
    unknown_notice_version: "告知书已更新，请按屏幕上的新版本重新宣读。",
  };
  var NOTICE_NOT_HEARD = "来电人的回答没有表明已听清全部告知内容。请询问哪部分没听清并重读；来电人确认听清后，再点击“来电人已听完全部告知内容”。";
  var OPTION_LABELS = {
    use_commitment: { yes: "采用告知承诺", no: "按一般程序提交证明" },
    acting_as: { self: "本人（本企业）办理", proxy: "代他人办理" },
    authorization_scope: { yes: "写明了特别授权", no: "没有写明" },
    notice_ack: { yes: "来电人已听完全部告知内容", repeat: "需要再读一遍" },
    _: { yes: "是", no: "否" },
  };
  var ID_SLOTS = { applicant_id: "any", agent_id: "person" };
  var PHONE_SLOTS = { phone: true, complaint_phone: true };
  // A statement that the notification was read or heard (not a question, not negated): on the phone it needs
  // every section ticked first; the journey refuses it anyway, the console says why before asking.
  var READ_STATEMENT = /已阅读|已读|阅读完|读完|听完|听清|听明白|看完|看明白|都清楚|明白了/;

  /* What the screen shows, rebuilt from the contract messages of each turn. */
  var state = null;
  function freshState(session) {
    return {
      session: session, log: [], step: { kind: "start" }, candidates: null, busy: false,
      notice: { version: null, total: 0, sections: {}, current: 1 },
      ticks: {}, fast: {}, statement: null, words: null, receipt: null,
      script: false,  // the staff member looks at the script while the journey waits elsewhere
      drafts: {},  // what was typed at the current step, kept (in full) until the step is done
      relay: [],  // the assistant's explanations of this turn, to pass on to the caller
      fastPrompt: null,  // a tick sooner than the section can be read, waiting for the staff member's word
      blocked: null,  // the console held back a "read" while sections are unticked
    };
  }

  // P5: numbers that look like an ID or a phone number are shown masked in the record of the call.
  function mask(text) {
    return String(text || "")
      .replace(/(\d{4})\d{10}(\d{3}[\dXx])/g, "$1**********$2")
      .replace(/([0-9A-Z]{4})[0-9A-Z]{10}([0-9A-Z]{4})/g, "$1**********$2")
      .replace(/(1[3-9]\d)\d{4}(\d{4})/g, "$1****$2");
  }

  /* A number as it is read back to the caller: a resident ID 6-8-4, a credit code 2-6-9-1, a phone 3-4-4. */
  function grouped(value, kind) {
    var v = String(value || "").replace(/[\s-]/g, "").toUpperCase();
    var sizes = kind === "phone" ? [3, 4, 4] : /^\d{17}[\dX]$/.test(v) || /^\d+$/.test(v) ? [6, 8, 4] : [2, 6, 9, 1];
    var parts = [], at = 0;
    sizes.forEach(function (n) { if (at < v.length) { parts.push(v.slice(at, at + n)); at += n; } });
    if (at < v.length) parts.push(v.slice(at));
    return parts.join(" ");
  }

  /* "10:04:37": a tick's time to the second, as it is kept in the evidence. */
  function clock(iso) {
    var d = new Date(iso);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map(function (n) { return String(n).padStart(2, "0"); }).join(":");
  }

  function label(slot, value) {
    return ((OPTION_LABELS[slot] || {})[value]) || OPTION_LABELS._[value] || value;
  }

  /* The least time a section takes to read aloud, as the API counts it (characters at the speaking rate). */
  function readingSeconds(section) {
    var chars = String((section.title || "") + (section.text || "")).replace(/\s/g, "").length;
    var rate = state.session.read_chars_per_minute || 300;
    return Math.max(1, Math.ceil(chars * 60 / rate));
  }

  function missingSections() {
    var n = state.notice, missing = [];
    for (var i = 1; i <= n.total; i++) if (!state.ticks[i]) missing.push(i);
    return missing;
  }

  function allTicked() {
    return state.notice.total > 0 && missingSections().length === 0;
  }

  function errorText(slot, error) {
    if (!error) return "";
    if (error === "read_aloud_incomplete") return ticksText();
    if (ID_ERRORS[error]) return ID_ERRORS[error] + "。请把已录入的号码逐位读给来电人核对，改正后再提交。";
    if (slot === "notice_ack") return NOTICE_NOT_HEARD;
    var text = AGENT_ERROR[error];
    if (text) return text;
    if (slot === "affirmation") return AGENT_ERROR.unclear;
    return "没有识别出来电人的回答。请再问一次，照来电人的原话录入。";
  }

  function ticksText() {
    var missing = missingSections();
    if (!missing.length) return "告知书须逐部分宣读：请确认每一部分都已向来电人读完。";
    return "告知书还有第" + missing.join("、") + "部分没有勾选“已宣读”。电话办理须逐部分向来电人宣读全文，每读完一部分勾选一次，全部勾选后才能确认来电人已听完。";
  }

  // --- talking to the API --------------------------------------------------------------------------
  async function startSession(callId, phone) {
    var body = { call_id: callId || null, caller_phone: phone || null };
    var session = await GZ.api("POST", "/hotline/sessions", body);
    state = freshState(session);
    location.hash = "#call/" + session.session_id;
  }

  async function openSession(sid) {
    var detail = await GZ.api("GET", "/hotline/sessions/" + encodeURIComponent(sid));
    state = freshState(detail);
    // Rebuild the screen from the conversation so far (after a reload), then the ticks of its notification.
    var turn = [];
    (detail.transcript || []).forEach(function (entry) {
      if (entry.from === "citizen") {
        if (turn.length) { absorb(turn); turn = []; }
        state.log.push({ who: "staff", text: entry.text });
      } else if (entry.from === "bot") {
        turn.push({ text: entry.text, custom: entry.custom });
      }
    });
    if (turn.length) absorb(turn);
    applyTicks(detail.read_aloud);
    if (state.step.slot === "notice_ack") state.notice.current = missingSections()[0] || state.notice.current;
    render();
  }

  /* One turn: what the caller said (``text``), or ``options.callerPhone`` for the number they call from. */
  async function say(text, attest, shown, options) {
    options = options || {};
    if (!state || state.busy || (!text && !options.callerPhone)) return;
    state.busy = true;
    state.blocked = null;
    if (state.step.slot && text && !options.choice) state.drafts[state.step.slot] = text;
    state.log.push({ who: "staff", text: shown || text, attest: !!attest });
    render();
    try {
      var body = options.callerPhone ? { use_caller_phone: true } : { text: text, attest: !!attest };
      var result = await GZ.api("POST", "/hotline/sessions/" + state.session.session_id + "/messages", body);
      applyTicks(result.read_aloud);
      absorb(result.messages);
      if (result.commitment_no) state.session.commitment_no = result.commitment_no;
    } catch (error) {
      GZ.toast(error.message, "error");
    } finally {
      state.busy = false;
      render();
    }
  }

  async function tick(index, confirmFast) {
    var n = state.notice;
    state.fastPrompt = null;
    try {
      var body = { notice_version: n.version, index: index };
      if (confirmFast) body.confirm_fast = true;
      var result = await GZ.api("POST", "/hotline/sessions/" + state.session.session_id + "/read-aloud", body);
      applyTicks(result);
      state.blocked = null;
      var missing = missingSections();
      // On to the next section not yet read (the script's order), or stay when all are done.
      var next = missing.filter(function (i) { return i > index; })[0] || missing[0];
      if (next) n.current = next;
    } catch (error) {
      if (error.error === "read_aloud_too_fast") state.fastPrompt = { index: index, message: error.message };
      else GZ.toast(error.message, "error");
    }
    render();
  }

  async function endSession() {
    if (!state) return;
    state.session = await GZ.api("POST", "/hotline/sessions/" + state.session.session_id + "/end");
    render();
  }

  function applyTicks(readAloud) {
    state.ticks = {};
    state.fast = {};
    if (!readAloud || !readAloud.ticks) return;
    if (state.notice.version && readAloud.notice_version !== state.notice.version) return;
    readAloud.ticks.forEach(function (t) { state.ticks[t.index] = t.at; if (t.fast) state.fast[t.index] = true; });
  }

  // --- the contract messages of one turn -> the screen ------------------------------------------------
  function absorb(messages) {
    var step = null;
    var relay = [];
    messages.forEach(function (message) {
      var custom = message.custom || {};
      var stage = custom.stage || null;
      if (stage === "notice_section") {
        var n = state.notice;
        if (n.version !== custom.notice_version) {
          n.version = custom.notice_version; n.sections = {}; n.current = 1; state.ticks = {}; state.fast = {};
        }
        n.total = custom.total;
        n.sections[custom.index] = { title: custom.title, text: String(message.text || "").replace(/^告知书（\d+\/\d+）[^：]*：/, "") };
        state.log.push({ who: "bot", text: "告知书第" + custom.index + "部分：" + custom.title, stage: stage });
        return;
      }
      if (stage === "ask") {
        state.log.push({ who: "bot", text: "询问：" + (SLOT_LABELS[custom.slot] || custom.slot) + (custom.error ? "（上一回答未通过）" : ""), stage: stage, error: custom.error });
      } else if (stage !== "affirmation_request" && stage !== "affirmation_rejected" && stage !== "item_candidates") {
        state.log.push({ who: "bot", text: message.text, stage: stage });
      }
      if (stage === "item_candidates") {
        state.candidates = custom.items || [];
        state.log.push({ who: "bot", text: "找到" + state.candidates.length + "个候选事项", stage: stage });
      } else if (stage === "affirmation_request") {
        state.statement = custom.statement; state.words = custom.required_words;
        state.log.push({ who: "bot", text: "请来电人作出承诺", stage: stage });
        step = { kind: "affirmation" };
      } else if (stage === "affirmation_rejected") {
        state.words = custom.required_words || state.words;
        state.log.push({ who: "bot", text: "承诺未被接受", stage: stage, error: custom.reason });
      } else if (stage === "ask") {
        step = custom.slot === "affirmation" ? { kind: "affirmation", slot: "affirmation", error: custom.error }
          : { kind: "ask", slot: custom.slot, options: custom.options || null, error: custom.error, license: /经营许可/.test(message.text || "") };
        if (custom.slot !== "item") state.candidates = null;
      } else if (stage === "commitment_receipt") {
        state.receipt = custom; step = { kind: "receipt" };
      } else if (stage === "not_eligible" || stage === "item_not_found") {
        step = { kind: "free" };
        if (message.text) relay.push(message.text);
      } else if (message.text) {
        relay.push(message.text);  // a policy answer, the item's details, a warning: for the caller's ears
      }
    });
    state.relay = relay;
    if (step) {
      if (step.slot !== state.step.slot || step.kind !== state.step.kind) state.drafts = {};  // the step is done
      state.step = step;
      state.script = false;
      state.fastPrompt = null;
    } else if (messages.length && state.step.kind === "start") {
      state.step = { kind: "free" };
    }
    if (state.step.slot === "notice_ack") {
      // Continue the script at the first section not yet read aloud.
      var first = missingSections()[0];
      if (first) state.notice.current = first;
    }
  }

  // --- rendering ---------------------------------------------------------------------------------------
  function render() {
    GZ.clear(view);
    if (!state) { view.appendChild(startPanel()); return; }
    var s = state.session;
    var header = el("section.card.call-header", { "aria-label": "来电信息" }, [
      el("span", { text: "通话编号：" + (s.call_id || "—") }),
      el("span", { text: "来电号码：" + (s.caller_phone_masked || "—") }),
      el("span.badge" + (s.status === "open" ? ".badge-ok" : ""), { text: s.status === "open" ? "通话中" : "已结束" }),
      s.commitment_no ? el("span.badge.badge-ok", { text: "承诺编号 " + s.commitment_no }) : null,
      s.status === "open" ? el("button#end-call.secondary", { type: "button", text: "结束本次通话", onclick: endSession }) : null,
      el("button.link", { type: "button", text: "新来电", onclick: function () { state = null; location.hash = "#call"; render(); } }),
    ]);
    var layout = el("div.call-layout", {}, [
      el("section.call-main", { "aria-label": "办理" }, [stepPanel(), otherWords()]),
      el("aside.call-side", { "aria-label": "进度和记录" }, [progressPanel(), logPanel()]),
    ]);
    view.appendChild(header);
    view.appendChild(layout);
    var entries = view.querySelector(".log .entries");
    if (entries) entries.scrollTop = entries.scrollHeight;  // the latest exchange in view
    var focus = view.querySelector("[data-autofocus]");
    if (focus) focus.focus();
  }

  function startPanel() {
    var callId = el("input#call-id", { name: "call_id", autocomplete: "off", placeholder: "如 CALL-20261127-0001" });
    var phone = el("input#caller-phone", { name: "caller_phone", inputmode: "tel", autocomplete: "off", placeholder: "可不填" });
    var message = el("p.form-message", { role: "alert" });
    var form = el("form.card.start-call", { "aria-label": "开始电话办理" }, [
      el("h1", { text: "开始电话办理" }),
      el("p.hint", { text: "为来电人办理告知承诺：按屏幕提示逐项询问并录入来电人的回答；告知书须逐部分宣读并勾选“已宣读”。来电号码是手机号的，后面可直接用作联系手机号。" }),
      el("label", { for: "call-id", text: "通话编号" }), callId,
      el("label", { for: "caller-phone", text: "来电号码（可选）" }), phone,
      el("div.toolbar", {}, [el("button#start-call.primary", { type: "submit", text: "开始办理" })]),
      message,
    ]);
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      try { await startSession(callId.value.trim(), phone.value.trim()); }
      catch (error) { message.textContent = error.message; }
    });
    var recent = el("section.card", { "aria-label": "我最近的电话办理" }, [el("h2", { text: "我最近的电话办理" }), el("p.empty", { text: "加载中…" })]);
    GZ.api("GET", "/hotline/sessions").then(function (sessions) {
      var list = sessions.length ? el("table.grid", {}, [
        el("thead", {}, [el("tr", {}, ["开始时间", "通话编号", "来电号码", "状态", "承诺编号", "操作"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, sessions.map(function (s) {
          return el("tr", {}, [
            el("td", { text: GZ.time(s.created_at) }), el("td", { text: s.call_id || "—" }),
            el("td", { text: s.caller_phone_masked || "—" }), el("td", { text: s.status === "open" ? "通话中" : "已结束" }),
            el("td", { text: s.commitment_no || "—" }),
            el("td", {}, [el("a", { href: "#call/" + s.session_id, text: "打开" })]),
          ]);
        })),
      ]) : el("p.empty", { text: "还没有记录。" });
      recent.replaceChild(list, recent.lastChild);
    }).catch(function () { /* the list is a convenience */ });
    return el("div", {}, [form, recent]);
  }

  function instruction(text) {
    return el("p.instruction", { text: text });
  }

  function errorNote(slot, error) {
    return error ? el("p.agent-error", { role: "alert", text: errorText(slot, error) }) : null;
  }

  /* The assistant's explanations of this turn (a policy answer, the item's details): to pass on in one's words. */
  function relayBox() {
    if (!state.relay.length) return null;
    return el("div.relay", { "aria-label": "可向来电人转述的说明" }, [
      el("p.relay-title", { text: "可向来电人转述：" }),
    ].concat(state.relay.map(function (text) { return el("p.relay-text", { text: mask(text) }); })));
  }

  function stepPanel() {
    var step = state.step;
    var closed = state.session.status !== "open";
    var panel = el("section.card.step", { dataset: { step: step.kind, slot: step.slot || "", busy: state.busy ? "1" : "0", view: state.script ? "script" : "" },
      "aria-label": "当前步骤", "aria-busy": state.busy ? "true" : "false" });
    if (closed) {
      panel.appendChild(el("p", { text: "本次通话已结束。" }));
      return panel;
    }
    if (state.script || step.slot === "notice_ack") return scriptPanel(panel, step);
    panel.appendChild(relayBox() || document.createTextNode(""));
    if (step.kind === "start" || step.kind === "free") {
      panel.appendChild(el("h2", { text: "请问来电人要办理什么事项" }));
      if (step.kind === "free") panel.appendChild(instruction("上一件事已结束（见右侧记录）。如来电人还要办理其他事项，请按来电人的说法录入。"));
      panel.appendChild(textField("need", "用来电人的话描述要办的事，例如“想帮父亲申请养老保险待遇”"));
      return panel;
    }
    if (step.kind === "receipt") {
      var r = state.receipt;
      panel.appendChild(el("h2", { text: "承诺已受理" }));
      panel.appendChild(el("p.receipt", {}, [
        el("strong", { text: "承诺编号：" + r.commitment_no }), " ",
        el("a", { href: r.verify_url, target: "_blank", rel: "noopener", text: "核验存证" }),
      ]));
      panel.appendChild(instruction("请向来电人读出承诺编号，并告知后续核查结果会短信通知。"));
      return panel;
    }
    if (step.kind === "affirmation") return affirmationPanel(panel, step);
    panel.appendChild(el("h2", { text: SLOT_LABELS[step.slot] || "来电人的回答" }));
    panel.appendChild(instruction(step.slot === "applicant_id" && step.license
      ? "这是企业经营许可事项：请询问申请企业营业执照上的18位统一社会信用代码。录入后请逐位向来电人复述核对，再提交。"
      : AGENT_ASK[step.slot] || "请询问来电人，照实录入回答。"));
    panel.appendChild(errorNote(step.slot, step.error) || document.createTextNode(""));
    if (step.slot === "item" && state.candidates && state.candidates.length) {
      panel.appendChild(el("div.choices", { role: "group", "aria-label": "候选事项" }, state.candidates.map(function (item, i) {
        return el("button.secondary.choice", {
          type: "button", dataset: { value: String(i + 1), code: item.code }, disabled: state.busy,
          text: (i + 1) + ". " + item.name + (item.commitment_allowed ? "" : "（不适用告知承诺）"),
          onclick: function () { state.itemCode = item.code; say(String(i + 1), false, (i + 1) + ". " + item.name, { choice: true }); },
        });
      })));
      panel.appendChild(textField("item", "或按来电人的新说法重新描述"));
      return panel;
    }
    if (step.options) {
      panel.appendChild(el("div.choices", { role: "group", "aria-label": SLOT_LABELS[step.slot] || "选项" }, step.options.map(function (value) {
        return el("button.secondary.choice", {
          type: "button", dataset: { value: value }, disabled: state.busy, text: label(step.slot, value),
          onclick: function () { say(value, false, label(step.slot, value), { choice: true }); },
        });
      })));
      return panel;
    }
    if (step.slot === "identity_code") {
      panel.appendChild(identityForm());
      return panel;
    }
    if (step.slot === "authorization_no") panel.appendChild(paperForm());
    if (step.slot === "phone" && state.session.caller_mobile) {
      panel.appendChild(el("div.caller-phone", {}, [
        el("p", { text: "请向来电人确认：办理和核查短信发到来电号码 " + state.session.caller_phone_masked + " 可以吗？" }),
        el("button#use-caller-phone.primary.choice", { type: "button", disabled: state.busy, "data-autofocus": !step.error,
          text: "来电人同意，使用来电号码 " + state.session.caller_phone_masked,
          onclick: function () { say(null, false, "使用来电号码 " + state.session.caller_phone_masked, { callerPhone: true }); } }),
        el("p.hint", { text: "来电人要用其他号码时，在下面录入：" }),
      ]));
    }
    panel.appendChild(textField(step.slot, "录入来电人的回答"));
    return panel;
  }

  /* The staff member attests the caller's identity for this call (api: /hotline/sessions/{id}/identity); the
     journey then goes on. The record names the staff member and how they checked: they answer for it. */
  function identityForm() {
    var how = el("select#attest-how", { name: "how", "aria-label": "核验方式" }, [
      el("option", { value: "callback_registered_phone", text: "回拨登记的实名手机，本人接听确认" }),
      el("option", { value: "video_id_document", text: "视频通话核对本人与居民身份证" }),
    ]);
    var id = el("input#attest-id", { name: "id_number", autocomplete: "off", inputmode: "text", maxlength: "40",
      "aria-label": "被核验人的证件号码", placeholder: "被核验人的证件号码（本人办理为申请人，代办为代办人）" });
    var form = el("form.attest", {}, [
      el("label", { for: "attest-how", text: "核验方式" }), how,
      el("label", { for: "attest-id", text: "证件号码" }), id,
      el("button.primary", { type: "submit", disabled: state.busy, text: "已核验身份，提交" }),
    ]);
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      try {
        await GZ.api("POST", "/hotline/sessions/" + state.session.session_id + "/identity",
          { id_number: id.value.trim(), how: how.value });
      } catch (error) {
        GZ.toast((error && error.message) || "身份核验没有提交成功，请重试。", "error");
        return;
      }
      // "继续", not "已核验": a word about checking reads to the model as a question about 核查.
      say("继续", false, "已核验来电人身份（" + how.options[how.selectedIndex].text + "）");
    });
    return form;
  }

  /* A paper letter of special authorisation (特别授权委托书) the caller holds: the staff member inspects the
     original, records its number, date, scope and a scan (only the scan's SHA-256 is kept), and gets the
     platform's number and code for it, which then answer the journey's question like an electronic grant. */
  function paperForm() {
    function field(name, label, attrs) {
      var input = el("input#paper-" + name, Object.assign({ name: name, autocomplete: "off" }, attrs || {}));
      return [el("label", { for: "paper-" + name, text: label }), input];
    }
    var rows = [].concat(
      field("principal_name", "委托人姓名（名称）"), field("principal_id", "委托人证件号码", { maxlength: "40" }),
      field("agent_name", "受托人（代办人）姓名"), field("agent_id", "受托人身份证号", { maxlength: "18" }),
      field("item_codes", "授权事项编码（多个用逗号分隔）", { value: state.itemCode || "" }),
      field("document_no", "委托书编号"), field("document_date", "签署日期", { type: "date" }),
      field("valid_until", "授权截止日期", { type: "date" }),
      field("scan", "委托书扫描件（PDF、JPG或PNG，5MB以内）", { type: "file", accept: "application/pdf,image/jpeg,image/png" }));
    var inspected = el("input#paper-inspected", { type: "checkbox", name: "inspected" });
    var result = el("div.paper-result", { role: "status", "aria-live": "polite" });
    var form = el("form.paper", {}, rows.concat([
      el("label", { for: "paper-inspected" }, [inspected, " 我已查验委托书原件，写明“代为作出告知承诺”的特别授权"]),
      el("button.secondary", { type: "submit", text: "登记纸质授权" }), result,
    ]));
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (!inspected.checked) { GZ.toast("请先查验委托书原件并勾选确认。", "error"); return; }
      var data = new FormData(form);
      data.set("inspected", "true");
      try {
        var granted = await GZ.api("POST", "/authorisations/paper", data);
        result.replaceChildren(
          el("p", { text: "已登记：授权编号 " + granted.number + "，授权码 " + granted.code }),
          el("button.primary", { type: "button", text: "用这份授权继续办理",
            onclick: function () { say(granted.number + " 授权码" + granted.code, false, "纸质授权 " + granted.number); } }));
      } catch (error) {
        GZ.toast((error && error.message) || "登记没有成功，请检查后重试。", "error");
      }
    });
    return el("details.paper-authorisation", {}, [el("summary", { text: "来电人持纸质授权委托书：查验并登记" }), form]);
  }

  /* A number being read back: large, grouped, checked as it is typed; in full only while this step is open. */
  function readback(slot, value) {
    var v = String(value || "").replace(/\s/g, "");
    var box = el("div.readback", { "aria-live": "polite" });
    if (!v) return box;
    var kind = PHONE_SLOTS[slot] ? "phone" : "id";
    var found = v;
    if (!ID_SLOTS[slot] && !PHONE_SLOTS[slot]) {
      // A name given with the number beside it ("赵强 410103…"): the number is read back all the same.
      var match = String(value).match(/[0-9０-９]{17}[0-9Xx０-９Ｘｘ]|[0-9A-Z]{18}/);
      if (!match) return box;
      found = match[0];
    }
    var status = "";
    var ok = false;
    if (kind === "id" && IdCheck) {
      var problem = IdCheck.checkIdentity(found, ID_SLOTS[slot] === "person" ? "person" : "any");
      ok = problem === null;
      status = problem === "incomplete" ? "已录入" + IdCheck.cleanId(found).length + "位，应为18位" : ok ? "校验通过" : (ID_ERRORS[problem] || "号码有误");
    } else if (kind === "phone") {
      var digits = found.replace(/\D/g, "");
      ok = /^1[3-9]\d{9}$/.test(digits);
      status = ok ? "11位手机号" : "已录入" + digits.length + "位，应为以1开头的11位";
      found = digits;
    }
    box.appendChild(el("span.readback-label", { text: "请逐位复述核对：" }));
    box.appendChild(el("span.readback-number", { text: grouped(found, kind) }));
    if (status) box.appendChild(el("span.readback-status" + (ok ? ".ok" : ".warn"), { text: status }));
    return box;
  }

  function textField(name, placeholder) {
    var draft = state.drafts[name] || "";
    var numeric = ID_SLOTS[name] || PHONE_SLOTS[name];
    var input = el("input.answer", { id: "answer", name: name, autocomplete: "off", placeholder: placeholder, "data-autofocus": true,
      inputmode: PHONE_SLOTS[name] ? "tel" : null, value: state.step.error ? draft : "", spellcheck: "false" });
    var back = readback(name, input.value);
    input.addEventListener("input", function () {
      var fresh = readback(name, input.value);
      back.replaceWith(fresh);
      back = fresh;
    });
    var form = el("form.answer-form", {}, [
      el("label.sr-only", { for: "answer", text: SLOT_LABELS[name] || "来电人的回答" }), input,
      el("button#send-answer.primary", { type: "submit", disabled: state.busy, text: "提交" }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = input.value.trim();
      if (value) say(value, false);
    });
    return el("div.answer-block" + (numeric ? ".numeric" : ""), {}, [form, back]);
  }

  /* The read-aloud script: one section at a time, large text, a "已宣读" tick per section. Its buttons answer the
   * notification question only while the journey asks it; otherwise they lead back to the journey's step. */
  function scriptPanel(panel, step) {
    var n = state.notice;
    var section = n.sections[n.current] || { title: "", text: "" };
    var ticked = state.ticks[n.current];
    var asking = step.slot === "notice_ack";
    var done = allTicked();
    panel.classList.add("script");
    panel.appendChild(el("h2", { text: "宣读告知书" }));
    panel.appendChild(relayBox() || document.createTextNode(""));
    panel.appendChild(instruction(done
      ? "全部" + n.total + "部分已宣读。" + (asking ? "请询问来电人是否已听清全部内容；来电人确认后点击“来电人已听完全部告知内容”。" : "")
      : "请向来电人宣读第" + n.current + "部分（共" + n.total + "部分），读完后点击“已宣读”。按正常语速约需" + readingSeconds(section) + "秒。"));
    var problem = state.blocked || (asking && step.error ? step.error : null);
    if (problem === "read_aloud_incomplete" && done) problem = null;  // the sections it pointed to are ticked now
    if (problem) {
      var missing = missingSections();
      panel.appendChild(el("div.agent-error", { role: "alert" }, [
        el("p", { text: errorText("notice_ack", problem) }),
        problem === "read_aloud_incomplete" && missing.length ? el("div.toolbar", {}, missing.map(function (i) {
          return el("button.secondary.goto-section", { type: "button", dataset: { index: String(i) }, text: "转到第" + i + "部分",
            onclick: function () { n.current = i; render(); } });
        })) : null,
      ]));
    }
    panel.appendChild(el("div.script-section", { dataset: { index: String(n.current) } }, [
      el("p.script-count", { text: "第 " + n.current + " 部分，共 " + n.total + " 部分" }),
      el("h3.script-title", { text: section.title }),
      el("p.script-text", { text: section.text }),
    ]));
    if (state.fastPrompt && state.fastPrompt.index === n.current) {
      panel.appendChild(el("div.fast-confirm", { role: "alertdialog", "aria-labelledby": "fast-confirm-text" }, [
        el("p#fast-confirm-text", { text: state.fastPrompt.message }),
        el("div.toolbar", {}, [
          el("button#confirm-fast.primary", { type: "button", "data-autofocus": true, text: "已完整宣读第" + n.current + "部分，确认勾选",
            onclick: function () { tick(n.current, true); } }),
          el("button#cancel-fast.secondary", { type: "button", text: "还没读完，继续宣读",
            onclick: function () { state.fastPrompt = null; render(); } }),
        ]),
      ]));
    }
    panel.appendChild(el("div.toolbar.script-controls", {}, [
      el("button#prev-section.secondary", { type: "button", text: "上一部分", disabled: n.current <= 1,
        onclick: function () { n.current -= 1; state.fastPrompt = null; render(); } }),
      el("button#tick-section" + (ticked ? ".ticked" : ".primary"), {
        type: "button", "aria-pressed": ticked ? "true" : "false", "data-autofocus": !ticked && !state.fastPrompt,
        disabled: !!state.fastPrompt,
        text: ticked ? "✓ 已宣读（" + clock(ticked) + "）" + (state.fast[n.current] ? "，已确认" : "") : "已宣读",
        onclick: function () { tick(n.current, false); },
      }),
      el("button#next-section.secondary", { type: "button", text: "下一部分", disabled: n.current >= n.total,
        onclick: function () { n.current += 1; state.fastPrompt = null; render(); } }),
    ]));
    if (asking) {
      if (!done) panel.appendChild(el("p.hint", { text: "全部部分勾选“已宣读”后才能确认来电人已听完。" }));
      panel.appendChild(el("div.choices", {}, (step.options || ["yes", "repeat"]).map(function (value) {
        return el("button" + (value === "yes" ? ".primary" : ".secondary") + ".choice", {
          type: "button", dataset: { value: value }, disabled: state.busy || (value === "yes" && !done),
          "data-autofocus": value === "yes" && done && !state.fastPrompt,
          text: label("notice_ack", value), onclick: function () { say(value, false, label("notice_ack", value), { choice: true }); },
        });
      })));
    } else {
      panel.appendChild(el("div.choices", {}, [
        el("button#back-to-step.primary", { type: "button", "data-autofocus": done && !state.fastPrompt,
          text: "返回当前步骤：" + (step.kind === "affirmation" ? "来电人作出承诺" : SLOT_LABELS[step.slot] || "办理"),
          onclick: function () { state.script = false; state.fastPrompt = null; render(); } }),
      ]));
    }
    return panel;
  }

  function affirmationPanel(panel, step) {
    panel.classList.add("affirmation");
    panel.appendChild(el("h2", { text: "来电人作出承诺" }));
    panel.appendChild(relayBox() || document.createTextNode(""));
    panel.appendChild(instruction("请向来电人宣读下面的承诺书，然后请来电人亲口说出承诺用语。照实录入来电人的原话；只有来电人确已明确承诺时，才勾选如实记录确认。"));
    if (state.statement) panel.appendChild(el("blockquote.statement", { text: state.statement }));
    if (state.words) panel.appendChild(el("p", {}, ["来电人须明确说出：", el("strong.required-words", { text: "“" + state.words + "”" })]));
    if (step.error) {
      var note = el("div.agent-error", { role: "alert" }, [el("p", { text: errorText("affirmation", step.error) })]);
      if (step.error === "read_aloud_incomplete") {
        note.appendChild(el("button.secondary", { type: "button", text: "返回宣读",
          onclick: function () { state.script = true; state.notice.current = missingSections()[0] || 1; render(); } }));
      }
      panel.appendChild(note);
    } else if (!allTicked()) {
      panel.appendChild(el("div.agent-error", { role: "alert" }, [el("p", { text: ticksText() }),
        el("button.secondary", { type: "button", text: "返回宣读",
          onclick: function () { state.script = true; state.notice.current = missingSections()[0] || 1; render(); } })]));
    }
    var words = el("textarea#affirmation-words", { rows: 2, name: "affirmation", "data-autofocus": true, placeholder: "照实录入来电人的原话" });
    var attest = el("input#attestation", { type: "checkbox", name: "attestation" });
    var form = el("form.answer-form.vertical", {}, [
      el("label", { for: "affirmation-words", text: "来电人的原话" }), words,
      el("label.attest", { for: "attestation" }, [attest, " " + state.session.attestation]),
      el("button#send-affirmation.primary", { type: "submit", disabled: state.busy, text: "提交承诺" }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = words.value.trim();
      if (!value) return;
      say(value, attest.checked);
    });
    panel.appendChild(form);
    return panel;
  }

  /* Anything else the caller says (a question, "算了", "再说一遍第三条") goes to the journey as it is; a "read"
   * while sections are unticked is held back here and the unticked sections are shown. */
  function otherWords() {
    if (state.session.status !== "open" || state.step.kind === "start" || state.step.kind === "free") return null;
    var input = el("input#other-words", { autocomplete: "off", placeholder: "来电人提问或其他表述，如“承诺了还能撤回吗”“算了”" });
    var form = el("form.answer-form.other", {}, [
      el("label", { for: "other-words", text: "来电人的其他表述" }), input,
      el("button#send-other.secondary", { type: "submit", disabled: state.busy, text: "转给助手" }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      var readClaim = READ_STATEMENT.test(text) && !/[不没未别]|[?？吗]/.test(text);
      if (state.step.slot === "notice_ack" && readClaim && !allTicked()) {
        state.blocked = "read_aloud_incomplete";
        state.notice.current = missingSections()[0] || state.notice.current;
        render();
        return;
      }
      say(text, false, null, { choice: true });
    });
    return el("section.card", { "aria-label": "其他表述" }, [form]);
  }

  function progressPanel() {
    var n = state.notice;
    if (!n.total) return null;
    return el("section.card.progress", { "aria-label": "宣读进度" }, [
      el("h3", { text: "宣读进度" }),
      el("ol.ticks", {}, Array.apply(null, Array(n.total)).map(function (_, i) {
        var index = i + 1, at = state.ticks[index];
        var shown = state.script || state.step.slot === "notice_ack";
        return el("li" + (at ? ".done" : "") + (shown && index === n.current ? ".current" : ""), { dataset: { index: String(index) } }, [
          el("button.link", { type: "button", text: (n.sections[index] || {}).title || "第" + index + "部分",
            onclick: function () { n.current = index; state.fastPrompt = null; if (state.step.slot !== "notice_ack") state.script = true; render(); } }),
          el("span.tick-time", { text: at ? "✓ " + clock(at) + (state.fast[index] ? "（快读已确认）" : "") : "未宣读" }),
        ]);
      })),
    ]);
  }

  function logPanel() {
    return el("section.card.log", { "aria-label": "通话记录" }, [
      el("h3", { text: "通话记录" }),
      el("ol.entries", { tabindex: "0", "aria-label": "通话记录条目" }, state.log.slice(-40).map(function (entry) {
        return el("li.entry-" + entry.who + (entry.error ? ".entry-error" : ""), {}, [
          el("span.who", { text: entry.who === "staff" ? "录入：" : "系统：" }),
          mask(entry.text) + (entry.attest ? "（已勾选如实记录确认）" : ""),
        ]);
      })),
    ]);
  }

  // --- shell: tabs and routing -----------------------------------------------------------------------------
  async function route() {
    var hash = location.hash.replace(/^#/, "") || "call";
    var parts = hash.split("/");
    document.querySelectorAll(".tabs a").forEach(function (a) { a.classList.toggle("current", a.dataset.view === parts[0]); });
    window.GZHotlineQueue.stop();
    if (parts[0] === "queue") { window.GZHotlineQueue.render(view, parts[1]); return; }
    if (parts[1] && (!state || state.session.session_id !== parts[1])) {
      try { await openSession(parts[1]); } catch (error) { GZ.toast(error.message, "error"); state = null; render(); }
      return;
    }
    if (!parts[1]) state = null;
    render();
  }

  window.addEventListener("hashchange", route);
  window.GZHotlineQueue.watchCount(document.getElementById("queue-count"));
  route();
})();
