// Text tools page: posts the text to /api/analyze and shows each result.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  function show(id, value, missing) {
    $(id).textContent = value == null ? missing : value;
  }
  $("tools-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    $("status").textContent = "…";
    $("status").className = "status";
    let data;
    try {
      const r = await fetch("/api/analyze", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: $("text").value, analyzer: $("analyzer").value }),
      });
      data = await r.json();
      if (!r.ok) { $("status").textContent = data.error.message; $("status").className = "status error"; return; }
    } catch (e) { $("status").textContent = String(e); $("status").className = "status error"; return; }
    $("status").textContent = "";
    const na = "(ئەم ئامرازە لەم وەشانەدا بەردەست نییە)";
    show("normalized", data.normalized, na);
    show("search-normalized", data.search_normalized, na);
    show("restored", data.restored, na);
    show("translit", data.translit, na);
    const tb = $("terms").querySelector("tbody");
    tb.innerHTML = "";
    for (const t of data.terms) {
      const tr = document.createElement("tr");
      for (const v of [t.original, t.term, t.start + "–" + t.end]) { const td = document.createElement("td"); td.textContent = v; tr.appendChild(td); }
      tb.appendChild(tr);
    }
    $("out").hidden = false;
  });
  const p = new URLSearchParams(location.search);
  if (p.get("text")) { $("text").value = p.get("text"); $("tools-form").requestSubmit(); }
})();
