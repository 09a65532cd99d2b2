/* 12345 hotline console (issue 5): the assisted session ("电话办理") and the page shell.
 *
 * The staff member runs the very same journey as the chat for a caller. Every bot message of the
 * conversation contract drives the screen: each `ask` becomes one form field, `item_candidates` a list to pick
 * from, the notification (`notice_section` 1..total) a read-aloud script - large text, one section at a time,
 * a "已宣读" tick per section (stamped by the API, sent with every turn as evidence) - and the
 * `affirmation_request` a field for the caller's spoken words plus the attestation tick. The journey itself
 * refuses an affirmation without every tick and the attestation; this page only makes that easy to do right.
 *
 * Plain JavaScript, no framework, no CDN; text is always set as text, never as HTML.
 */
(function () {
  "use strict";
  var GZ = window.GZConsole;
  if (!GZ.requireRole("staff")) return;
  var el = GZ.el;
  var view = document.getElementById("view");

  var SLOT_LABELS = {
    item: "办理事项", use_commitment: "是否采用告知承诺方式", acting_as: "本人办理还是代办",
    applicant_name: "申请人姓名（企业为全称）", applicant_id: "申请人证件号码", agent_name: "代办人姓名",
    agent_id: "代办人身份证号", authorization_no: "授权委托书编号", authorization_scope: "委托书是否写明特别授权代为承诺",
    phone: "联系手机号", notice_ack: "告知书宣读确认", affirmation: "来电人的承诺原话",
    commitment_no: "承诺编号", withdraw_reason: "撤回理由", complaint_text: "投诉举报内容",
  };
  var OPTION_LABELS = {
    use_commitment: { yes: "是，采用告知承诺", no: "否，按一般程序提交证明" },
    acting_as: { self: "本人办理", proxy: "代他人办理" },
    authorization_scope: { yes: "是，含特别授权", no: "否" },
    notice_ack: { yes: "来电人已听完全部告知内容", repeat: "需要再读一遍" },
    _: { yes: "是", no: "否" },
  };

  /* What the screen shows, rebuilt from the contract messages of each turn. */
  var state = null;
  function freshState(session) {
    return {
      session: session, log: [], step: { kind: "start" }, candidates: null, busy: false,
      notice: { version: null, total: 0, sections: {}, current: 1 },
      ticks: {}, statement: null, words: null, receipt: null,
    };
  }

  // P5: numbers that look like an ID or a phone number are shown masked, also the ones the staff typed.
  function mask(text) {
    return String(text || "")
      .replace(/(\d{4})\d{10}(\d{3}[\dXx])/g, "$1**********$2")
      .replace(/([0-9A-Z]{4})[0-9A-Z]{10}([0-9A-Z]{4})/g, "$1**********$2")
      .replace(/(1[3-9]\d)\d{4}(\d{4})/g, "$1****$2");
  }

  /* "10:04:37": a tick's time to the second, as it is kept in the evidence. */
  function clock(iso) {
    var d = new Date(iso);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map(function (n) { return String(n).padStart(2, "0"); }).join(":");
  }

  function label(slot, value) {
    return ((OPTION_LABELS[slot] || {})[value]) || OPTION_LABELS._[value] || value;
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
    applyTicks(detail.read_aloud);
    // Rebuild the screen from the conversation so far (after a reload).
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
    render();
  }

  async function say(text, attest, shown) {
    if (!state || state.busy || !text) return;
    state.busy = true;
    state.log.push({ who: "staff", text: shown || text, attest: !!attest });
    render();
    try {
      var result = await GZ.api("POST", "/hotline/sessions/" + state.session.session_id + "/messages", { text: text, attest: !!attest });
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

  async function tick(index) {
    var n = state.notice;
    try {
      var result = await GZ.api("POST", "/hotline/sessions/" + state.session.session_id + "/read-aloud", { notice_version: n.version, index: index });
      applyTicks(result);
      if (index < n.total) n.current = index + 1;
    } catch (error) {
      GZ.toast(error.message, "error");
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
    if (!readAloud || !readAloud.ticks) return;
    if (state.notice.version && readAloud.notice_version !== state.notice.version) return;
    readAloud.ticks.forEach(function (t) { state.ticks[t.index] = t.at; });
  }

  // --- the contract messages of one turn -> the screen ------------------------------------------------
  function absorb(messages) {
    var step = null;
    messages.forEach(function (message) {
      var custom = message.custom || {};
      var stage = custom.stage || null;
      if (stage !== "notice_section") state.log.push({ who: "bot", text: message.text, stage: stage, error: custom.error });
      if (stage === "notice_section") {
        var n = state.notice;
        if (n.version !== custom.notice_version) {
          n.version = custom.notice_version; n.sections = {}; n.current = 1; state.ticks = {};
        }
        n.total = custom.total;
        n.sections[custom.index] = { title: custom.title, text: String(message.text || "").replace(/^告知书（\d+\/\d+）[^：]*：/, "") };
        state.log.push({ who: "bot", text: "告知书第" + custom.index + "部分：" + custom.title, stage: stage });
      } else if (stage === "item_candidates") {
        state.candidates = custom.items || [];
      } else if (stage === "affirmation_request") {
        state.statement = custom.statement; state.words = custom.required_words;
        step = { kind: "affirmation" };
      } else if (stage === "ask") {
        step = custom.slot === "affirmation" ? { kind: "affirmation", error: custom.error, text: message.text }
          : { kind: "ask", slot: custom.slot, options: custom.options || null, error: custom.error, text: message.text };
        if (custom.slot !== "item") state.candidates = null;
      } else if (stage === "commitment_receipt") {
        state.receipt = custom; step = { kind: "receipt" };
      } else if (stage === "not_eligible" || stage === "item_not_found") {
        step = { kind: "free", text: message.text };
      }
    });
    if (step) state.step = step;
    else if (messages.length && state.step.kind === "start") state.step = { kind: "free" };
    if (state.step.kind === "ask" && state.step.slot === "notice_ack") {
      // Continue the script at the first section not yet read aloud.
      var n = state.notice;
      for (var i = 1; i <= n.total; i++) { if (!state.ticks[i]) { n.current = i; break; } }
    }
  }

  function allTicked() {
    var n = state.notice;
    if (!n.total) return false;
    for (var i = 1; i <= n.total; i++) if (!state.ticks[i]) return false;
    return true;
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
      el("section.call-main", {}, [stepPanel(), otherWords()]),
      el("aside.call-side", {}, [progressPanel(), logPanel()]),
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
      el("p.hint", { text: "为来电人办理告知承诺：按屏幕提示逐项询问并录入来电人的回答；告知书须逐部分宣读并勾选“已宣读”。" }),
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
        el("thead", {}, [el("tr", {}, ["开始时间", "通话编号", "来电号码", "状态", "承诺编号", ""].map(function (h) { return el("th", { text: h }); }))]),
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

  function submitRow(button) {
    return el("div.toolbar", {}, [button, state.busy ? el("span.hint", { text: "正在处理…" }) : null]);
  }

  function stepPanel() {
    var step = state.step;
    var closed = state.session.status !== "open";
    var panel = el("section.card.step", { dataset: { step: step.kind, slot: step.slot || "", busy: state.busy ? "1" : "0" },
      "aria-label": "当前步骤", "aria-busy": state.busy ? "true" : "false" });
    if (closed) {
      panel.appendChild(el("p", { text: "本次通话已结束。" }));
      return panel;
    }
    if (step.kind === "start" || step.kind === "free") {
      panel.appendChild(el("h2", { text: step.kind === "start" ? "来电人要办理什么？" : "来电人的下一步诉求" }));
      if (step.text) panel.appendChild(el("p.bot-text", { text: step.text }));
      panel.appendChild(textField("need", "请用来电人的话描述要办的事，例如“想帮父亲申请养老保险待遇”", ""));
      return panel;
    }
    if (step.kind === "receipt") {
      var r = state.receipt;
      panel.appendChild(el("h2", { text: "承诺已受理" }));
      panel.appendChild(el("p.receipt", {}, [
        el("strong", { text: "承诺编号：" + r.commitment_no }), " ",
        el("a", { href: r.verify_url, target: "_blank", rel: "noopener", text: "核验存证" }),
      ]));
      panel.appendChild(el("p", { text: "请向来电人读出承诺编号，并告知后续核查结果会短信通知。" }));
      return panel;
    }
    if (step.kind === "affirmation") return affirmationPanel(panel, step);
    if (step.slot === "notice_ack") return scriptPanel(panel, step);
    panel.appendChild(el("h2", { text: SLOT_LABELS[step.slot] || step.slot }));
    panel.appendChild(el("p.bot-text" + (step.error ? ".error" : ""), { text: step.text || "" }));
    if (step.slot === "item" && state.candidates && state.candidates.length) {
      panel.appendChild(el("div.choices", { role: "group", "aria-label": "候选事项" }, state.candidates.map(function (item, i) {
        return el("button.secondary.choice", {
          type: "button", dataset: { value: String(i + 1), code: item.code }, disabled: state.busy,
          text: (i + 1) + ". " + item.name + (item.commitment_allowed ? "" : "（不适用告知承诺）"),
          onclick: function () { say(String(i + 1), false, (i + 1) + ". " + item.name); },
        });
      })));
      panel.appendChild(textField("item", "或换个说法重新描述", ""));
      return panel;
    }
    if (step.options) {
      panel.appendChild(el("div.choices", { role: "group", "aria-label": SLOT_LABELS[step.slot] || step.slot }, step.options.map(function (value) {
        return el("button.secondary.choice", {
          type: "button", dataset: { value: value }, disabled: state.busy, text: label(step.slot, value),
          onclick: function () { say(value, false, label(step.slot, value)); },
        });
      })));
      return panel;
    }
    panel.appendChild(textField(step.slot, "录入来电人的回答", step.slot === "phone" ? "tel" : "text"));
    return panel;
  }

  function textField(name, placeholder, inputmode) {
    var input = el("input.answer", { id: "answer", name: name, autocomplete: "off", placeholder: placeholder, "data-autofocus": true,
      inputmode: inputmode === "tel" ? "tel" : null });
    var form = el("form.answer-form", {}, [
      el("label.sr-only", { for: "answer", text: SLOT_LABELS[name] || "来电人的回答" }), input,
      el("button#send-answer.primary", { type: "submit", disabled: state.busy, text: "提交" }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = input.value.trim();
      if (value) say(value, false);
    });
    return form;
  }

  /* The read-aloud script: one section at a time, large text, a "已宣读" tick per section. */
  function scriptPanel(panel, step) {
    var n = state.notice;
    var section = n.sections[n.current] || { title: "", text: "" };
    var ticked = state.ticks[n.current];
    panel.classList.add("script");
    panel.appendChild(el("h2", { text: "宣读告知书（逐部分宣读，读完一部分勾选一次）" }));
    if (step.error) panel.appendChild(el("p.bot-text.error", { text: step.text || "" }));
    panel.appendChild(el("div.script-section", { dataset: { index: String(n.current) }, "aria-live": "polite" }, [
      el("p.script-count", { text: "第 " + n.current + " 部分，共 " + n.total + " 部分" }),
      el("h3.script-title", { text: section.title }),
      el("p.script-text", { text: section.text }),
    ]));
    panel.appendChild(el("div.toolbar.script-controls", {}, [
      el("button#prev-section.secondary", { type: "button", text: "上一部分", disabled: n.current <= 1,
        onclick: function () { n.current -= 1; render(); } }),
      el("button#tick-section" + (ticked ? ".ticked" : ".primary"), {
        type: "button", "aria-pressed": ticked ? "true" : "false", "data-autofocus": !ticked,
        text: ticked ? "✓ 已宣读（" + clock(ticked) + "）" : "已宣读",
        onclick: function () { tick(n.current); },
      }),
      el("button#next-section.secondary", { type: "button", text: "下一部分", disabled: n.current >= n.total,
        onclick: function () { n.current += 1; render(); } }),
    ]));
    var done = allTicked();
    panel.appendChild(el("p.hint", { text: done ? "全部" + n.total + "部分已宣读。请询问来电人是否听清，再确认。" : "全部部分勾选“已宣读”后才能确认。" }));
    panel.appendChild(el("div.choices", {}, (step.options || ["yes", "repeat"]).map(function (value) {
      return el("button" + (value === "yes" ? ".primary" : ".secondary") + ".choice", {
        type: "button", dataset: { value: value }, disabled: state.busy || (value === "yes" && !done),
        text: label("notice_ack", value), onclick: function () { say(value, false, label("notice_ack", value)); },
      });
    })));
    return panel;
  }

  function affirmationPanel(panel, step) {
    panel.classList.add("affirmation");
    panel.appendChild(el("h2", { text: "请向来电人宣读承诺书，并请其口头作出承诺" }));
    if (state.statement) panel.appendChild(el("blockquote.statement", { text: state.statement }));
    if (state.words) panel.appendChild(el("p", {}, ["来电人须明确说出：", el("strong.required-words", { text: "“" + state.words + "”" })]));
    if (step.error) panel.appendChild(el("p.bot-text.error", { role: "alert", text: step.text || "" }));
    if (!allTicked()) {
      panel.appendChild(el("p.card.warn", {}, ["告知书尚未全部勾选“已宣读”。", el("button.link", { type: "button", text: "返回宣读",
        onclick: function () { state.step = { kind: "ask", slot: "notice_ack", options: ["yes", "repeat"] }; render(); } })]));
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

  /* Anything else the caller says (a question, "算了", "再说一遍第三条") goes to the journey as it is. */
  function otherWords() {
    if (state.session.status !== "open" || state.step.kind === "start" || state.step.kind === "free") return null;
    var input = el("input#other-words", { autocomplete: "off", placeholder: "来电人提问或其他表述，如“承诺了还能撤回吗”“算了”" });
    var form = el("form.answer-form.other", {}, [
      el("label", { for: "other-words", text: "来电人的其他表述" }), input,
      el("button.secondary", { type: "submit", disabled: state.busy, text: "转给助手" }),
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (input.value.trim()) say(input.value.trim(), false);
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
        return el("li" + (at ? ".done" : "") + (index === n.current ? ".current" : ""), { dataset: { index: String(index) } }, [
          el("button.link", { type: "button", text: (n.sections[index] || {}).title || "第" + index + "部分",
            onclick: function () { n.current = index; state.step = { kind: "ask", slot: "notice_ack", options: ["yes", "repeat"] }; render(); } }),
          el("span.tick-time", { text: at ? "✓ " + clock(at) : "未宣读" }),
        ]);
      })),
    ]);
  }

  function logPanel() {
    return el("section.card.log", { "aria-label": "对话记录" }, [
      el("h3", { text: "对话记录" }),
      el("ol.entries", {}, state.log.slice(-40).map(function (entry) {
        return el("li.entry-" + entry.who + (entry.error ? ".entry-error" : ""), {}, [
          el("span.who", { text: entry.who === "staff" ? "录入：" : "助手：" }),
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

  document.getElementById("who").textContent = GZ.session().user || "";
  document.getElementById("logout").addEventListener("click", GZ.signOut);
  window.addEventListener("hashchange", route);
  window.GZHotlineQueue.watchCount(document.getElementById("queue-count"));
  route();
})();
