/* Warta: small enhancements of server-rendered pages. Every state is still a GET URL that
   the server renders; this script only gets there in fewer clicks:
   - ticking a facet checkbox submits the filter form at once (no "Apply" button needed);
   - dragging across timeline bars selects a date range;
   - facet search boxes suggest values as you type (GET /entities). */
(function () {
  "use strict";

  var FOCUS_KEY = "warta-focus";

  function navigate(url) {
    window.location.assign(url);
  }

  /* -- facet checkboxes ------------------------------------------------------------------ */

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox" || !box.form ||
        box.form.id !== "facet-form") {
      return;
    }
    try {
      sessionStorage.setItem(FOCUS_KEY, JSON.stringify([box.name, box.value]));
    } catch (e) { /* storage may be unavailable: focus is a nicety */ }
    box.form.submit();
  });

  function restoreFocus() {
    var saved;
    try {
      saved = sessionStorage.getItem(FOCUS_KEY);
      sessionStorage.removeItem(FOCUS_KEY);
    } catch (e) {
      return;
    }
    if (!saved) { return; }
    var pair = JSON.parse(saved);
    var boxes = document.querySelectorAll("input[type=checkbox][form=facet-form]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].name === pair[0] && boxes[i].value === pair[1]) {
        boxes[i].focus({ preventScroll: false });
        return;
      }
    }
  }

  /* -- timeline: drag to select a range ---------------------------------------------------- */

  function setupTimeline(container) {
    var bars = Array.prototype.slice.call(container.querySelectorAll(".bar"));
    var start = -1;
    var end = -1;
    var dragged = false;

    function indexOf(target) {
      var el = target instanceof Element ? target.closest(".bar") : null;
      return el ? bars.indexOf(el) : -1;
    }

    function paint() {
      var lo = Math.min(start, end);
      var hi = Math.max(start, end);
      bars.forEach(function (bar, i) {
        bar.classList.toggle("in-range", start >= 0 && i >= lo && i <= hi);
      });
    }

    container.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      var i = indexOf(event.target);
      if (i < 0) { return; }
      start = end = i;
      dragged = false;
      container.classList.add("dragging");
      paint();
      event.preventDefault();
    });

    container.addEventListener("pointermove", function (event) {
      if (start < 0) { return; }
      var hit = document.elementFromPoint(event.clientX, event.clientY);
      var i = indexOf(hit);
      if (i >= 0 && i !== end) {
        end = i;
        dragged = dragged || end !== start;
        paint();
      }
    });

    function finish(commit) {
      if (start < 0) { return; }
      var lo = bars[Math.min(start, end)];
      var hi = bars[Math.max(start, end)];
      var wasDrag = dragged;
      start = end = -1;
      container.classList.remove("dragging");
      if (!commit || !wasDrag) {
        paint();
        return; // a plain click: the bar's own link (if any) handles it
      }
      var url = new URL(container.dataset.rangeUrl, window.location.href);
      url.searchParams.set("from", lo.dataset.from);
      url.searchParams.set("to", hi.dataset.to);
      container.dataset.suppressClick = "1";
      navigate(url.pathname + url.search);
    }

    window.addEventListener("pointerup", function () { finish(true); });
    window.addEventListener("pointercancel", function () { finish(false); });
    container.addEventListener("click", function (event) {
      if (container.dataset.suppressClick) {
        event.preventDefault();
        delete container.dataset.suppressClick;
      }
    });
  }

  /* -- facet value search: live suggestions ------------------------------------------------ */

  function addFilterUrl(facet, value) {
    var url = new URL(window.location.href);
    var params = url.searchParams;
    params.delete("page");
    params.delete("fq");
    params.delete("fq_type");
    if (params.getAll(facet).indexOf(value) < 0) {
      params.append(facet, value);
    }
    return url.pathname + "?" + params.toString();
  }

  function setupFacetSearch(form) {
    var facet = form.dataset.facet;
    var input = form.querySelector("input[name=fq]");
    var list = form.querySelector(".suggestions");
    if (!facet || !input || !list) { return; }
    var timer = 0;
    var serial = 0;

    function render(values, prefix) {
      list.textContent = "";
      if (!values.length) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = (form.dataset.none || "No matches for") + " “" + prefix + "”.";
        list.appendChild(none);
        return;
      }
      values.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = addFilterUrl(facet, item.value);
        a.title = item.value;  /* the full value where the name is cut short */
        var name = document.createElement("span");
        name.className = "facet-value";
        name.textContent = item.value;
        var count = document.createElement("span");
        count.className = "facet-count";
        count.textContent = item.count.toLocaleString(document.documentElement.lang || "id");
        a.appendChild(name);
        a.appendChild(document.createTextNode(" "));
        a.appendChild(count);
        li.appendChild(a);
        list.appendChild(li);
      });
    }

    function lookup() {
      var prefix = input.value.trim();
      var mine = ++serial;
      if (!prefix) {
        list.textContent = "";
        return;
      }
      var url = "/entities?" + new URLSearchParams({ type: facet, prefix: prefix, size: "8" });
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { values: [] }; })
        .then(function (data) {
          if (mine === serial) { render(data.values || [], prefix); }
        })
        .catch(function () { /* the form still submits without suggestions */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, 150);
    });
    input.addEventListener("keydown", function (event) {
      var first = list.querySelector("a");
      if (event.key === "ArrowDown" && first) {
        event.preventDefault();
        first.focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (i < 0) { return; }
      if (event.key === "ArrowDown" && i + 1 < links.length) {
        event.preventDefault();
        links[i + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (i > 0 ? links[i - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
      }
    });
  }

  /* Back/forward may show a page from the back-forward cache as it was left (a box just
     ticked): put every control back to what the server rendered for this URL. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("input[type=checkbox][form=facet-form]").forEach(function (box) {
      box.checked = box.defaultChecked;
    });
    document.querySelectorAll(".bars .in-range").forEach(function (bar) {
      bar.classList.remove("in-range");
    });
  });

  function init() {
    document.querySelectorAll(".bars[data-range-url]").forEach(setupTimeline);
    document.querySelectorAll("form.facet-search[data-facet]").forEach(setupFacetSearch);
    restoreFocus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
