/* Warta: suggestions under the search box as you type (GET /suggest). The box is a plain GET
   form and works without this script. Choosing a person, organisation or place goes to the
   results filtered on it (the words typed before it stay the query); choosing a word completes
   the word being typed. Keyboard: arrows move, Enter chooses, Escape closes. */
(function () {
  "use strict";

  var input = document.getElementById("q");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var list = document.createElement("ul");
  list.id = "q-suggestions";
  list.className = "q-suggestions";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  /* the page names the kinds in its own language: <form data-kinds='{"person": ...}'> */
  var KIND_LABEL = form.dataset.kinds ? JSON.parse(form.dataset.kinds) : {};
  var items = [];
  var active = -1;
  var timer = null;
  var asked = "";

  function kindLabel(kind) {
    return KIND_LABEL[kind] || kind;
  }

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function before(s) {
    /* the typed text without the part the suggestion stands for */
    var text = input.value.replace(/\s+$/, "");
    var cut = text.length - s.completes.length;
    if (cut >= 0 && text.slice(cut).toLowerCase() === s.completes) {
      return text.slice(0, cut).replace(/\s+$/, "");
    }
    return text;
  }

  function choose(i) {
    var s = items[i];
    if (!s) { return; }
    if (s.kind === "word") {
      var head = before(s);
      input.value = (head ? head + " " : "") + s.value + " ";
      close();
      input.focus();
      return;
    }
    var params = new URLSearchParams(new FormData(form));
    params.set("q", before(s));
    if (!params.get("q")) { params.delete("q"); }
    params.append(s.kind, s.value);
    params.delete("page");
    window.location.assign("/?" + params.toString());
  }

  function paint() {
    for (var i = 0; i < list.children.length; i++) {
      var on = i === active;
      list.children[i].setAttribute("aria-selected", on ? "true" : "false");
      list.children[i].classList.toggle("active", on);
    }
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", list.children[active].id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(found, prefix) {
    list.innerHTML = "";
    list.dataset.prefix = prefix;  /* what the options complete (a test waits on it) */
    items = found;
    active = -1;
    found.forEach(function (s, i) {
      var li = document.createElement("li");
      li.id = "q-suggestion-" + i;
      li.setAttribute("role", "option");
      li.dataset.kind = s.kind;
      li.title = s.value;
      var value = document.createElement("span");
      value.className = "q-suggestion-value";
      value.textContent = s.value;  /* text, never HTML */
      var meta = document.createElement("span");
      meta.className = "q-suggestion-meta";
      meta.textContent = kindLabel(s.kind) + " · " + s.count.toLocaleString(document.documentElement.lang || "id");
      li.appendChild(value);
      li.appendChild(meta);
      li.addEventListener("mousedown", function (event) {
        event.preventDefault();  /* keep focus in the box */
        choose(i);
      });
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
  }

  function ask() {
    var prefix = input.value.trim();
    if (prefix.length < 2) { close(); return; }
    if (prefix === asked) { return; }
    asked = prefix;
    fetch("/suggest?size=8&prefix=" + encodeURIComponent(prefix),
          { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (body) {
        var found = body.suggestions || [];
        if (!found.length) { asked = ""; }  /* ask again on the next keystroke */
        if (input.value.trim() === prefix) { show(found, prefix); }
      })
      .catch(function () { close(); });
  }

  input.addEventListener("input", function () {
    asked = input.value.trim() === asked ? asked : "";
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var n = items.length;
      active = event.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n;
      paint();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
}());
