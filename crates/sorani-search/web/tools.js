// Text tools page: posts the text to /api/analyze and /api/spell and shows each result.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  function show(id, value, missing) {
    $(id).textContent = value == null ? missing : value;
  }
  async function post(path, body) {
    const r = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await r.json();
    if (!r.ok) throw new Error(data.error.message);
    return data;
  }
  // The text with each spelling finding marked (its title lists the
  // suggestions), and a row per finding. Findings give UTF-8 byte offsets,
  // so the text is cut as bytes. A word typed on a legacy keyboard or in a
  // legacy font is a `typing` finding (its suggestion is the word restored);
  // one still unknown once restored has a spelling finding at the same
  // place too, which gets a row but no second mark.
  function showSpelling(text, spell) {
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const out = $("spelled");
    const rows = $("spell-findings").querySelector("tbody");
    out.textContent = "";
    rows.textContent = "";
    let pos = 0, errors = 0, warnings = 0, typing = 0;
    for (const f of spell.findings) {
      const cls = f.kind === "typing" ? "typing" : f.severity;
      const words = f.suggestions.slice(0, 5).map((s) => s.word).join("، ");
      if (f.start >= pos) {
        out.append(dec.decode(bytes.slice(pos, f.start)));
        const m = document.createElement("mark");
        m.className = cls;
        m.textContent = dec.decode(bytes.slice(f.start, f.end));
        m.title = words || "هیچ پێشنیارێک نییە";
        out.append(m);
        pos = f.end;
      }
      if (cls === "typing") typing++; else if (cls === "error") errors++; else warnings++;
      const tr = document.createElement("tr");
      tr.className = cls;
      for (const v of [f.word, words || "—", f.applied ? "بەڵێ" : "نەخێر"]) {
        const td = document.createElement("td"); td.textContent = v; tr.appendChild(td);
      }
      rows.appendChild(tr);
    }
    out.append(dec.decode(bytes.slice(pos)));
    $("spell-findings").hidden = !rows.children.length;
    let note = errors || warnings
      ? errors + " هەڵە، " + warnings + " وشەی نەناسراو"
      : "هیچ هەڵەیەکی ڕێنووس نەدۆزرایەوە";
    if (typing) {
      note += ". " + typing + " وشە بە کیبۆرد یان فۆنتێکی کۆن نووسراون؛ ڕێنووسیان وەک چاککراوەکەیان پشکنرا";
    }
    $("spell-note").textContent = note;
    $("fixed").textContent = spell.fixed;
  }
  $("tools-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    $("status").textContent = "…";
    $("status").className = "status";
    const text = $("text").value;
    let data, spell;
    try {
      [data, spell] = await Promise.all([
        post("/api/analyze", { text, analyzer: $("analyzer").value }),
        post("/api/spell", { text, fix: true }),
      ]);
    } catch (e) { $("status").textContent = e.message; $("status").className = "status error"; return; }
    $("status").textContent = "";
    const na = "(ئەم ئامرازە لەم وەشانەدا بەردەست نییە)";
    show("normalized", data.normalized, na);
    show("search-normalized", data.search_normalized, na);
    show("restored", data.restored, na);
    show("translit", data.translit, na);
    // Lines typed on a legacy keyboard or in a legacy font are judged as
    // restored by the server, with findings on the words as typed.
    showSpelling(text, spell);
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
