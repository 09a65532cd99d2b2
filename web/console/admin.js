/* The admin console: inbox, training data, training and evaluation, catalogue. */
(function () {
  "use strict";
  var GZ = window.GZConsole, el = GZ.el, api = GZ.api;
  if (!GZ.requireRole("admin")) return;
  var main = document.getElementById("view");
  var streamAbort = null;


  function fail(error) {
    GZ.toast(error && error.message ? error.message : String(error), "error");
  }

  /* Each view renders into its own container: a view still loading when the admin moves on fills a
     container that is no longer on the page, instead of mixing into the new one. */
  function section(title, hint) {
    if (streamAbort) { streamAbort.abort(); streamAbort = null; }
    var view = el("div.page");
    view.appendChild(el("h1", { text: title }));
    if (hint) view.appendChild(el("p.hint", { text: hint }));
    GZ.clear(main).appendChild(view);
    return view;
  }

  function busy(button, promise) {
    button.disabled = true;
    return promise.finally(function () { button.disabled = false; });
  }

  function option(value, label, selected) {
    return el("option", { value: value, text: label, selected: selected ? "selected" : null });
  }

  /* Chinese names of intents, reasons and catalogue fields (api/admin/labels.py), loaded once. Identifiers
     and file names are for developers: they stay behind a 详情 toggle. */
  var LABELS = null;
  async function labels() {
    if (!LABELS) LABELS = await api("GET", "/admin/labels");
    return LABELS;
  }
  function intentName(id) {
    var entry = LABELS && LABELS.intents[id];
    return entry ? entry.name : "其他意图";
  }
  function intentDescription(id) {
    var entry = LABELS && LABELS.intents[id];
    return entry ? entry.description : "";
  }
  function details(summary, children) {
    return el("details.tech", {}, [el("summary", { text: summary || "详情" })].concat(children));
  }

  // --- inbox -------------------------------------------------------------------------------------------------

  async function showInbox() {
    var view = section("收件箱：机器人没听懂的话",
      "市民说过、机器人没有把握或没找到事项的话。身份证号、手机号已遮蔽；回答姓名、证件号等个人信息的消息不列出。选一个意图后点“加入意图”，让机器人学会这种说法；或选一个事项后点“加为别名”，让这种说法能找到该事项。");
    await labels();
    var data = await api("GET", "/admin/inbox");
    if (!data.entries.length) {
      view.appendChild(el("p.empty", { text: "收件箱是空的。" }));
      return;
    }
    var table = el("table.grid.inbox", {}, [el("thead", {}, [el("tr", {}, [
      el("th", { text: "消息" }), el("th", { text: "原因" }), el("th", { text: "模型猜测" }), el("th", { text: "次数" }),
      el("th", { text: "最近" }), el("th", { text: "处理" })])])]);
    var body = el("tbody");
    data.entries.forEach(function (entry) { body.appendChild(inboxRow(entry, data)); });
    table.appendChild(body);
    view.appendChild(table);
  }

  function inboxRow(entry, data) {
    var text = el("input.inbox-text", { value: entry.text.slice(0, 300), "aria-label": "写入的文本（可修改）", maxlength: "300" });
    // Never pre-set to the model's guess: an unsure guess chosen by default would be trained in unread.
    // The guess is shown beside the list as a hint; the admin chooses.
    var sure = entry.intent && entry.confidence !== null && entry.confidence >= data.threshold;
    var intent = el("select.inbox-intent", { "aria-label": "意图" }, [option("", "选择意图…")].concat(
      data.intents.map(function (name) { return option(name, intentName(name)); })));
    var item = el("select.inbox-item", { "aria-label": "事项" }, [option("", "选择事项…")].concat(
      data.items.map(function (it) { return option(it.code, it.name); })));
    var row = el("tr.inbox-row", { dataset: { key: entry.key } });
    async function assign(body, button) {
      body.text = text.value;
      try {
        var result = await busy(button, api("POST", "/admin/inbox/" + entry.key + "/assign", body));
        var itemName = (data.items.find(function (it) { return it.code === body.item_code; }) || {}).name || "";
        GZ.toast(body.intent ? "已加入意图“" + intentName(body.intent) + "”" : "已加为“" + itemName + "”的别名（第 " + result.version + " 版）");
        row.remove();
      } catch (error) {
        if (error.error === "conflicting_example" && body.intent && confirm(error.message + "\n\n确定把它移到“" + intentName(body.intent) + "”吗？")) {
          body.move = true;
          return assign(body, button);
        }
        fail(error);
      }
    }
    var toIntent = el("button.inbox-add-intent", { type: "button", text: "加入意图", onclick: function () {
      if (!intent.value) return fail("请先选择意图。");
      assign({ intent: intent.value }, toIntent);
    } });
    var toItem = el("button.inbox-add-alias", { type: "button", text: "加为别名", onclick: function () {
      if (!item.value) return fail("请先选择事项。");
      assign({ item_code: item.value }, toItem);
    } });
    var dismiss = el("button.link", { type: "button", text: "忽略", onclick: async function () {
      try { await api("POST", "/admin/inbox/" + entry.key + "/dismiss"); row.remove(); } catch (error) { fail(error); }
    } });
    var guess = entry.intent ? intentName(entry.intent) + "（把握 " + Math.round((entry.confidence || 0) * 100) + "%）" : "—";
    var ranking = (entry.ranking || []).map(function (r) { return intentName(r.intent) + " " + Math.round(r.confidence * 100) + "%"; }).join("，");
    var message = el("div.msg", { text: entry.text });
    var long = entry.text.length > 140;
    if (long) message.classList.add("clamped");
    row.append(
      el("td.msg-cell", {}, [message,
        long ? el("button.link.more", { type: "button", text: "展开全文（" + entry.text.length + " 字）", "aria-expanded": "false", onclick: function () {
          var open = message.classList.toggle("clamped") === false;
          this.textContent = open ? "收起" : "展开全文（" + entry.text.length + " 字）";
          this.setAttribute("aria-expanded", open ? "true" : "false");
        } }) : null,
        entry.context ? el("div.context", { text: "随后：" + entry.context }) : null, text]),
      el("td", {}, (entry.reasons || []).map(function (r) { return el("span.badge", { text: (LABELS.reasons || {})[r] || "其他" }); })),
      el("td", { title: ranking }, [el("span.guess", { text: entry.intent ? "模型猜测：" + guess : "—" }),
        entry.intent ? el("div.hint.small", { text: sure ? "仅供参考，请自己选择" : "没有把握，请自己选择" }) : null]),
      el("td.num", { text: entry.count }),
      el("td", { text: GZ.time(entry.last_seen) }),
      el("td.actions", {}, [el("div", {}, [intent, toIntent]), el("div", {}, [item, toItem]), dismiss])
    );
    return row;
  }

  // --- training data -----------------------------------------------------------------------------------------

  var WARNING_LABEL = { duplicate: "重复", conflict: "冲突", held_out: "测试集泄漏", thin: "例句不足" };

  async function showNlu(selected) {
    var view = section("训练数据", "机器人靠这些例句学会听懂市民的说法。这里的修改直接保存，下次训练时生效。新增意图需要同时修改对话流程，请联系开发人员。");
    await labels();
    var data = await api("GET", "/admin/nlu");
    var validate = el("button#nlu-validate", { type: "button", text: "校验数据" });
    var report = el("div#validate-report", { role: "status" });
    validate.addEventListener("click", async function () {
      GZ.clear(report).appendChild(el("p", { text: "正在校验，可能需要一两分钟……" }));
      try {
        var result = await busy(validate, api("POST", "/admin/nlu/validate"));
        GZ.clear(report).append(el("p.validate-summary" + (result.ok ? ".ok" : ".bad"), { text: result.summary }),
          details("详情（给开发人员）", [el("pre.log", { text: result.output })]));
        GZ.toast(result.ok ? "训练数据校验通过" : "训练数据校验未通过", result.ok ? "ok" : "error");
      } catch (error) { GZ.clear(report); fail(error); }
    });
    view.appendChild(el("div.toolbar", {}, [validate]));
    view.appendChild(report);
    if (data.warnings.length) {
      view.appendChild(el("h2", { text: "警告（" + data.warnings.length + "）" }));
      view.appendChild(el("ul.warnings", {}, data.warnings.map(function (w) {
        return el("li", {}, [el("span.badge.badge-warn", { text: WARNING_LABEL[w.type] || w.type }), " ", w.message]);
      })));
    }
    var list = el("nav.side");
    var editor = el("section.editor");
    function entry(kind, block) {
      var label = kind === "intent" ? intentName(block.name) : block.name;
      var link = el("a", { href: "#nlu/" + kind + "/" + encodeURIComponent(block.name), text: label + "（" + block.count + " 句）",
        title: kind === "intent" ? intentDescription(block.name) : null });
      return el("li", {}, [link]);
    }
    list.append(el("h3", { text: "意图" }), el("ul", {}, data.intents.map(function (b) { return entry("intent", b); })));
    list.append(el("h3", { text: "同义词" }), el("ul", {}, data.synonyms.map(function (b) { return entry("synonym", b); })));
    // Lookup tables generated from the catalogue are edited there (names and aliases), not here.
    list.append(el("h3", { text: "查找表" }), el("ul", {}, data.lookups.map(function (b) { return entry("lookup", b); })));
    var newKind = el("select", { "aria-label": "新建类型" }, [option("synonym", "同义词"), option("lookup", "查找表")]);
    var newName = el("input", { placeholder: "名称", "aria-label": "名称" });
    var newValues = el("textarea", { rows: "3", placeholder: "取值，每行一个", "aria-label": "取值" });
    list.append(el("h3", { text: "新建" }), newKind, newName, newValues, el("button", { type: "button", text: "新建", onclick: async function () {
      try {
        await api("POST", "/admin/nlu/" + newKind.value, { name: newName.value.trim(), examples: lines(newValues.value) });
        location.hash = "#nlu/" + newKind.value + "/" + encodeURIComponent(newName.value.trim());
      } catch (error) { fail(error); }
    } }));
    view.appendChild(el("div.split", {}, [list, editor]));
    if (selected) await showBlock(editor, selected.kind, selected.name);
    else editor.appendChild(el("p.empty", { text: "从左侧选择一个意图、同义词或查找表。" }));
  }

  function lines(text) {
    return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  async function showBlock(editor, kind, name) {
    var block = await api("GET", "/admin/nlu/" + kind + "/" + encodeURIComponent(name));
    var area = el("textarea.examples", { rows: "22", "aria-label": "例句，每行一句", readonly: block.generated ? "readonly" : null });
    area.value = block.examples.join("\n");
    var title = kind === "intent" ? "意图：" + intentName(name) : ({ synonym: "同义词：", lookup: "查找表：" })[kind] + name;
    editor.append(el("h2", { text: title }),
      kind === "intent" ? el("p.intent-description", { text: intentDescription(name) }) : null,
      el("p.hint", { text: "共 " + block.examples.length + " 条。" + (block.generated ? "这份内容由事项清单自动生成，只读：请在“事项清单”中修改事项名称和别名。" : "") }),
      details("详情", [el("p", { text: "标识：" + name }), el("p", { text: "文件：data/nlu/" + block.file })]));
    if (block.warnings.length) editor.appendChild(el("ul.warnings", {}, block.warnings.map(function (w) {
      return el("li", {}, [el("span.badge.badge-warn", { text: WARNING_LABEL[w.type] || w.type }), " ", w.message]);
    })));
    editor.appendChild(area);
    if (block.generated) return;
    var save = el("button", { type: "button", text: "保存", onclick: async function () {
      try {
        var result = await busy(save, api("PUT", "/admin/nlu/" + kind + "/" + encodeURIComponent(name), { examples: lines(area.value), base_hash: block.base_hash }));
        GZ.toast("已保存 " + result.examples.length + " 条" + (result.dropped_duplicates ? "（去掉重复 " + result.dropped_duplicates + " 条）" : ""));
        showNlu({ kind: kind, name: name });
      } catch (error) { fail(error); }
    } });
    var controls = [save];
    if (kind === "intent") {
      var one = el("input", { placeholder: "新例句", "aria-label": "新例句", maxlength: "300" });
      controls.push(one, el("button", { type: "button", text: "添加", onclick: async function () {
        try {
          await api("POST", "/admin/nlu/intent/" + encodeURIComponent(name) + "/examples", { text: one.value });
          GZ.toast("已添加");
          showNlu({ kind: kind, name: name });
        } catch (error) { fail(error); }
      } }));
    } else {
      controls.push(el("button.danger", { type: "button", text: "删除", onclick: async function () {
        if (!confirm("删除 " + name + "？")) return;
        try { await api("DELETE", "/admin/nlu/" + kind + "/" + encodeURIComponent(name)); location.hash = "#nlu"; } catch (error) { fail(error); }
      } }));
    }
    editor.appendChild(el("div.toolbar", {}, controls));
  }

  // --- training, evaluation, activation ---------------------------------------------------------------------

  var PHASES = { queued: "排队中", prepare: "准备", build: "生成词典与查找表", validate: "校验训练数据", train: "训练模型",
                 evaluate: "留出集评估", evaluate_active: "评估当前模型", done: "完成" };
  var STATUS = { queued: "排队中", running: "进行中", succeeded: "成功", failed: "失败", cancelled: "已取消" };
  var EVAL = { pending: "待评估", evaluating: "评估中", evaluated: "已评估", failed: "评估失败" };

  async function showModels() {
    var view = section("训练与评估", "训练在后台进行（同一时间只有一个任务，可取消）；每个新模型都用从不参与训练的测试句评估。启用前会列出将要发生的变化，并可先“试一试”；综合得分比当前模型低 0.02 以上时需填写理由才能强制启用。");
    await labels();
    var data = await api("GET", "/admin/models");
    var jobs = await api("GET", "/admin/jobs");
    var current = data.models.find(function (m) { return m.active; });
    var urls = Object.keys(data.replicas);
    var reachable = urls.filter(function (url) { return data.replicas[url].ok; }).length;
    var replicas = urls.map(function (url) {
      var r = data.replicas[url];
      return el("li", { text: url + "：" + (r.ok ? (r.model_file || "").split("/").pop() : "无法连接（" + r.error + "）") });
    });
    view.appendChild(el("section.card", {}, [
      el("h2", { text: "当前模型" }),
      current ? el("p", {}, [el("strong", { text: current.name }), "　综合得分（宏平均F1）" + GZ.pct(current.macro_f1) + "　事项发现前三命中率 " + GZ.pct(current.discovery && current.discovery.top3)]) : el("p", { text: "尚未登记。" }),
      el("p", { text: "正在服务的机器人实例：" + urls.length + " 个，其中 " + reachable + " 个连接正常。" }),
      details("详情", [el("ul", {}, replicas)]),
    ]));
    var plan = data.next_training === "finetune"
      ? "先按事项清单重新生成词典，然后在当前模型上微调（" + data.next_training_reason + "约几分钟）。"
      : "先按事项清单重新生成词典，然后从头完整训练（" + (data.next_training_reason || "") + "时间较长）。";
    var trainCard = el("section.card.train", {}, [
      el("h2", { text: "训练新模型" }),
      el("p#train-plan", { text: "这次训练将：" + plan + (data.train_profile === "short" ? "（当前为测试用的短训练配置。）" : "") }),
    ]);
    var startButton = el("button#train-start", { type: "button", text: "开始训练", disabled: data.job_running || (jobs.current ? true : null) });
    if (data.job_running || jobs.current) startButton.title = "已有任务在进行，结束后才能开始新的训练";
    var jobBox = el("div.job");
    trainCard.append(el("div.toolbar", {}, [startButton]), jobBox);
    view.appendChild(trainCard);
    startButton.addEventListener("click", async function () {
      startButton.disabled = true;  // stays disabled while the job runs; the list is redrawn when it ends
      try {
        var job = await api("POST", "/admin/jobs", { kind: "train" });
        followJob(job, jobBox);
      } catch (error) { startButton.disabled = false; fail(error); }
    });
    if (jobs.current) followJob(jobs.current, jobBox);
    else if (jobs.jobs.length) renderJob(jobs.jobs[0], jobBox, "");

    var table = el("table.grid.models", {}, [el("thead", {}, [el("tr", {}, ["模型", "来源", "创建", "综合得分", "较当前", "事项发现", "评估", "操作"].map(function (h) { return el("th", { text: h }); }))])]);
    var tbody = el("tbody");
    data.models.forEach(function (m) {
      var actions = [el("a.eval-link", { href: "#model/" + m.id, text: "评估详情" })];
      if (!m.active && m.file_exists) {
        actions.push(el("button.model-activate", { type: "button", text: m.served_before ? "回滚到此模型" : "启用",
          onclick: function () { confirmActivation(m, this); } }));
      }
      if (m.evaluation_status !== "evaluated" && m.evaluation_status !== "evaluating") {
        actions.push(el("button.link", { type: "button", text: "评估", onclick: async function () {
          try { followJob(await api("POST", "/admin/models/" + m.id + "/evaluate"), jobBox); } catch (error) { fail(error); }
        } }));
      }
      var delta = m.delta_macro_f1 === null || m.active ? "" : (m.delta_macro_f1 >= 0 ? "+" : "") + m.delta_macro_f1.toFixed(3);
      tbody.appendChild(el("tr.model-row" + (m.active ? ".active" : ""), { dataset: { id: m.id, name: m.name } }, [
        el("td", {}, [el("div", { text: m.name }), m.active ? el("span.badge.badge-ok", { text: "当前" }) : null]),
        el("td", { text: m.source === "baseline" ? "启动时的模型" : (m.train_mode === "finetune" ? "微调" : "完整训练") + (m.train_profile === "short" ? "（短）" : "") }),
        el("td", { text: m.created_by + " " + GZ.time(m.created_at) }),
        el("td.num", { text: GZ.pct(m.macro_f1) }),
        el("td.num" + (m.delta_macro_f1 !== null && m.delta_macro_f1 < -data.max_macro_f1_drop ? ".bad" : ""), { text: delta }),
        el("td.num", { text: GZ.pct(m.discovery && m.discovery.top3) }),
        el("td", { text: EVAL[m.evaluation_status] || m.evaluation_status }),
        el("td.actions", {}, actions),
      ]));
    });
    table.appendChild(tbody);
    view.appendChild(el("h2", { text: "模型登记册" }));
    view.appendChild(table);
    if (data.activations.length) {
      view.appendChild(el("h2", { text: "启用记录" }));
      view.appendChild(el("table.grid", {}, [el("tbody", {}, data.activations.map(function (a) {
        var name = (data.models.find(function (m) { return m.id === a.model_id; }) || {}).name || a.model_id;
        return el("tr", {}, [el("td", { text: GZ.time(a.at) }), el("td", { text: a.kind === "rollback" ? "回滚" : "启用" }),
          el("td", { text: name }), el("td", { text: a.actor }), el("td", { text: a.forced ? "强制：" + a.reason : "" })]);
      }))]));
    }
  }

  function renderJob(job, box, log) {
    var p = job.progress || {};
    var bar = el("div.bar", {}, [el("div.bar-fill")]);
    bar.firstChild.style.width = (p.percent || 0) + "%";
    bar.setAttribute("role", "progressbar");
    bar.setAttribute("aria-label", (job.kind === "train" ? "训练" : "评估") + "进度");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "100");
    bar.setAttribute("aria-valuenow", String(p.percent || 0));
    var details = [STATUS[job.status] || job.status, PHASES[job.phase] || job.phase];
    if (p.epoch) details.push("第 " + p.epoch + "/" + p.epochs + " 轮");
    if (p.loss !== undefined) details.push("损失 " + Number(p.loss).toFixed(3));
    if (p.accuracy !== undefined) details.push("准确率 " + Number(p.accuracy).toFixed(3));
    if (job.train_mode) details.push(job.train_mode === "finetune" ? "在当前模型上微调" : "完整训练");
    GZ.clear(box);
    box.dataset.status = job.status;
    box.append(el("p.job-title", { text: "任务 #" + job.id + "（" + (job.kind === "train" ? "训练" : "评估") + "）" }), bar,
      el("p.job-status", { text: details.join(" · ") }));
    if (job.error && job.status !== "succeeded") box.appendChild(el("p.form-message", { text: job.error }));
    if (job.status === "queued" || job.status === "running") {
      box.appendChild(el("button.danger", { type: "button", text: "取消任务", onclick: async function () {
        try { await api("POST", "/admin/jobs/" + job.id + "/cancel"); } catch (error) { fail(error); }
      } }));
    }
    if (job.status === "succeeded" && job.model_id) box.appendChild(el("a.button", { href: "#model/" + job.model_id, text: "查看评估结果" }));
    var pre = el("pre.log", { text: log });
    box.appendChild(el("details", { open: job.status === "running" ? "open" : null }, [el("summary", { text: "日志" }), pre]));
    pre.scrollTop = pre.scrollHeight;
  }

  function followJob(job, box) {
    if (streamAbort) streamAbort.abort();
    var controller = new AbortController();
    streamAbort = controller;
    var log = "";
    renderJob(job, box, log);
    GZ.stream("/admin/jobs/" + job.id + "/events", function (event, data) {
      if (event === "log") log = (log + data).slice(-60000);
      if (event === "progress") { job = data; renderJob(job, box, log); }
      if (event === "end") {
        GZ.toast("任务 #" + job.id + " " + (STATUS[job.status] || job.status), job.status === "succeeded" ? "ok" : "error");
        // Refresh the list only if it is still what is shown when the timer fires: the admin may have clicked
        // "查看评估结果" meanwhile, and the list must not replace that page.
        var onModels = function () { return location.hash === "#models" || location.hash === ""; };
        if (onModels()) setTimeout(function () { if (onModels()) showModels(); }, 300);
      }
    }, controller.signal).catch(function (error) { if (error.name !== "AbortError") fail(error); });
  }

  /* Before switching: what will change, on which replicas, and a 试一试 box reading sentences with the
     candidate (a staging Rasa or a one-off copy; the serving replicas never see it before the switch). */
  async function confirmActivation(model, button) {
    var old = document.getElementById("activation-dialog");
    if (old) old.remove();
    var plan;
    try { plan = await busy(button, api("GET", "/admin/models/" + model.id + "/activation-plan")); } catch (error) { return fail(error); }
    var rollback = plan.kind === "rollback";
    var from = plan.current ? plan.current.name : "（无）";
    var lines = [
      el("li", { text: (rollback ? "回滚：" : "启用：") + "所有 " + plan.replicas.length + " 个机器人实例将从“" + from + "”切换到“" + model.name + "”。" }),
      el("li", { text: plan.delta_macro_f1 === null ? "综合得分：无法与当前模型比较。" : "综合得分：" + GZ.pct(plan.current && plan.current.macro_f1) + " → " + GZ.pct(plan.model.macro_f1) + "（" + (plan.delta_macro_f1 >= 0 ? "+" : "") + plan.delta_macro_f1.toFixed(3) + "）。" }),
    ];
    if (!plan.gate_ok && !rollback) lines.push(el("li.bad", { text: "得分下降超过允许的 " + plan.max_macro_f1_drop + "，启用时需要填写理由。" }));
    plan.intent_changes.slice(0, 6).forEach(function (c) {
      lines.push(el("li", { text: "“" + intentName(c.intent) + "”的识别" + (c.delta < 0 ? "变差" : "变好") + "：" + GZ.pct(c.before, 2) + " → " + GZ.pct(c.after, 2) }));
    });
    var replicaList = el("ul", {}, plan.replicas.map(function (r) {
      return el("li", { text: r.url + "：" + (r.ok ? "正在使用“" + (r.serving || "未知") + "”" : "无法连接（" + (r.error || "") + "），切换会失败") });
    }));
    var sentences = el("textarea#try-text", { rows: "3", "aria-label": "要试的句子，每行一句", placeholder: "每行一句，最多5句，例如：俺想弄个卖胡辣汤的证" });
    var results = el("div#try-results", { role: "status" });
    var tryButton = el("button#try-run.secondary", { type: "button", text: "试一试", onclick: async function () {
      GZ.clear(results).appendChild(el("p.hint", { text: "正在用候选模型读取，首次加载可能需要一两分钟……" }));
      try {
        var r = await busy(tryButton, api("POST", "/admin/models/" + model.id + "/try", { texts: lines2(sentences.value) }));
        GZ.clear(results).appendChild(el("table.grid.try", {}, [el("thead", {}, [el("tr", {}, [el("th", { text: "句子" }), el("th", { text: "候选模型的理解" }), el("th", { text: "把握" })])]),
          el("tbody", {}, r.readings.map(function (x) {
            return el("tr", {}, [el("td", { text: x.text }), el("td", { text: intentName(x.intent) }), el("td.num", { text: Math.round(x.confidence * 100) + "%" })]);
          }))]));
      } catch (error) { GZ.clear(results); fail(error); }
    } });
    var dialog = el("section#activation-dialog.card.confirm", { role: "dialog", "aria-labelledby": "activation-title" }, [
      el("h2#activation-title", { text: (rollback ? "确认回滚到 " : "确认启用 ") + model.name }),
      el("ul.changes", {}, lines),
      el("h3", { text: "涉及的机器人实例" }), replicaList,
      el("h3", { text: "试一试" }),
      el("p.hint", { text: "切换前先看看候选模型怎么理解几句话（不影响正在服务的机器人）。" }),
      sentences, el("div.toolbar", {}, [tryButton]), results,
      el("div.toolbar", {}, [
        el("button#activation-confirm.primary", { type: "button", text: rollback ? "确认回滚" : "确认启用", onclick: function () {
          dialog.remove();
          activate(model, button);
        } }),
        el("button.secondary", { type: "button", text: "取消", onclick: function () { dialog.remove(); button.focus(); } }),
      ]),
    ]);
    var view = main.firstChild;
    view.insertBefore(dialog, view.children[2] || null);
    dialog.scrollIntoView({ block: "start" });
    document.getElementById("activation-confirm").focus();
  }

  function lines2(text) {
    return text.split("\n").map(function (x) { return x.trim(); }).filter(Boolean);
  }

  async function activate(model, button, reason) {
    var body = reason ? { force: true, reason: reason } : {};
    try {
      var result = await busy(button, api("POST", "/admin/models/" + model.id + "/activate", body));
      GZ.toast((result.kind === "rollback" ? "已回滚到 " : "已启用 ") + model.name + "（所有 Rasa 实例）");
      route();
    } catch (error) {
      if (error.error === "quality_gate" || error.error === "active_not_evaluated") return askForce(model, button, error.message);
      fail(error);
    }
  }

  function askForce(model, button, message) {
    var old = document.getElementById("force-dialog");
    if (old) old.remove();
    var reason = el("textarea#force-reason", { rows: "3", "aria-label": "强制启用的理由", placeholder: "强制启用的理由（将写入审计日志）" });
    var dialog = el("div#force-dialog.card.warn", { role: "alertdialog", "aria-label": "启用被拒绝" }, [
      el("p", { text: message }), reason,
      el("div.toolbar", {}, [
        el("button#force-confirm.danger", { type: "button", text: "填写理由并强制启用", onclick: function () {
          if (reason.value.trim().length < 4) return fail("请填写理由（至少4个字）。");
          dialog.remove();
          activate(model, button, reason.value.trim());
        } }),
        el("button.link", { type: "button", text: "取消", onclick: function () { dialog.remove(); } }),
      ]),
    ]);
    var view = main.firstChild;
    view.insertBefore(dialog, view.children[2] || null);
    reason.focus();
  }

  async function showModel(id) {
    await labels();
    var m = await api("GET", "/admin/models/" + id);
    var view = section("模型评估：" + m.name, "用从不参与训练的测试句检验：每个意图识别得怎样、哪些意图容易混淆，以及市民描述需求时能否找到正确的事项。");
    var metrics = m.metrics || {};
    var summary = el("dl.summary", {}, [
      el("dt", { text: "综合得分（宏平均F1）" }), el("dd#macro-f1", { text: GZ.pct(m.macro_f1) }),
      el("dt", { text: "准确率" }), el("dd", { text: GZ.pct(metrics.accuracy) }),
      el("dt", { text: "加权得分" }), el("dd", { text: GZ.pct(metrics.weighted_f1) }),
      el("dt", { text: "事项发现：第一位 / 前三位命中" }), el("dd", { text: metrics.discovery ? GZ.pct(metrics.discovery.top1) + " / " + GZ.pct(metrics.discovery.top3) + "（" + metrics.discovery.n + " 句）" : "—" }),
      el("dt", { text: "较当前模型" }), el("dd", { text: m.active ? "（当前模型）" : m.delta_macro_f1 === null ? "—" : (m.delta_macro_f1 >= 0 ? "+" : "") + m.delta_macro_f1.toFixed(3) }),
      el("dt", { text: "训练方式" }), el("dd", { text: m.source === "baseline" ? "启动时的模型" : (m.train_mode === "finetune" ? "微调" : "完整训练") + "（" + (m.train_profile === "short" ? "短训练配置" : "完整配置") + "）" }),
      el("dt", { text: "创建" }), el("dd", { text: m.created_by + " " + GZ.time(m.created_at) }),
      el("dt", { text: "状态" }), el("dd", { text: (EVAL[m.evaluation_status] || m.evaluation_status) + (m.active ? " · 当前模型" : "") }),
    ]);
    view.appendChild(el("section.card", {}, [summary, details("详情", [
      el("p", { text: "测试句：tests/data/nlu_test.yml；事项发现：tests/data/discovery_test.yml" }),
      el("p", { text: "数据指纹：" + (m.data_hash || "—") + "；模型文件：" + m.file })])]));
    var tools = [el("a.button.secondary", { href: "#models", text: "返回" })];
    if (!m.active && m.file_exists) tools.push(el("button.model-activate", { type: "button", text: m.served_before ? "回滚到此模型" : "启用此模型", onclick: function () { confirmActivation(m, this); } }));
    view.appendChild(el("div.toolbar", {}, tools));
    var intents = metrics.intents || {};
    var rows = Object.keys(intents).map(function (name) {
      var r = intents[name];
      return el("tr" + (r.f1 < 0.8 ? ".weak" : ""), {}, [el("td", { title: intentDescription(name), text: intentName(name) }), el("td.num", { text: GZ.pct(r.precision) }),
        el("td.num", { text: GZ.pct(r.recall) }), el("td.num", { text: GZ.pct(r.f1) }), el("td.num", { text: r.support })]);
    });
    var columns = el("div.split.eval", {}, [
      el("section", {}, [el("h2", { text: "各意图指标" }), el("table.grid.intent-table", {}, [
        el("thead", {}, [el("tr", {}, ["意图", "精确率", "召回率", "F1", "样本数"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, rows)])]),
      el("section", {}, [el("h2", { text: "最容易混淆的意图" }), confusionList(metrics.confusion)]),
    ]);
    view.appendChild(columns);
    view.appendChild(el("h2", { text: "混淆矩阵" }));
    view.appendChild(confusionMatrix(metrics.confusion));
    if (m.has_confusion_matrix) {
      var original = el("div");
      view.appendChild(details("原始图片（英文）", [original]));
      var url = await GZ.imageBlobUrl("/admin/models/" + id + "/confusion.png");
      if (url) original.appendChild(el("img.confusion", { src: url, alt: "意图混淆矩阵原始图片（英文标签）" }));
    }
  }

  function confusionList(c) {
    if (!c || !c.top) return el("p.empty", { text: "暂无数据。" });
    if (!c.top.length) return el("p", { text: "测试句中没有出现混淆。" });
    return el("div", {}, [
      el("ol.confusions", {}, c.top.map(function (t) {
        return el("li", { text: "把“" + intentName(t.actual) + "”误判为“" + intentName(t.predicted) + "”：" + t.count + "次" });
      })),
      c.exact ? null : el("p.hint", { text: "（此模型只保存了每个意图最主要的混淆，矩阵可能不完整；重新评估可得到完整结果。）" }),
    ]);
  }

  /* The matrix as an HTML table: Chinese labels (column heads written vertically), cells shaded by share of
     the row, zoom buttons; it scrolls inside its own box so the page never scrolls sideways. */
  function confusionMatrix(c) {
    if (!c || !c.labels || !c.labels.length) return el("p.empty", { text: "暂无混淆矩阵。" });
    var zoom = 1;
    var box = el("div#confusion.matrix-box", { tabindex: "0", role: "region", "aria-label": "混淆矩阵（可滚动）" });
    var table = el("table.matrix", {}, [
      el("caption", { text: "行：测试句的正确意图；列：模型判断的意图；格中数字为句数" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "正确 \\ 判断" })].concat(c.labels.map(function (l) {
        return el("th.col", { scope: "col", title: intentDescription(l) }, [el("span", { text: intentName(l) })]);
      })))]),
      el("tbody", {}, c.matrix.map(function (row, i) {
        var total = row.reduce(function (a, b) { return a + b; }, 0) || 1;
        return el("tr", {}, [el("th", { scope: "row", text: intentName(c.labels[i]) })].concat(row.map(function (n, j) {
          var share = n / total;
          var cell = el("td" + (i === j ? ".diag" : n ? ".off" : ""), { text: n ? String(n) : "",
            title: intentName(c.labels[i]) + " → " + intentName(c.labels[j]) + "：" + n + " 句" });
          if (n) cell.style.setProperty("--share", share.toFixed(2));
          return cell;
        })));
      })),
    ]);
    box.appendChild(table);
    function apply() { table.style.fontSize = zoom + "rem"; zoomLabel.textContent = Math.round(zoom * 100) + "%"; }
    var zoomLabel = el("span.zoom-level", { "aria-live": "polite" });
    var tools = el("div.toolbar.matrix-tools", {}, [
      el("button.secondary", { type: "button", text: "缩小", "aria-label": "缩小混淆矩阵", onclick: function () { zoom = Math.max(0.5, zoom - 0.15); apply(); } }),
      zoomLabel,
      el("button.secondary", { type: "button", text: "放大", "aria-label": "放大混淆矩阵", onclick: function () { zoom = Math.min(2, zoom + 0.15); apply(); } }),
    ]);
    zoom = c.labels.length > 16 ? 0.8 : 1;
    apply();
    return el("div.matrix-wrap", {}, [tools, box]);
  }

  // --- catalogue ---------------------------------------------------------------------------------------------

  var LIST_FIELDS = [["aliases", "别名（每行一个）"], ["phrasings", "常见说法（只用于事项发现）"], ["replaces", "承诺代替的证明 / 许可条件"],
                     ["includes_proofs", "许可事项包含的证明（R9）"], ["proofs_required", "一般程序所需材料"]];
  var TEXT_FIELDS = [["name", "事项名称"], ["department", "实施机关"], ["level", "层级"], ["area", "领域"]];
  var FLAGS = [["commitment_allowed", "适用告知承诺"], ["proxy_allowed", "允许代为承诺"], ["public", "承诺书公开"], ["high_value", "高价值/难核查（R18 提示）"]];

  async function showCatalogue(code) {
    var view = section("事项清单", "修改后先预览市民看到的内容，再发布为新版本；已作出的承诺仍指向当时的版本。可以逐项对比任意两个版本。");
    await labels();
    var items = await api("GET", "/admin/catalogue/items");
    var list = el("nav.side", {}, [el("ul", {}, items.map(function (it) {
      return el("li", {}, [el("a", { href: "#catalogue/" + it.code, text: it.code + " " + it.name + (it.version ? "（v" + it.version + "）" : "") })]);
    }))]);
    var editor = el("section.editor");
    view.appendChild(el("div.split", {}, [list, editor]));
    if (code) await showItem(editor, code);
    else editor.appendChild(el("p.empty", { text: "从左侧选择一个事项。" }));
  }

  async function showItem(editor, code) {
    var item = await api("GET", "/admin/catalogue/items/" + code);
    var c = item.content;
    var inputs = {};
    var form = el("form.item-form", { onsubmit: function (e) { e.preventDefault(); } });
    TEXT_FIELDS.forEach(function (f) {
      inputs[f[0]] = el("input", { id: "f-" + f[0], value: c[f[0]] || "" });
      form.append(el("label", { for: "f-" + f[0], text: f[1] }), inputs[f[0]]);
    });
    inputs.legal_basis = el("textarea", { id: "f-legal_basis", rows: "2" });
    inputs.legal_basis.value = c.legal_basis || "";
    form.append(el("label", { for: "f-legal_basis", text: "设定依据" }), inputs.legal_basis);
    var flags = el("div.flags");
    FLAGS.forEach(function (f) {
      inputs[f[0]] = el("input", { type: "checkbox", id: "f-" + f[0], checked: !!c[f[0]] });
      flags.append(el("label.check", {}, [inputs[f[0]], " " + f[1]]));
    });
    form.appendChild(flags);
    if (c.public || c.disclosure_days !== undefined) {
      inputs.disclosure_days = el("input", { id: "f-disclosure_days", type: "number", min: "1", value: c.disclosure_days || "" });
      form.append(el("label", { for: "f-disclosure_days", text: "公开天数（R15）" }), inputs.disclosure_days);
    }
    LIST_FIELDS.forEach(function (f) {
      inputs[f[0]] = el("textarea", { id: "f-" + f[0], rows: "3" });
      inputs[f[0]].value = (c[f[0]] || []).join("\n");
      form.append(el("label", { for: "f-" + f[0], text: f[1] }), inputs[f[0]]);
    });
    if (c.verification) {
      var v = c.verification;
      inputs.v_method = el("select", { id: "f-v-method" }, [option("online", "在线核查", v.method === "online"), option("onsite", "现场核查", v.method === "onsite"), option("exempt", "免于核查", v.method === "exempt")]);
      inputs.v_days = el("input", { id: "f-v-days", type: "number", min: "1", value: v.time_limit_days });
      inputs.v_rate = el("input", { id: "f-v-rate", type: "number", min: "0", max: "1", step: "0.05", value: v.sampling_rate });
      inputs.v_standard = el("textarea", { id: "f-v-standard", rows: "2" });
      inputs.v_standard.value = v.standard || "";
      form.append(el("fieldset", {}, [el("legend", { text: "核查（R13）" }),
        el("label", { for: "f-v-method", text: "方式" }), inputs.v_method, el("label", { for: "f-v-days", text: "时限（工作日）" }), inputs.v_days,
        el("label", { for: "f-v-rate", text: "抽查比例" }), inputs.v_rate, el("label", { for: "f-v-standard", text: "核查标准" }), inputs.v_standard]));
    }
    var notice = (c.notice || []).map(function (s, i) {
      var area = el("textarea.notice-text", { id: "f-notice-" + i, rows: "4" });
      area.value = s.text;
      form.append(el("label", { for: "f-notice-" + i, text: "告知书（" + (i + 1) + "/" + c.notice.length + "）" + s.title }), area);
      return area;
    });
    if (c.exclusion) {
      inputs.ex_reason = el("textarea", { id: "f-ex-reason", rows: "2" });
      inputs.ex_reason.value = c.exclusion.reason || "";
      form.append(el("label", { for: "f-ex-reason", text: "不适用原因" }), inputs.ex_reason);
    }

    function collect() {
      var out = JSON.parse(JSON.stringify(c));
      TEXT_FIELDS.forEach(function (f) { out[f[0]] = inputs[f[0]].value.trim(); });
      out.legal_basis = inputs.legal_basis.value.trim();
      FLAGS.forEach(function (f) { out[f[0]] = inputs[f[0]].checked; });
      if (inputs.disclosure_days) out.disclosure_days = inputs.disclosure_days.value ? Number(inputs.disclosure_days.value) : null;
      LIST_FIELDS.forEach(function (f) { out[f[0]] = lines(inputs[f[0]].value); });
      if (inputs.v_method) {
        out.verification = Object.assign({}, c.verification, { method: inputs.v_method.value, time_limit_days: Number(inputs.v_days.value),
          sampling_rate: Number(inputs.v_rate.value), standard: inputs.v_standard.value.trim() });
      }
      if (c.notice) out.notice = c.notice.map(function (s, i) { return { title: s.title, text: notice[i].value.trim() }; });
      if (inputs.ex_reason) out.exclusion = Object.assign({}, c.exclusion, { reason: inputs.ex_reason.value.trim() });
      return out;
    }

    var preview = el("section.preview", { "aria-label": "市民看到的内容" });
    var previewButton = el("button", { type: "button", text: "预览市民看到的内容", onclick: async function () {
      try { renderPreview(preview, await busy(previewButton, api("POST", "/admin/catalogue/items/" + code + "/preview", { content: collect() }))); } catch (error) { fail(error); }
    } });
    var publishButton = el("button.primary", { type: "button", text: "发布为新版本", onclick: async function () {
      try {
        var result = await busy(publishButton, api("POST", "/admin/catalogue/items/" + code + "/publish", { content: collect(), base_hash: item.file_hash }));
        if (result.unchanged) { GZ.toast("内容没有变化，未生成新版本。"); return; }
        GZ.toast(code + " 已发布为第 " + result.version + " 版");
        await showCatalogue(code);
        if (result.diff) renderDiff(document.getElementById("diff-box"), result.diff);
      } catch (error) { fail(error); }
    } });
    editor.append(el("h2", { text: code + " " + (c.name || "") }), form, el("div.toolbar.sticky", {}, [previewButton, publishButton]), preview);

    var versions = item.versions;
    var from = el("select#diff-from", { "aria-label": "对比的旧版本" }, versions.map(function (v, i) { return option(v.version, "第 " + v.version + " 版 " + GZ.time(v.created_at), i === 1); }));
    var to = el("select#diff-to", { "aria-label": "对比的新版本" }, versions.map(function (v, i) { return option(v.version, "第 " + v.version + " 版 " + GZ.time(v.created_at), i === 0); }));
    var diffBox = el("div#diff-box");
    editor.append(el("h2", { text: "版本与差异" }), el("ul", {}, versions.map(function (v) {
      return el("li", { text: "第 " + v.version + " 版　" + GZ.time(v.created_at) });
    })));
    if (versions.length > 1) {
      editor.append(el("div.toolbar", {}, [from, " → ", to, el("button#diff-show", { type: "button", text: "逐项对比", onclick: async function () {
        try { renderDiff(diffBox, await api("GET", "/admin/catalogue/items/" + code + "/diff?from=" + from.value + "&to=" + to.value)); } catch (error) { fail(error); }
      } })]));
    }
    editor.appendChild(diffBox);
  }

  function renderPreview(box, preview) {
    GZ.clear(box);
    box.append(el("h2", { text: "市民看到的内容" }), details("详情", [el("p", { text: "告知书版本指纹：" + preview.notice_version })]));
    var chat = el("div.chat");
    preview.messages.forEach(function (m) { chat.appendChild(el("div.bubble", { text: m.text })); });
    box.appendChild(chat);
  }

  /* Side by side, field by field, in the editor's Chinese field names; unchanged fields folded away. */
  function renderDiff(box, diff) {
    GZ.clear(box);
    var cmp = diff.compare;
    if (cmp) {
      var changed = cmp.fields.filter(function (f) { return f.changed; });
      var sections = cmp.notice.filter(function (n) { return n.changed; });
      function cell(lines, other, kind) {
        if (!lines.length) return el("td." + kind, {}, [el("span.none", { text: "（空）" })]);
        return el("td." + kind, {}, lines.map(function (line) {
          var mark = other.indexOf(line) < 0;
          return el("div" + (mark ? ".diff-" + (kind === "before" ? "removed" : "added") : ""), { text: line });
        }));
      }
      function row(label, before, after) {
        return el("tr", {}, [el("th", { scope: "row", text: label }), cell(before, after, "before"), cell(after, before, "after")]);
      }
      box.append(
        el("p.diff-summary", { text: "第 " + diff.from.version + " 版 → 第 " + diff.to.version + " 版：" +
          (changed.length ? "改了 " + changed.map(function (f) { return f.label; }).join("、") : "字段没有变化") + "；" +
          (sections.length ? "告知书改了 " + sections.length + " 节（新的承诺将引用新的告知书）" : "告知书没有变化") + "。" }),
        el("table.grid.compare", {}, [
          el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "项目" }), el("th", { scope: "col", text: "第 " + diff.from.version + " 版（旧）" }), el("th", { scope: "col", text: "第 " + diff.to.version + " 版（新）" })])]),
          el("tbody", {}, changed.map(function (f) { return row(f.label, f.before, f.after); }).concat(sections.map(function (n) {
            return row("告知书 " + n.index + ". " + n.title, n.before ? [n.before] : [], n.after ? [n.after] : []);
          }))),
        ]),
        details("未变化的项目（" + (cmp.fields.length - changed.length) + " 项）", [el("table.grid.compare", {}, [el("tbody", {},
          cmp.fields.filter(function (f) { return !f.changed; }).map(function (f) { return row(f.label, f.before, f.after); }))])]));
      return;
    }
    function block(title, lines) {
      if (!lines.length) return el("p.hint", { text: title + "：无变化" });
      return el("div", {}, [el("h3", { text: title }), el("pre.diff", {}, lines.map(function (l) {
        return el("span.diff-" + l.kind, { text: (l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : l.kind === "hunk" ? "" : "  ") + l.text + "\n" });
      }))]);
    }
    box.append(el("p", { text: "v" + diff.from.version + " → v" + diff.to.version + (diff.notice_changed ? "（告知书已变化：新的承诺将引用新版本）" : "（告知书未变化）") }),
      block("字段", diff.fields), block("告知书", diff.notice));
  }

  // --- routing -----------------------------------------------------------------------------------------------

  async function route() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, "")) || "inbox";
    var parts = hash.split("/");
    document.querySelectorAll(".tabs a").forEach(function (a) {
      var on = a.dataset.view === parts[0] || (parts[0] === "model" && a.dataset.view === "models");
      a.classList.toggle("current", on);
      if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    try {
      if (parts[0] === "nlu") await showNlu(parts.length > 2 ? { kind: parts[1], name: parts.slice(2).join("/") } : null);
      else if (parts[0] === "models") await showModels();
      else if (parts[0] === "model") await showModel(parts[1]);
      else if (parts[0] === "catalogue") await showCatalogue(parts[1]);
      else await showInbox();
    } catch (error) { fail(error); }
  }
  window.addEventListener("hashchange", route);
  route();
})();
