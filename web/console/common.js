/* Shared by the consoles under /console/: sign-in token, API calls, DOM helpers. No framework, no CDN. */
(function () {
  "use strict";
  var GZ = (window.GZConsole = {});
  var TOKEN = "gz.console.token", ROLE = "gz.console.role", USER = "gz.console.user";

  GZ.session = function () {
    return { token: sessionStorage.getItem(TOKEN), role: sessionStorage.getItem(ROLE), user: sessionStorage.getItem(USER) };
  };
  GZ.signIn = function (token, role, user) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(ROLE, role);
    sessionStorage.setItem(USER, user);
  };
  /* Signing out ends the token on the server too (a copied token must not outlive the shift); the local
     session is cleared whatever the server answers. expired === true: the server already refused the token. */
  GZ.signOut = function (expired) {
    var token = GZ.session().token;
    var clear = function () {
      sessionStorage.removeItem(TOKEN);
      sessionStorage.removeItem(ROLE);
      sessionStorage.removeItem(USER);
      location.href = "index.html";
    };
    if (!token || expired === true) { clear(); return; }
    fetch("/api/v1/auth/logout", { method: "POST", headers: { Authorization: "Bearer " + token }, keepalive: true })
      .catch(function () { /* offline: the token still expires on its own */ })
      .finally(clear);
  };
  GZ.requireRole = function (role) {
    var s = GZ.session();
    if (!s.token || s.role !== role) {
      location.href = "index.html";
      return false;
    }
    return true;
  };

  function ApiError(status, body) {
    this.status = status;
    this.error = (body && body.error) || "http_" + status;
    this.message = (body && body.message) || "请求失败（HTTP " + status + "）。";
  }
  ApiError.prototype = Object.create(Error.prototype);
  GZ.ApiError = ApiError;

  GZ.api = async function (method, path, body) {
    var headers = { Accept: "application/json" };
    var token = GZ.session().token;
    if (token) headers.Authorization = "Bearer " + token;
    var options = { method: method, headers: headers };
    if (body instanceof FormData) {
      options.body = body;  // multipart: the browser sets the type and its boundary
    } else if (body !== undefined && body !== null) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    var response = await fetch("/api/v1" + path, options);
    if (response.status === 401 && path !== "/auth/login") {
      GZ.signOut(true);
      throw new ApiError(401, { message: "登录已过期，请重新登录。" });
    }
    var text = await response.text();
    var data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { message: text }; }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  };

  /* An authorised image (the confusion matrix): fetched with the token, shown from a blob URL. */
  GZ.imageBlobUrl = async function (path) {
    var response = await fetch("/api/v1" + path, { headers: { Authorization: "Bearer " + GZ.session().token } });
    if (!response.ok) return null;
    return URL.createObjectURL(await response.blob());
  };

  /* Server-sent events over fetch (EventSource cannot send the Authorization header). */
  GZ.stream = async function (path, onEvent, signal) {
    var response = await fetch("/api/v1" + path, {
      headers: { Authorization: "Bearer " + GZ.session().token, Accept: "text/event-stream" }, signal: signal,
    });
    if (!response.ok || !response.body) throw new ApiError(response.status, null);
    var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      var parts = buffer.split("\n\n");
      buffer = parts.pop();
      parts.forEach(function (part) {
        var event = "message", data = "";
        part.split("\n").forEach(function (line) {
          if (line.indexOf("event: ") === 0) event = line.slice(7);
          else if (line.indexOf("data: ") === 0) data += line.slice(6);
        });
        try { onEvent(event, JSON.parse(data)); } catch (e) { /* ignore a malformed event */ }
      });
    }
  };

  /* el("tag#id.class", {attr: v, text: "...", onclick: fn}, [children]) - text always as text, never as HTML. */
  GZ.el = function (spec, attrs, children) {
    var parts = spec.split(".");
    var head = parts[0].split("#");
    var node = document.createElement(head[0] || "div");
    if (head[1]) node.id = head[1];
    if (parts.length > 1) node.className = parts.slice(1).join(" ");
    attrs = attrs || {};
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "text") node.textContent = String(value);
      else if (key.indexOf("on") === 0 && typeof value === "function") node.addEventListener(key.slice(2), value);
      else if (key === "value") node.value = value;
      else if (key === "checked") node.checked = !!value;
      else if (key === "dataset") Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    });
    return node;
  };

  GZ.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  GZ.toast = function (message, kind) {
    var box = document.getElementById("toast");
    if (!box) return;
    var item = GZ.el("div.toast-item.toast-" + (kind || "ok"), { role: kind === "error" ? "alert" : "status", text: message });
    box.appendChild(item);
    setTimeout(function () { item.remove(); }, kind === "error" ? 9000 : 5000);
  };

  GZ.time = function (iso) {
    if (!iso) return "";
    var d = new Date(iso);
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  };

  GZ.pct = function (value, digits) {
    return value === null || value === undefined ? "—" : Number(value).toFixed(digits === undefined ? 3 : digits);
  };

  /* The frame every console page shares, built here once: who is signed in and 退出 at the end of the top bar,
     then the view each console renders into and the corner for toasts. A page's HTML holds only its brand and
     tabs; the sign-in page has no top bar and gets nothing. */
  var topbar = document.querySelector("header.topbar");
  if (topbar) {
    topbar.appendChild(GZ.el("span.who", {}, [
      GZ.el("span#who", { text: GZ.session().user || "" }),
      " ",
      GZ.el("button#logout.link", { type: "button", text: "退出", onclick: GZ.signOut }),
    ]));
    topbar.after(GZ.el("main#view", { "aria-live": "polite" }), GZ.el("div#toast.toast"));
  }
})();
