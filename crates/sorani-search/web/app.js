// Search page: reads the form, calls /api/search, renders highlighted hits.
// The server escapes every snippet and title and only adds <mark> tags, so
// their HTML can be inserted as is.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const PAGE = 10;
  const digits = (n) => String(n).replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[d]);

  function params() {
    return new URLSearchParams(location.search);
  }

  function formToParams(page) {
    const p = new URLSearchParams();
    const q = $("q").value.trim();
    if (q) p.set("q", q);
    for (const k of ["source", "from", "to"]) if ($(k).value) p.set(k, $(k).value);
    if (!$("variants").checked) p.set("variants", "false");
    if ($("fuzzy").value !== "auto") p.set("fuzzy", $("fuzzy").value);
    if (page > 1) p.set("page", String(page));
    return p;
  }

  function fillForm(p) {
    $("q").value = p.get("q") || "";
    for (const k of ["source", "from", "to"]) $(k).value = p.get(k) || "";
    $("variants").checked = p.get("variants") !== "false";
    $("fuzzy").value = p.get("fuzzy") || "auto";
    if (p.get("source") || p.get("from") || p.get("to")) $("filters").open = true;
  }

  function status(text, isError) {
    $("status").textContent = text;
    $("status").className = "status" + (isError ? " error" : "");
  }

  async function run(p) {
    const page = Math.max(1, parseInt(p.get("page") || "1", 10) || 1);
    const api = new URLSearchParams(p);
    api.delete("page");
    api.set("limit", String(PAGE));
    api.set("offset", String((page - 1) * PAGE));
    if (!p.get("q")) { $("results").innerHTML = ""; $("pager").innerHTML = ""; status(""); return; }
    status("…");
    let data;
    try {
      const r = await fetch("/api/search?" + api.toString());
      data = await r.json();
      if (!r.ok) { status(data.error ? data.error.message : "هەڵە", true); return; }
    } catch (e) { status("پەیوەندی بە ڕاژەکارەوە نەکرا: " + e, true); return; }
    status(data.total === 0 ? "هیچ ئەنجامێک نەدۆزرایەوە." :
      digits(data.total) + (data.total_exact ? "" : "+") + " ئەنجام (" + digits(data.took_ms.toFixed(1)) + " میلیچرکە)");
    if (data.did_you_mean) showDidYouMean(data.did_you_mean);
    const ol = $("results");
    ol.innerHTML = "";
    for (const h of data.hits) {
      const li = document.createElement("li");
      li.className = "hit";
      li.dataset.id = h.id;
      const h3 = document.createElement("h3");
      const a = document.createElement("a");
      a.href = "/api/doc/" + encodeURIComponent(h.id);
      a.innerHTML = h.title_html || h.id;
      a.addEventListener("click", (ev) => { ev.preventDefault(); toggleDoc(li, h.id); });
      h3.appendChild(a);
      const meta = document.createElement("div");
      meta.className = "meta";
      for (const v of [h.source, h.date, h.id]) if (v) {
        const s = document.createElement("span");
        s.textContent = v;
        if (v !== h.source) s.dir = "ltr"; // dates and ids read left to right
        meta.appendChild(s);
      }
      const snip = document.createElement("p");
      snip.className = "snippet";
      snip.innerHTML = h.snippet_html;
      li.append(h3, meta, snip);
      ol.appendChild(li);
    }
    const pages = Math.min(Math.ceil(data.total / PAGE), 100);
    const nav = $("pager");
    nav.innerHTML = "";
    if (pages > 1) {
      for (let i = Math.max(1, page - 4); i <= Math.min(pages, page + 5); i++) {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = digits(i);
        if (i === page) b.setAttribute("aria-current", "page");
        b.addEventListener("click", () => go(i));
        nav.appendChild(b);
      }
    }
  }

  // "Did you mean …?": the query with its misspelt words corrected, which
  // finds more documents; following it searches again.
  function showDidYouMean(d) {
    const span = document.createElement("span");
    span.className = "did-you-mean";
    const a = document.createElement("a");
    a.href = "/?" + new URLSearchParams({ q: d.query }).toString();
    a.textContent = d.query;
    a.addEventListener("click", (ev) => { ev.preventDefault(); $("q").value = d.query; go(1); });
    span.append(" ئایا مەبەستت ", a, " بوو؟ (" + digits(d.total) + " ئەنجام)");
    $("status").append(span);
  }

  async function toggleDoc(li, id) {
    const open = li.querySelector(".doc");
    if (open) { open.remove(); return; }
    const r = await fetch("/api/doc/" + encodeURIComponent(id));
    const d = await r.json();
    const div = document.createElement("div");
    div.className = "doc";
    div.textContent = r.ok ? d.body : (d.error ? d.error.message : "هەڵە");
    li.appendChild(div);
  }

  function go(page) {
    const p = formToParams(page);
    history.pushState(null, "", "/?" + p.toString());
    run(p);
  }

  async function loadMeta() {
    try {
      const h = await (await fetch("/api/health")).json();
      $("collection").textContent = h.collection + " — " + digits(h.docs) + " بەڵگەنامە";
      const s = await (await fetch("/api/sources")).json();
      const sel = $("source");
      const want = params().get("source") || "";
      for (const x of s.sources) {
        const o = document.createElement("option");
        o.value = x.source; o.textContent = x.source + " (" + digits(x.docs) + ")";
        sel.appendChild(o);
      }
      sel.value = want;
    } catch (e) { /* the search still works */ }
  }

  $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); go(1); });
  for (const k of ["source", "from", "to", "variants", "fuzzy"]) $(k).addEventListener("change", () => { if ($("q").value.trim()) go(1); });
  window.addEventListener("popstate", () => { fillForm(params()); run(params()); });
  fillForm(params());
  loadMeta().then(() => run(params()));
  $("q").focus();
})();
