/*
 * Waymark search: finds personas, journeys, stages, touchpoints, pain
 * points, opportunities and pages in search-index.json, which the build
 * writes at the site root (its shape: generator/search.go, and
 * content/docs/theming.md). No libraries, no requests but the index; the
 * page's data attributes give the base path, the index's address and the
 * words of the interface, so that the script works under any sub-path and
 * in any language.
 *
 * Matching ignores case and diacritics: the query is folded the way the
 * build folds each entry's text (NFD, combining marks dropped, đ → d …), so
 * "hanh trinh" finds "Hành trình". Every word of the query must match the
 * start of a word: "tra" finds "trả" and "trang", not "ultra".
 */
(function () {
  "use strict";

  var app = document.getElementById("search-app");
  if (!app || !window.fetch || !String.prototype.normalize) {
    return;
  }
  var form = app.querySelector("form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var data = app.dataset;
  var base = data.base || "/";
  var LIMIT = 100;
  var index = null;
  var timer = 0;

  // The same replacements as the build's slug.Fold, for letters that have
  // no decomposition.
  var special = { "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ß": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l" };
  var specialRE = /[đĐðÐøØßæÆœŒłŁ]/g;
  var marksRE;
  try {
    marksRE = new RegExp("\\p{M}", "gu");
  } catch (e) {
    marksRE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  }

  // ASCII text has no marks to drop: lower case is all folding does to it
  // (a large handbook's index has hundreds of thousands of titles).
  var asciiRE = /^[\x00-\x7f]*$/;

  function fold(s) {
    if (asciiRE.test(s)) {
      return s.toLowerCase();
    }
    return s.normalize("NFD").replace(marksRE, "").replace(specialRE, function (c) {
      return special[c];
    }).toLowerCase();
  }

  function terms(q) {
    return fold(q).split(/\s+/).filter(function (w) { return w !== ""; });
  }

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] !== undefined ? String(values[k]) : m;
    });
  }

  // Kinds in the order results of equal weight are listed.
  var kindRank = { journey: 0, persona: 1, stage: 2, touchpoint: 3, "pain-point": 4, opportunity: 5, research: 6, page: 7 };

  var wordRE;
  try {
    wordRE = new RegExp("[\\p{L}\\p{N}]", "u");
  } catch (e) {
    wordRE = /[0-9a-z\u00c0-\u024f]/i;
  }

  // at finds word w at the start of a word of text (folded both), from
  // position from; -1 if it is not there. "hanh" is found in "hanh trinh"
  // but not in "thanh toan".
  function at(text, w, from) {
    for (var i = text.indexOf(w, from || 0); i >= 0; i = text.indexOf(w, i + 1)) {
      if (i === 0 || !wordRE.test(text.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  function score(entry, words) {
    var title = entry.ft;
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var p = at(title, words[i]);
      if (p === 0) {
        s += 4;
      } else if (p > 0) {
        s += 3;
      }
    }
    if (title === words.join(" ")) {
      s += 6;
    }
    return s;
  }

  function search(q) {
    var words = terms(q);
    if (words.length === 0) {
      return null;
    }
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var e = index[i];
      var ok = true;
      for (var k = 0; k < words.length; k++) {
        var w = words[k];
        if (at(e.ft, w) < 0 && at(e.fc, w) < 0 && at(e.f, w) < 0) {
          ok = false;
          break;
        }
      }
      if (ok) {
        found.push({ e: e, s: score(e, words), i: i });
      }
    }
    found.sort(function (a, b) {
      return b.s - a.s || (kindRank[a.e.k] || 9) - (kindRank[b.e.k] || 9) || a.i - b.i;
    });
    return { words: words, found: found };
  }

  // addEntry makes a searchable entry and returns its folded title. Its
  // words are found in three folded strings: ft its title, fc its context
  // (folded once for all of a stage's items), f the rest. An entry
  // without a title is left out.
  function addEntry(out, k, t, u, c, fc, f) {
    var ft = fold(t || "");
    if (t) {
      out.push({ k: k, t: t, u: u, c: c, ft: ft, fc: fc, f: f || "" });
    }
    return ft;
  }

  // unfold turns the index the build writes into one entry per thing
  // found. A journey carries its stages ("s"), a stage its touchpoints,
  // pain points and opportunities ("tp", "pp", "op": title, folded words,
  // title, folded words …): a stage links to the journey's #stage-N and
  // is shown in the journey's title, an item links to its stage and is
  // shown in "journey · stage".
  function unfold(groups) {
    var out = [];
    var kinds = { tp: "touchpoint", pp: "pain-point", op: "opportunity" };
    groups.forEach(function (g) {
      var c = g.c || "";
      var fj = addEntry(out, g.k, g.t, g.u, c, fold(c), g.f);
      if (!g.s) {
        return;
      }
      g.s.forEach(function (s, i) {
        var u = g.u + "#stage-" + (i + 1);
        var fs = addEntry(out, "stage", s.t, u, g.t, fj, s.f);
        var where = g.t + " · " + s.t;
        var fw = fj + " · " + fs; // fold(where): folding goes letter by letter
        ["tp", "pp", "op"].forEach(function (key) {
          var l = s[key] || [];
          for (var n = 0; n + 1 < l.length; n += 2) {
            addEntry(out, kinds[key], l[n], u, where, fw, l[n + 1]);
          }
        });
      });
    });
    return out;
  }

  // mark puts the parts of text that match a word in <mark>, comparing
  // folded text: each character of text is folded on its own, so that a
  // match in the folded string maps back onto the original characters.
  function mark(el, text, words) {
    var chars = Array.from(text);
    var folded = "";
    var owner = []; // owner[i]: index in chars of folded char i
    var bare = []; // bare[ci]: chars[ci] folds to nothing (a combining mark)
    chars.forEach(function (c, ci) {
      var f = fold(c);
      bare[ci] = f === "";
      for (var n = 0; n < f.length; n++) {
        owner.push(ci);
      }
      folded += f;
    });
    var hit = new Array(chars.length);
    words.forEach(function (w) {
      var from = 0;
      var p;
      while (w && (p = at(folded, w, from)) >= 0) {
        for (var n = p; n < p + w.length; n++) {
          hit[owner[n]] = true;
        }
        from = p + w.length;
      }
    });
    var run = "";
    var inHit = false;
    function flush() {
      if (run === "") {
        return;
      }
      if (inHit) {
        var m = document.createElement("mark");
        m.textContent = run;
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(run));
      }
      run = "";
    }
    chars.forEach(function (c, ci) {
      // A combining mark stays with the letter before it.
      var h = bare[ci] ? inHit : !!hit[ci];
      if (h !== inHit) {
        flush();
        inHit = h;
      }
      run += c;
    });
    flush();
  }

  function render(q) {
    list.textContent = "";
    var r = search(q);
    if (!r) {
      list.hidden = true;
      status.textContent = fill(data.statusEmpty || "", { n: index.length });
      return;
    }
    var n = r.found.length;
    var values = { n: n, q: q.trim(), shown: Math.min(n, LIMIT) };
    if (n === 0) {
      status.textContent = fill(data.statusNone, values);
    } else if (n === 1) {
      status.textContent = fill(data.statusOne, values);
    } else if (n > LIMIT) {
      status.textContent = fill(data.statusMore, values);
    } else {
      status.textContent = fill(data.statusMany, values);
    }
    var frag = document.createDocumentFragment();
    r.found.slice(0, LIMIT).forEach(function (hit) {
      var e = hit.e;
      var li = document.createElement("li");
      li.className = "search-result kind-" + e.k;
      var kind = document.createElement("span");
      kind.className = "chip search-kind search-kind-" + e.k;
      var key = "kind" + e.k.replace(/(^|-)(\w)/g, function (m, d, c) { return c.toUpperCase(); });
      kind.textContent = data[key] || e.k;
      var a = document.createElement("a");
      a.className = "search-title";
      a.href = base + e.u;
      mark(a, e.t, r.words);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kind);
      if (e.c) {
        var c = document.createElement("span");
        c.className = "search-context";
        mark(c, e.c, r.words);
        li.appendChild(c);
      }
      frag.appendChild(li);
    });
    list.appendChild(frag);
    list.hidden = n === 0;
  }

  function current() {
    return input.value;
  }

  function update(push) {
    var q = current();
    if (index) {
      render(q);
    }
    var url = new URL(window.location.href);
    if (q.trim() === "") {
      url.searchParams.delete("q");
    } else {
      url.searchParams.set("q", q);
    }
    if (url.href !== window.location.href) {
      history[push ? "pushState" : "replaceState"](null, "", url.href);
    }
  }

  // Arrow keys move between the field and the results; Tab works as well.
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") {
      var l = links();
      if (l.length) {
        ev.preventDefault();
        l[0].focus();
      }
    }
  });
  list.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") {
      return;
    }
    var l = links();
    var i = l.indexOf(document.activeElement);
    if (i < 0) {
      return;
    }
    ev.preventDefault();
    if (ev.key === "ArrowDown") {
      (l[i + 1] || l[i]).focus();
    } else if (i === 0) {
      input.focus();
    } else {
      l[i - 1].focus();
    }
  });

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(false); }, 120);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    update(false);
    var l = links();
    if (l.length) {
      l[0].focus();
    }
  });
  window.addEventListener("popstate", function () {
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    if (index) {
      render(input.value);
    }
  });

  form.hidden = false;
  app.classList.add("is-ready");
  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = data.statusLoading || "";

  fetch(data.index, { credentials: "same-origin" }).then(function (res) {
    if (!res.ok) {
      throw new Error(res.status + " " + res.statusText);
    }
    return res.json();
  }).then(function (groups) {
    index = unfold(groups);
    app.classList.add("is-loaded");
    render(current());
  }).catch(function () {
    status.textContent = data.statusError || "";
  });
})();
