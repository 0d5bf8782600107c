// Waymark live reload: injected into pages by `waymark serve` only.
// Listens for Server-Sent Events: "reload" (a full reload that keeps the
// scroll position, or a stylesheet swap for CSS-only changes), "errors"
// (an overlay listing every mistake) and "ok" (the overlay goes).
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/_waymark\/livereload\.js.*$/, "");
  var key = "waymark-scroll:" + location.pathname;
  try {
    var y = sessionStorage.getItem(key);
    if (y !== null) {
      sessionStorage.removeItem(key);
      var restore = function () { window.scrollTo({ top: +y, behavior: "instant" }); };
      // At once (the script runs at the end of the page), and again when
      // images and styles have loaded and the page has its full height.
      restore();
      if (document.readyState !== "complete") window.addEventListener("load", restore);
    }
  } catch (e) {}

  function reload() {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
    location.reload();
  }

  function swapCSS() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (l) {
      var u = new URL(l.href);
      u.searchParams.set("waymark", String(Date.now()));
      var n = l.cloneNode();
      n.href = u.href;
      n.onload = function () { l.remove(); };
      l.parentNode.insertBefore(n, l.nextSibling);
    });
  }

  var overlay = null;
  function hideOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function el(tag, style, text) {
    var e = document.createElement(tag);
    if (style) e.setAttribute("style", style);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function showOverlay(errs) {
    hideOverlay();
    overlay = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#f4f4f5;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem");
    overlay.id = "waymark-error-overlay";
    overlay.setAttribute("role", "alert");
    var head = el("div", "display:flex;justify-content:space-between;align-items:center;gap:1rem;max-width:70rem;margin:0 auto 1rem");
    head.appendChild(el("h2", "margin:0;font-size:1.25rem;color:#fca5a5",
      "Waymark: " + errs.length + (errs.length === 1 ? " mistake" : " mistakes") + " — showing the last good build"));
    var close = el("button", "font:inherit;background:#3f3f46;color:#fff;border:1px solid #71717a;border-radius:4px;padding:.25rem .75rem;cursor:pointer", "Close");
    close.type = "button";
    close.onclick = hideOverlay;
    head.appendChild(close);
    overlay.appendChild(head);
    errs.forEach(function (e) {
      var box = el("section", "max-width:70rem;margin:0 auto 1rem;border:1px solid #52525b;border-radius:6px;padding:1rem;background:#18181b");
      box.className = "waymark-error";
      box.appendChild(el("div", "color:#93c5fd", e.location));
      box.appendChild(el("div", "font-weight:bold;margin:.25rem 0", e.message));
      if (e.hint) box.appendChild(el("div", "color:#fde68a", "hint: " + e.hint));
      if (e.snippet && e.snippet.length) {
        var pre = el("pre", "margin:.75rem 0 0;padding:.5rem;background:#09090b;border-radius:4px;overflow:auto");
        e.snippet.forEach(function (l) {
          var row = el("div", l.current ? "background:#450a0a" : "", (l.current ? "> " : "  ") + String(l.n).padStart(4, " ") + " | " + l.text);
          pre.appendChild(row);
          if (l.current && e.col > 0) {
            pre.appendChild(el("div", "color:#f87171", "       | " + " ".repeat(e.col - 1) + "^"));
          }
        });
        box.appendChild(pre);
      }
      overlay.appendChild(box);
    });
    (document.body || document.documentElement).appendChild(overlay);
  }

  // The page says where it is: a rebuild makes the pages open first.
  var source = new EventSource(base + "_waymark/events?build=" + encodeURIComponent(script.getAttribute("data-build") || "") +
    "&page=" + encodeURIComponent(location.pathname));
  // Marks the page as connected, for people (and tests) checking the loop.
  source.onopen = function () { document.documentElement.setAttribute("data-waymark-live", "connected"); };
  source.addEventListener("reload", function (ev) {
    var d = {};
    try { d = JSON.parse(ev.data); } catch (e) {}
    hideOverlay();
    if (d.css) swapCSS(); else reload();
  });
  source.addEventListener("errors", function (ev) {
    showOverlay(JSON.parse(ev.data));
  });
  source.addEventListener("ok", hideOverlay);
})();
