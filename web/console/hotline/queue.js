/* The handoff queue ("转人工队列", issue 5): conversations from the widget, WeChat and REST waiting for a
 * person, with their waiting time; a staff member takes one over (the bot pauses for that citizen), writes to
 * the citizen on their own channel, and hands it back (the bot continues the journey where it was).
 * Polls the API; no framework, no CDN; text is set as text only.
 */
(function () {
  "use strict";
  var GZ = window.GZConsole;
  var el = GZ.el;
  var timers = [];
  var SLOT_NAMES = {
    item: "选择事项", use_commitment: "是否采用承诺", acting_as: "本人还是代办", applicant_name: "申请人姓名",
    applicant_id: "申请人证件号码", agent_name: "代办人姓名", agent_id: "代办人身份证号", authorization_no: "授权委托书编号",
    authorization_scope: "特别授权确认", phone: "联系手机号", notice_ack: "阅读告知书", affirmation: "作出承诺",
  };

  function every(ms, fn) { timers.push(setInterval(fn, ms)); }
  function stop() { timers.forEach(clearInterval); timers = []; }

  /* "3分05秒": waited_seconds as fetched, plus the time since. */
  function waited(entry, fetchedAt) {
    var seconds = entry.waited_seconds + (entry.status === "waiting" ? Math.floor((Date.now() - fetchedAt) / 1000) : 0);
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return (m ? m + "分" : "") + String(s).padStart(m ? 2 : 1, "0") + "秒";
  }

  function ticking(node, entry, fetchedAt) {
    node.textContent = waited(entry, fetchedAt);
    if (entry.status === "waiting") every(1000, function () { node.textContent = waited(entry, fetchedAt); });
    return node;
  }

  async function renderQueue(view) {
    var box = el("div.queue");
    view.appendChild(box);
    async function refresh() {
      var queue;
      try { queue = await GZ.api("GET", "/handoff/queue"); } catch (error) { return; }
      stop();
      every(3000, refresh);
      var fetchedAt = Date.now();
      GZ.clear(box);
      box.appendChild(el("h1", { text: "转人工队列" }));
      box.appendChild(el("p.hint", { text: "网站和微信的用户会即时收到您的回复；REST 接口的用户在下一次发消息时收到。" }));
      box.appendChild(table("等待接入", queue.waiting, fetchedAt, "waiting-table"));
      box.appendChild(table("正在人工服务", queue.active, fetchedAt, "active-table"));
      if (queue.closed.length) box.appendChild(table("最近已交回", queue.closed, fetchedAt, "closed-table"));
    }
    await refresh();
  }

  function table(title, entries, fetchedAt, id) {
    var me = GZ.session().user;
    var body = entries.length ? el("table#" + id + ".grid", {}, [
      el("thead", {}, [el("tr", {}, ["渠道", "会话", "原因", "等待时间", "接待人", ""].map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", {}, entries.map(function (e) {
        var action = e.status === "waiting" ? "查看并接入" : e.status === "active" && e.taken_by === me ? "继续对话" : "查看";
        return el("tr", { dataset: { id: String(e.id), status: e.status } }, [
          el("td", { text: e.channel_label }), el("td", { text: e.sender }),
          el("td", { text: e.reason_label + (e.asked_times > 1 ? "（" + e.asked_times + "次）" : "") }),
          ticking(el("td.num.waited"), e, fetchedAt),
          el("td", { text: e.taken_by || "—" }),
          el("td", {}, [el("a.open", { href: "#queue/" + e.id, text: action })]),
        ]);
      })),
    ]) : el("p.empty", { text: "暂无。" });
    return el("section.card", { "aria-label": title }, [el("h2", { text: title + "（" + entries.length + "）" }), body]);
  }

  /* One conversation: the header and the transcript refresh every few seconds; the buttons and the reply box
   * are built once per status, so a refresh never replaces what the staff member is typing or clicking. */
  async function renderConversation(view, id) {
    var me = GZ.session().user;
    var header = el("section.card.handoff-header");
    var transcript = el("section.card.transcript", { "aria-label": "对话记录" }, [el("ol.entries")]);
    var actions = el("div.handoff-actions");
    var shownStatus = null;
    view.appendChild(el("div.handoff", {}, [el("p", {}, [el("a", { href: "#queue", text: "← 返回队列" })]), header, transcript, actions]));

    async function act(method, path, body, done) {
      try { var result = await GZ.api(method, path, body); if (done) done(result); }
      catch (error) { GZ.toast(error.message, "error"); }
      await refresh();
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
        var text = el("textarea#staff-text", { rows: 3, placeholder: "回复用户（" + (d.push ? "即时送达" : "用户下次发消息时送达") + "）" });
        var form = el("form.answer-form.vertical.staff-reply", {}, [
          el("label", { for: "staff-text", text: "回复用户" }), text,
          el("div.toolbar", {}, [
            el("button#send-staff.primary", { type: "submit", text: "发送" }),
            el("button#release.secondary", { type: "button", text: "交回机器人继续办理", onclick: function () {
              act("POST", "/handoff/" + id + "/release", null, function () { GZ.toast("已交回机器人。"); });
            } }),
          ]),
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

    async function refresh() {
      var d;
      try { d = await GZ.api("GET", "/handoff/" + encodeURIComponent(id)); }
      catch (error) { GZ.toast(error.message, "error"); return; }
      stop();
      every(2500, refresh);
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
        ? "用户正在办理：" + (d.journey.item_name || d.journey.item || "—") + "；机器人等待的问题：" + (SLOT_NAMES[d.journey.requested_slot] || d.journey.requested_slot || "—") + (d.journey.paused ? "（机器人已暂停）" : "")
        : "用户当前没有进行中的办理。" }));
      var list = el("ol.entries", {}, d.transcript.map(function (e) {
        return el("li.entry-" + e.from, {}, [
          el("span.who", { text: { citizen: "用户", bot: "助手", staff: "人工", system: "系统" }[e.from] + "：" }),
          e.text, e.at ? el("span.at", { text: " " + GZ.time(e.at).slice(11) }) : null,
        ]);
      }));
      transcript.replaceChild(list, transcript.firstChild);
      list.scrollTop = list.scrollHeight;
      var status = d.status + (d.taken_by === me ? ":mine" : "");
      if (status !== shownStatus) { shownStatus = status; buildActions(d); }
    }
    await refresh();
  }

  window.GZHotlineQueue = {
    stop: stop,
    render: function (view, id) {
      GZ.clear(view);
      if (id) renderConversation(view, id); else renderQueue(view);
    },
    /* The number of waiting conversations on the tab, refreshed in the background. */
    watchCount: function (node) {
      async function update() {
        try {
          var queue = await GZ.api("GET", "/handoff/queue");
          node.textContent = queue.waiting.length ? String(queue.waiting.length) : "";
        } catch (error) { /* shown on the queue page itself */ }
      }
      update();
      setInterval(update, 5000);
    },
  };
})();
