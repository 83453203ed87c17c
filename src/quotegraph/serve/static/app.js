// Tooltips for statements in the article view: speaker, title/affiliation, date and kind,
// shown on hover and on keyboard focus. Text is set with textContent only, never as HTML.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  if (!tip) return;
  var marks = document.querySelectorAll("mark[data-st]");
  for (var i = 0; i < marks.length; i++) {
    // The title attribute is the no-script fallback; with script the styled tooltip replaces it.
    marks[i].removeAttribute("title");
  }

  function line(cls, text) {
    var div = document.createElement("div");
    div.className = cls;
    div.textContent = text;
    return div;
  }

  function show(el) {
    var d = el.dataset;
    tip.replaceChildren(line("tip-who", d.speaker || "unknown speaker"));
    if (d.role) tip.appendChild(line("tip-role", d.role));
    tip.appendChild(line("tip-when", [d.date, d.kind].filter(Boolean).join(" · ")));
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left,
      window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
  }

  function hide() { tip.hidden = true; }

  function target(ev) {
    var el = ev.target;
    return el && el.closest ? el.closest("mark[data-st]") : null;
  }

  document.addEventListener("mouseover", function (ev) { var m = target(ev); if (m) show(m); });
  document.addEventListener("mouseout", function (ev) { if (target(ev)) hide(); });
  document.addEventListener("focusin", function (ev) { var m = target(ev); if (m) show(m); else hide(); });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
})();
