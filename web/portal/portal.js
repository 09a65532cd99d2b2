/* The demo portal's own buttons: open the widget, start a journey from a service card, verify a receipt. */
(function () {
  "use strict";
  function widget() { return window.GZWidget && window.GZWidget.instance; }

  document.addEventListener("click", function (ev) {
    var opener = ev.target.closest("[data-open-widget]");
    var starter = ev.target.closest("[data-say]");
    if (!opener && !starter) return;
    var w = widget();
    if (!w) return;
    w.open(true);
    if (starter) w.send(starter.getAttribute("data-say"));
  });

  var form = document.querySelector("[data-verify]");
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var no = form.elements.no.value.trim();
      if (no) window.open("/api/v1/commitments/" + encodeURIComponent(no) + "/verify", "_blank", "noopener");
    });
  }
})();
