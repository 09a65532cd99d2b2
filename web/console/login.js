(function () {
  "use strict";
  var GZ = window.GZConsole;
  // Each role's console; a role without one is told so instead of being sent to a blank page.
  var PAGES = { admin: "admin.html", staff: "hotline.html" };
  var form = document.getElementById("login-form");
  var message = document.getElementById("login-message");

  async function landing(role) {
    var page = PAGES[role];
    if (page) {
      var probe = await fetch(page, { method: "HEAD" });
      if (probe.ok) { location.href = page; return; }
    }
    message.textContent = "此账号（" + role + "）暂无可用的控制台。";
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    var username = document.getElementById("username").value.trim();
    try {
      var result = await GZ.api("POST", "/auth/login", { username: username, password: document.getElementById("password").value });
      GZ.signIn(result.access_token, result.role, username);
      await landing(result.role);
    } catch (error) {
      message.textContent = error.message || "登录失败。";
    }
  });
})();
