/* The handoff queue ("转人工队列"): conversations from the widget, WeChat and other apps waiting
 * for a person. Built for an agent with a long queue: newest first with the waiting time and the citizen's last
 * words (numbers masked by the API), filters by channel and reason, a search by a word of the message, taking
 * over the one that has waited longest, closing several at once. A staff member takes one over (the bot pauses
 * for that citizen), writes to the citizen on their own channel, answers what the citizen asked, and hands it
 * back (the bot continues the journey where it was).
 * Polls the API; no framework, no CDN; text is set as text only.
 */
(function () {
  "use strict";
  var GZ = window.GZConsole;
  var el = GZ.el;
  var timers = [];
  var PAGE = 50;
  var SLOT_NAMES = {
    item: "选择事项", use_commitment: "是否采用承诺", acting_as: "本人还是代办", applicant_name: "申请人姓名",
    applicant_id: "申请人证件号码", representative_name: "法定代表人姓名", agent_name: "代办人姓名",
    agent_id: "代办人身份证号", authorization_no: "授权委托书编号", authorization_scope: "特别授权确认",
    phone: "联系手机号", notice_ack: "阅读告知书", affirmation: "作出承诺",
  };
  var STATUS_NAMES = { waiting: "等待接入", active: "人工服务中", closed: "已结束" };
  var labelsCache = null;
  // What the agent chose on the queue page: kept while they open a conversation and come back.
  var filters = { channel: "", reason: "", q: "", offset: 0 };
  var generation = 0;  // a page left behind (another tab, another conversation) stops polling

  function every(ms, fn) { timers.push(setInterval(fn, ms)); }
  function later(ms, fn) { timers.push(setTimeout(fn, ms)); }
  function stop() { timers.forEach(function (t) { clearInterval(t); clearTimeout(t); }); timers = []; }

  /* "3分05秒", "1小时02分": waited_seconds as fetched, plus the time since for a request still waiting. */
  function waited(entry, fetchedAt) {
    var seconds = entry.waited_seconds + (entry.status === "waiting" ? Math.floor((Date.now() - fetchedAt) / 1000) : 0);
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    if (h) return h + "小时" + String(m).padStart(2, "0") + "分";
    return (m ? m + "分" : "") + String(s).padStart(m ? 2 : 1, "0") + "秒";
  }

  /* One clock for every waiting time on the page, instead of one timer per row. */
  function ticking(node, entry, fetchedAt) {
    node.textContent = waited(entry, fetchedAt);
    node._tick = function () { node.textContent = waited(entry, fetchedAt); };
    return node;
  }
  function startClock(root) {
    every(1000, function () { root.querySelectorAll(".waited").forEach(function (n) { if (n._tick) n._tick(); }); });
  }

  async function labels() {
    if (!labelsCache) labelsCache = await GZ.api("GET", "/handoff/labels");
    return labelsCache;
  }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== "" && params[k] !== null && params[k] !== undefined; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); }).join("&");
  }

  function open(id) { location.hash = "#queue/" + id; }

  // --- the queue ----------------------------------------------------------------------------------------------

  async function renderQueue(view) {
    var mine = generation;
    var known;
    try { known = await labels(); } catch (error) { GZ.toast(error.message, "error"); return; }
    var selected = {};  // ids ticked for closing, kept across refreshes
    var lastSignature = {};
    // The page polls: the view's live region would read every refresh aloud. Only the status line speaks.
    var box = el("div.queue", { "aria-live": "off" });
    var status = el("p#queue-status.queue-status", { role: "status" });
    var channel = select("filter-channel", "全部渠道", known.channels, filters.channel);
    var reason = select("filter-reason", "全部原因", known.reasons, filters.reason);
    var search = el("input#queue-search", { type: "search", value: filters.q, maxlength: 100, autocomplete: "off",
      placeholder: "输入用户消息里的词，如：公租房" });
    var waitingCard = el("section.card", { "aria-labelledby": "waiting-title" });
    var activeCard = el("section.card", { "aria-labelledby": "active-title" });
    var closedCard = el("section.card", { "aria-labelledby": "closed-title" });
    var dismissReason = select("dismiss-reason", null, known.dismiss_reasons, "left");
    var dismissButton = el("button#dismiss-selected.secondary", { type: "button", text: "关闭所选", disabled: true, onclick: dismissSelected });

    box.appendChild(el("h1", { text: "转人工队列" }));
    box.appendChild(el("p.hint", { text: "最新的请求在最上面。网站和微信的用户会即时收到您的回复；其他应用接入的用户在下一次发消息时收到。" }));
    var form = el("form.queue-filters", { role: "search", "aria-label": "筛选和查找" }, [
      el("label", { for: "queue-search", text: "查找" }), search,
      el("label", { for: "filter-channel", text: "渠道" }), channel,
      el("label", { for: "filter-reason", text: "原因" }), reason,
      el("button#claim-oldest.primary", { type: "button", text: "接入等待最久的", onclick: claimOldest }),
    ]);
    form.addEventListener("submit", function (event) { event.preventDefault(); filters.offset = 0; refresh(true); });
    box.appendChild(form);
    box.appendChild(status);
    box.appendChild(waitingCard);
    box.appendChild(activeCard);
    box.appendChild(closedCard);
    view.appendChild(box);

    var debounce = null;
    search.addEventListener("input", function () {
      clearTimeout(debounce);
      debounce = setTimeout(function () { filters.q = search.value.trim(); filters.offset = 0; refresh(true); }, 250);
    });
    [channel, reason].forEach(function (node) {
      node.addEventListener("change", function () {
        filters.channel = channel.value; filters.reason = reason.value; filters.offset = 0; refresh(true);
      });
    });

    function select(id, allLabel, options, value) {
      var items = (allLabel ? [{ value: "", label: allLabel }] : []).concat(options);
      return el("select#" + id, {}, items.map(function (o) {
        return el("option", { value: o.value, text: o.label, selected: o.value === value ? true : null });
      }));
    }

    async function claimOldest() {
      try {
        var taken = await GZ.api("POST", "/handoff/claim", { channel: filters.channel || null, reason: filters.reason || null, q: filters.q || null });
        GZ.toast("已接入，机器人已暂停。");
        open(taken.id);
      } catch (error) { GZ.toast(error.message, "error"); refresh(true); }
    }

    async function take(entry) {
      try {
        await GZ.api("POST", "/handoff/" + entry.id + "/take");
        GZ.toast("已接入，机器人已暂停。");
        open(entry.id);
      } catch (error) { GZ.toast(error.message, "error"); refresh(true); }
    }

    async function dismissSelected() {
      var ids = Object.keys(selected).map(Number);
      if (!ids.length) return;
      var label = dismissReason.options[dismissReason.selectedIndex].text;
      if (!window.confirm("关闭所选的 " + ids.length + " 个请求（" + label + "）？这些用户会收到通知，可以继续和智能助手办理。")) return;
      try {
        var result = await GZ.api("POST", "/handoff/dismiss", { ids: ids, reason: dismissReason.value });
        result.closed.forEach(function (id) { delete selected[id]; });
        result.refused.forEach(function (r) { if (r.error !== "rasa_unavailable") delete selected[r.id]; });
        GZ.toast("已关闭 " + result.closed.length + " 个请求，并已告知用户。" +
          (result.refused.length ? "另有 " + result.refused.length + " 个未关闭：" + result.refused[0].message : ""),
          result.refused.length ? "error" : "ok");
      } catch (error) { GZ.toast(error.message, "error"); }
      refresh(true);
    }

    function updateDismiss() {
      var n = Object.keys(selected).length;
      dismissButton.disabled = !n;
      dismissButton.textContent = n ? "关闭所选（" + n + "）" : "关闭所选";
    }

    async function refresh(announce) {
      var waiting, active, closed;
      var asked = JSON.stringify(filters);
      try {
        var list = query({ status: "waiting", channel: filters.channel, reason: filters.reason, q: filters.q, offset: filters.offset, limit: PAGE });
        var results = await Promise.all([
          GZ.api("GET", "/handoff/requests?" + list),
          GZ.api("GET", "/handoff/requests?status=active&limit=100"),
          GZ.api("GET", "/handoff/requests?status=closed&limit=10"),
        ]);
        waiting = results[0]; active = results[1]; closed = results[2];
      } catch (error) { if (announce) GZ.toast(error.message, "error"); return; }
      if (mine !== generation || asked !== JSON.stringify(filters)) return;  // the agent changed the filters meanwhile: a newer call follows
      stop();
      every(3000, function () { refresh(false); });
      startClock(box);
      var fetchedAt = Date.now();
      var filtered = filters.channel || filters.reason || filters.q;
      var line = filtered ? "找到 " + waiting.total + " 个符合条件的等待请求" : "等待接入 " + waiting.counts.waiting + " 人";
      line += "，人工服务中 " + waiting.counts.active + " 人。";
      if (announce || status.textContent !== line) status.textContent = line;
      draw(waitingCard, "waiting", waiting, fetchedAt);
      draw(activeCard, "active", active, fetchedAt);
      draw(closedCard, "closed", closed, fetchedAt);
    }

    /* Redrawn only when something other than the clock changed, so focus and ticks stay where they are. */
    function draw(card, kind, data, fetchedAt) {
      var signature = JSON.stringify(data.items.map(function (e) { return [e.id, e.status, e.taken_by, e.asked_times, e.preview]; })) +
        data.total + "/" + data.offset + (kind === "waiting" ? JSON.stringify(selected) : "");
      if (lastSignature[kind] === signature) {
        // Same rows: only the waiting times are brought in line with the server's clock.
        var byId = {};
        data.items.forEach(function (e) { byId[e.id] = e; });
        card.querySelectorAll("tr[data-id]").forEach(function (tr) {
          var entry = byId[tr.dataset.id], cell = tr.querySelector(".waited");
          if (entry && cell) ticking(cell, entry, fetchedAt);
        });
        return;
      }
      lastSignature[kind] = signature;
      var focused = document.activeElement && card.contains(document.activeElement) ? document.activeElement.id : null;
      GZ.clear(card);
      var titles = { waiting: "等待接入", active: "正在人工服务", closed: "最近结束" };
      card.appendChild(el("h2#" + kind + "-title", { text: titles[kind] + "（" + data.total + "）" }));
      if (kind === "waiting") card.appendChild(el("div.toolbar.bulk", {}, [
        el("label", { for: "dismiss-reason", text: "关闭原因" }), dismissReason, dismissButton,
      ]));
      if (!data.items.length) {
        card.appendChild(el("p.empty", { text: kind === "waiting" && (filters.q || filters.channel || filters.reason) ? "没有符合条件的请求。" : "暂无。" }));
      } else {
        card.appendChild(table(kind, data.items, fetchedAt));
      }
      if (kind === "waiting" && data.total > data.limit) card.appendChild(pager(data));
      if (kind === "waiting") updateDismiss();
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    }

    function pager(data) {
      var from = data.offset + 1, to = Math.min(data.offset + data.items.length, data.total);
      return el("nav.toolbar.pager", { "aria-label": "翻页" }, [
        el("button#page-prev.secondary", { type: "button", text: "上一页（较新）", disabled: data.offset === 0, onclick: function () {
          filters.offset = Math.max(0, data.offset - data.limit); refresh(true);
        } }),
        el("span", { text: "第 " + from + "–" + to + " 条，共 " + data.total + " 条" }),
        el("button#page-next.secondary", { type: "button", text: "下一页（较早）", disabled: to >= data.total, onclick: function () {
          filters.offset = data.offset + data.limit; refresh(true);
        } }),
      ]);
    }

    function table(kind, entries, fetchedAt) {
      var me = GZ.session().user;
      var head = [["等待时间", "col-waited"], ["渠道", "col-channel"], ["原因", "col-reason"], ["用户最近的消息", "col-preview"],
        ["会话", "col-sender"]].concat(kind === "waiting" ? [["操作", "col-actions"]] : [["接待人", "col-staff"], ["操作", "col-actions"]]);
      var selectAll = null;
      if (kind === "waiting") {
        selectAll = el("input#select-page", { type: "checkbox", "aria-label": "全选本页", checked: entries.every(function (e) { return selected[e.id]; }) });
        selectAll.addEventListener("change", function () {
          entries.forEach(function (e) { if (selectAll.checked) selected[e.id] = true; else delete selected[e.id]; });
          refresh(false);
        });
      }
      var headRow = el("tr", {}, (selectAll ? [el("th.select", { scope: "col" }, [selectAll])] : []).concat(head.map(function (h) {
        return el("th." + h[1], { scope: "col", text: h[0] });
      })));
      return el("table#" + kind + "-table.grid.queue-table", {}, [
        el("thead", {}, [headRow]),
        el("tbody", {}, entries.map(function (e) {
          var preview = e.preview || "（没有记录到消息）";
          var cells = [];
          if (kind === "waiting") {
            var box = el("input.pick", { type: "checkbox", "aria-label": "选择：" + preview.slice(0, 40), checked: !!selected[e.id] });
            box.addEventListener("change", function () {
              if (box.checked) selected[e.id] = true; else delete selected[e.id];
              lastSignature.waiting = null;
              updateDismiss();
            });
            cells.push(el("td.select", {}, [box]));
          }
          cells.push(ticking(el("td.num.waited"), e, fetchedAt));
          cells.push(el("td", { text: e.channel_label }));
          cells.push(el("td", { text: e.reason_label + (e.asked_times > 1 ? "（" + e.asked_times + "次）" : "") }));
          cells.push(el("td.preview", { title: e.preview || "" }, [el("span.preview-text", { text: preview })]));
          cells.push(el("td.sender", { text: e.sender }));
          if (kind === "waiting") {
            cells.push(el("td.actions", {}, [
              el("button.take.primary", { type: "button", text: "接入", "aria-label": "接入：" + preview.slice(0, 40), onclick: function () { take(e); } }),
              " ", el("a.open", { href: "#queue/" + e.id, text: "查看" }),
            ]));
          } else {
            cells.push(el("td", { text: e.taken_by || "—" }));
            cells.push(el("td.actions", {}, [el("a.open", { href: "#queue/" + e.id,
              text: e.status === "active" && e.taken_by === me ? "继续对话" : "查看" })]));
          }
          return el("tr", { dataset: { id: String(e.id), status: e.status } }, cells);
        })),
      ]);
    }

    await refresh(true);
  }

  // --- one conversation ---------------------------------------------------------------------------------------

  /* The header and the transcript refresh every few seconds; the buttons and the reply box are built once per
   * status, so a refresh never replaces what the staff member is typing or clicking. */
  async function renderConversation(view, id) {
    var mine = generation;
    var me = GZ.session().user;
    var header = el("section.card.handoff-header");
    var transcript = el("section.card.transcript", { "aria-label": "对话记录" }, [el("ol.entries")]);
    var waitingReply = el("div.unanswered", { role: "status" });
    var actions = el("div.handoff-actions");
    var shownStatus = null;
    view.appendChild(el("div.handoff", {}, [el("p", {}, [el("a", { href: "#queue", text: "← 返回队列" })]), header, transcript, waitingReply, actions]));

    async function act(method, path, body, done, failed) {
      try { var result = await GZ.api(method, path, body); if (done) done(result); }
      catch (error) { if (!(failed && failed(error))) GZ.toast(error.message, "error"); }
      await refresh();
    }

    function handBack(body) {
      act("POST", "/handoff/" + id + "/release", body || {}, function () { GZ.toast("已交回机器人。"); }, function (error) {
        if (error.error !== "unanswered_question") return false;
        askBeforeHandBack(error.message);
        return true;
      });
    }

    /* The citizen asked the person something nobody answered: answer first, or say no reply is needed. */
    function askBeforeHandBack(message) {
      var box = document.getElementById("release-check");
      if (!box) return;
      GZ.clear(box);
      box.hidden = false;
      box.appendChild(el("p", { text: message }));
      box.appendChild(el("div.toolbar", {}, [
        el("button#answer-first.primary", { type: "button", text: "先回复用户", onclick: function () {
          box.hidden = true; var text = document.getElementById("staff-text"); if (text) text.focus();
        } }),
        el("button#release-anyway.secondary", { type: "button", text: "无需回复，直接交回", onclick: function () {
          box.hidden = true; handBack({ no_reply_needed: true });
        } }),
      ]));
      box.querySelector("#answer-first").focus();
    }

    function buildActions(d) {
      GZ.clear(actions);
      if (d.status === "waiting") {
        // Closing without taking over: the bot was never paused; the citizen is told to go on with it or call 12345.
        var dismiss = function (reason, label) {
          return el("button.secondary", { type: "button", text: label, onclick: function () {
            act("POST", "/handoff/" + id + "/dismiss", { reason: reason }, function () { GZ.toast("已关闭这个请求，并已告知用户。"); });
          } });
        };
        actions.appendChild(el("div.toolbar", {}, [el("button#take.primary", { type: "button", text: "接入对话（机器人暂停）",
          onclick: function () { act("POST", "/handoff/" + id + "/take", null, function () { GZ.toast("已接入，机器人已暂停。"); }); } }),
          dismiss("resolved", "关闭：问题已解决"), dismiss("left", "关闭：用户已离开")]));
      } else if (d.status === "active" && d.taken_by === me) {
        var text = el("textarea#staff-text", { rows: 3, maxlength: 1000, placeholder: "回复用户（" + (d.push ? "即时送达" : "用户下次发消息时送达") + "）" });
        var form = el("form.answer-form.vertical.staff-reply", {}, [
          el("label", { for: "staff-text", text: "回复用户" }), text,
          el("div.toolbar", {}, [
            el("button#send-staff.primary", { type: "submit", text: "发送" }),
            el("button#release.secondary", { type: "button", text: "交回机器人继续办理", onclick: function () { handBack(); } }),
          ]),
          el("div#release-check.card.warn", { role: "alert", hidden: true }),
        ]);
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var value = text.value.trim();
          if (!value) return;
          act("POST", "/handoff/" + id + "/messages", { text: value }, function (sent) {
            text.value = "";
            GZ.toast(sent.delivery === "pushed" ? "已送达。" : "已排队，用户下次发消息时送达。");
          });
        });
        actions.appendChild(form);
        text.focus();
      }
    }

    function showUnanswered(d) {
      var items = d.unanswered || [];
      var signature = JSON.stringify(items);
      if (waitingReply.dataset.signature === signature) return;
      waitingReply.dataset.signature = signature;
      GZ.clear(waitingReply);
      if (!items.length || d.taken_by !== me) { waitingReply.className = "unanswered"; return; }
      waitingReply.className = "unanswered card warn";
      waitingReply.appendChild(el("h2", { text: "用户在等您回复" }));
      waitingReply.appendChild(el("ul", {}, items.map(function (m) {
        return el("li", { text: m.text + (m.question ? "（提问）" : "") });
      })));
      waitingReply.appendChild(el("p.hint", { text: "请先回答用户的提问，再交回机器人。" }));
    }

    async function refresh() {
      var d;
      try { d = await GZ.api("GET", "/handoff/" + encodeURIComponent(id)); }
      catch (error) { if (mine === generation) GZ.toast(error.message, "error"); return; }
      if (mine !== generation) return;
      stop();
      every(2500, refresh);
      startClock(header);
      var fetchedAt = Date.now();
      header.dataset.status = d.status;
      GZ.clear(header);
      header.appendChild(el("h1", { text: "转人工 · " + d.channel_label + " · " + d.sender }));
      header.appendChild(el("p", {}, [
        el("span.badge", { text: d.reason_label }), " ",
        el("span.badge" + (d.status === "active" ? ".badge-ok" : ""), { text: { waiting: "等待接入", active: "人工服务中", closed: "已交回机器人" }[d.status] }),
        " 等待时间：", ticking(el("span.waited"), d, fetchedAt),
        d.taken_by ? " · 接待人：" + d.taken_by : "",
      ]));
      header.appendChild(el("p.hint", { text: d.journey.active_form
        ? "用户正在办理：" + (d.journey.item_name || d.journey.item || "—") + "；机器人等待的问题：" + (SLOT_NAMES[d.journey.requested_slot] || "—") + (d.journey.paused ? "（机器人已暂停）" : "")
        : "用户当前没有进行中的办理。" }));
      var list = el("ol.entries", {}, d.transcript.map(function (e) {
        return el("li.entry-" + e.from, {}, [
          el("span.who", { text: { citizen: "用户", bot: "助手", staff: "人工", system: "系统" }[e.from] + "：" }),
          e.text, e.at ? el("span.at", { text: " " + GZ.time(e.at).slice(11) }) : null,
        ]);
      }));
      transcript.replaceChild(list, transcript.firstChild);
      list.scrollTop = list.scrollHeight;
      showUnanswered(d);
      var status = d.status + (d.taken_by === me ? ":mine" : "");
      if (status !== shownStatus) { shownStatus = status; buildActions(d); }
    }
    await refresh();
  }

  window.GZHotlineQueue = {
    stop: function () { generation += 1; stop(); },
    render: function (view, id) {
      GZ.clear(view);
      if (id) renderConversation(view, id); else renderQueue(view);
    },
    /* The number of waiting conversations on the tab, refreshed in the background. */
    watchCount: function (node) {
      async function update() {
        try {
          var page = await GZ.api("GET", "/handoff/requests?status=waiting&limit=1");
          node.textContent = page.counts.waiting ? String(page.counts.waiting) : "";
        } catch (error) { /* shown on the queue page itself */ }
      }
      update();
      setInterval(update, 5000);
    },
  };
})();
