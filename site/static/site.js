/* Every page: self-checks of questions, copy buttons, printing with answers, small layout helpers. */
"use strict";

(function () {
  // ---- checkable questions: choices, or a number within a tolerance -------------------
  function parseNumber(text) {
    var s = text.trim().replace(/\s+/g, "").replace(",", ".").replace("−", "-");
    var fraction = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(s);
    if (fraction) return parseFloat(fraction[1]) / parseFloat(fraction[2]);
    return /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s) ? parseFloat(s) : NaN;
  }

  function verdictFor(form) {
    if (form.dataset.correct !== undefined) {
      var correct = form.dataset.correct.split(",").sort().join(",");
      var chosen = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) {
        return i.value;
      }).sort().join(",");
      if (!chosen) return { text: "Сначала выберите вариант.", ok: null };
      return chosen === correct
        ? { text: "Верно!", ok: true }
        : { text: "Неверно. Попробуйте ещё раз или откройте ответ.", ok: false };
    }
    var input = form.querySelector("input");
    var value = parseNumber(input.value);
    if (isNaN(value)) return { text: "Введите число, например 0.25, 0,25 или 1/4.", ok: null };
    var expected = parseFloat(form.dataset.value);
    var tolerance = parseFloat(form.dataset.tolerance);
    return Math.abs(value - expected) <= tolerance + 1e-12 * Math.max(1, Math.abs(expected))
      ? { text: "Верно!", ok: true }
      : { text: "Неверно. Попробуйте ещё раз или откройте ответ.", ok: false };
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("check")) return;
    event.preventDefault();
    var verdict = verdictFor(form);
    var output = form.querySelector(".verdict");
    output.textContent = verdict.text;
    output.className = "verdict" + (verdict.ok === true ? " right" : verdict.ok === false ? " wrong" : "");
  });

  // ---- copy a command to the clipboard -------------------------------------------------
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) return;
    var done = function () {
      button.textContent = "Скопировано";
      setTimeout(function () { button.textContent = "Копировать"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(button.dataset.copy).then(done, function () {});
    } else {
      var area = document.createElement("textarea");
      area.value = button.dataset.copy;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); done(); } catch (e) { /* nothing to copy with */ }
      area.remove();
    }
  });

  // ---- print: every answer shown, then restored ----------------------------------------
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  // ---- layout: the table of contents folds on narrow screens; wide blocks scroll -------
  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia("(max-width: 60rem)").matches) toc.open = false;

  function markScrollable() {
    document.querySelectorAll("pre, .math-display, .table-wrap").forEach(function (block) {
      if (block.scrollWidth > block.clientWidth + 1) block.setAttribute("tabindex", "0");
      else block.removeAttribute("tabindex");
    });
  }
  markScrollable();
  window.addEventListener("resize", markScrollable);

  // ---- the table of contents marks the section being read ------------------------------
  var links = {};
  document.querySelectorAll(".toc a[href^='#']").forEach(function (a) {
    links[decodeURIComponent(a.getAttribute("href").slice(1))] = a;
  });
  var headings = Array.prototype.filter.call(document.querySelectorAll(".topic h2[id], .topic h3[id]"), function (h) {
    return links[h.id];
  });
  function markCurrent() {
    var current = null;
    headings.forEach(function (h) { if (h.getBoundingClientRect().top < 120) current = h; });
    Object.keys(links).forEach(function (id) {
      if (current && id === current.id) links[id].setAttribute("aria-current", "location");
      else links[id].removeAttribute("aria-current");
    });
  }
  if (headings.length) {
    markCurrent();
    window.addEventListener("scroll", markCurrent, { passive: true });
  }
})();
