// NewsSearch workbench. The URL holds the whole state; every render reads it.
// Stored text is never trusted: the DOM is built with createElement and textContent only,
// and a URL becomes a link only when it is http(s).
"use strict";

const PAGE = 10;
const LIST_KEYS = ["source", "actor"];
const SCALAR_KEYS = ["q", "since", "until", "sort", "offset", "article"];

function readState() {
  const params = new URLSearchParams(location.search);
  const state = { source: params.getAll("source"), actor: params.getAll("actor") };
  for (const key of SCALAR_KEYS) state[key] = params.get(key) || "";
  return state;
}

function stateURL(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const key of LIST_KEYS) for (const value of state[key]) params.append(key, value);
  for (const key of ["since", "until"]) if (state[key]) params.set(key, state[key]);
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort);
  if (state.offset && state.offset !== "0") params.set("offset", state.offset);
  if (state.article) params.set("article", state.article);
  const text = params.toString();
  return "/" + (text ? "?" + text : "");
}

function go(change) {
  const state = Object.assign(readState(), { offset: "", article: "" }, change);
  history.pushState(null, "", stateURL(state));
  render();
}

// Text from the index shown as text: line breaks and tabs kept where the element wraps them,
// other control characters and bidi overrides made visible, so they cannot reorder or hide text.
function visible(text) {
  return String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => "\\u{" + c.codePointAt(0).toString(16) + "}");
}

function oneLine(text) {
  return visible(String(text).replace(/[\n\r\t]+/g, " "));
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

// replaceChildren writes a null child as the text "null"; an absent part is skipped instead.
function fill(node, ...children) {
  node.replaceChildren(...children.filter((child) => child != null));
}

// Text with `[start, end)` ranges counted in Unicode scalars (the JSON contract) wrapped in <mark>.
// JS strings index UTF-16 code units, so the text is split into code points first: an emoji or a
// CJK character outside the BMP is one scalar, two code units.
function highlighted(text, ranges, clean) {
  const points = Array.from(text);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > points.length) continue;
    fragment.append(clean(points.slice(at, start).join("")));
    fragment.append(el("mark", { text: clean(points.slice(start, end).join("")) }));
    at = end;
  }
  fragment.append(clean(points.slice(at).join("")));
  return fragment;
}

function safeLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank", text: oneLine(label) });
    }
  } catch (_) { /* not a URL: shown as text */ }
  return el("span", { class: "url-text", text: oneLine(label) });
}

function apiParams(state) {
  const params = new URLSearchParams();
  params.set("q", state.q);
  for (const key of LIST_KEYS) for (const value of state[key]) params.append(key, value);
  for (const key of ["since", "until"]) if (state[key]) params.set(key, state[key]);
  if (state.sort) params.set("sort", state.sort);
  params.set("limit", String(PAGE));
  if (state.offset) params.set("offset", state.offset);
  return params;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

let renderCount = 0;

async function render() {
  const state = readState();
  const ticket = ++renderCount;
  document.body.dataset.state = "loading";
  document.getElementById("q").value = state.q;
  document.getElementById("sort").value = state.sort || "relevance";
  const article = document.getElementById("article");
  const results = document.getElementById("results");
  const facets = document.getElementById("facets");
  try {
    if (state.article) {
      const url = "/api/articles/" + encodeURIComponent(state.article) + (state.q ? "?q=" + encodeURIComponent(state.q) : "");
      const data = await getJSON(url);
      if (ticket !== renderCount) return;
      results.hidden = true;
      facets.hidden = true;
      article.hidden = false;
      renderArticle(article, data, state);
      document.title = oneLine(data.title) + " · NewsSearch";
    } else {
      const data = await getJSON("/api/search?" + apiParams(state).toString());
      if (ticket !== renderCount) return;
      article.hidden = true;
      results.hidden = false;
      facets.hidden = false;
      renderResults(data, state);
      document.title = (state.q ? oneLine(state.q) + " · " : "") + "NewsSearch";
    }
  } catch (error) {
    if (ticket !== renderCount) return;
    article.hidden = true;
    results.hidden = false;
    document.getElementById("summary").replaceChildren(el("span", { class: "error", text: oneLine(error.message) }));
    document.getElementById("hits").replaceChildren();
  }
  document.body.dataset.state = "ready";
}

function renderResults(data, state) {
  renderChips(state);
  const start = Number(state.offset) || 0;
  const summary = document.getElementById("summary");
  const noun = data.total === 1 ? "article" : "articles";
  fill(summary,
    el("strong", { id: "total", text: data.total.toLocaleString("en") }),
    " " + noun + (data.query ? " for " : ""),
    data.query ? el("q", { text: oneLine(data.query) }) : null,
    " · " + data.took_ms + " ms");
  const notes = document.getElementById("notes");
  notes.replaceChildren();
  if (data.counted === "any" && data.total > 0) {
    notes.append(el("p", { class: "note", text: "No article has every word: these have some of them." }));
  }
  for (const suggestion of data.suggestions) {
    notes.append(el("p", { class: "note suggestion" }, "Did you mean ",
      el("a", { href: stateURL(Object.assign(readState(), { q: suggestion, offset: "", article: "" })),
        onclick: (e) => { e.preventDefault(); go({ q: suggestion }); }, text: oneLine(suggestion) }), "?"));
  }
  for (const warning of data.warnings) notes.append(el("p", { class: "note warning", text: "Note: " + oneLine(warning) }));

  const hits = document.getElementById("hits");
  hits.replaceChildren(...data.hits.map((hit) => renderHit(hit, state)));
  hits.start = start + 1;

  const pager = document.getElementById("pager");
  pager.replaceChildren();
  // Copies fold into one hit, so the pages count stories, not articles.
  const shown = data.total_clusters ?? data.total;
  if (shown > PAGE) {
    const last = Math.min(start + data.hits.length, shown);
    if (start > 0) pager.append(el("button", { type: "button", id: "prev", onclick: () => go({ q: state.q, offset: String(Math.max(0, start - PAGE)) }), text: "← Previous" }));
    pager.append(el("span", { text: (data.hits.length ? (start + 1) + "–" + last : "none") + " of " + shown + (shown < data.total ? " stories" : "") }));
    if (start + PAGE < shown) pager.append(el("button", { type: "button", id: "next", onclick: () => go({ offset: String(start + PAGE) }), text: "Next →" }));
  }
  renderHistogram(data.facets.date || [], state);
  renderList("source", (data.facets.source || []), state);
  renderList("actor", (data.facets.actor || []), state);
}

function articleURL(id, state) {
  return stateURL(Object.assign({}, state, { article: id }));
}

function renderHit(hit, state) {
  const link = el("a", { href: articleURL(hit.id, state), text: oneLine(hit.title || hit.id) });
  link.addEventListener("click", (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState({ fromResults: true }, "", link.getAttribute("href"));
    render();
    window.scrollTo(0, 0);
  });
  const meta = [hit.date || "undated", hit.source].concat(hit.actors.slice(0, 4)).map(oneLine).join(" · ");
  const item = el("li", { class: "hit" },
    el("h3", {}, link),
    el("div", { class: "meta", text: meta }),
    el("p", { class: "snippet" }, highlighted(hit.snippet, hit.highlights, oneLine)));
  if (hit.missing.length) item.append(el("div", { class: "missing", text: "missing: " + hit.missing.map(oneLine).join(", ") }));
  if (hit.copies && hit.copies.length) item.append(renderCopies(hit.copies, hit.source, state));
  return item;
}

// "also in 2 outlets: Kyodo (2025-04-11), The Japan Times (2025-04-12)", each a link to that copy;
// copies the hit's own outlet ran are counted as such (the CLI's wording).
function copiesLabel(copies, source) {
  const others = new Set(copies.filter((copy) => copy.source !== source).map((copy) => copy.source)).size;
  const same = copies.filter((copy) => copy.source === source).length;
  const sameText = same + (same === 1 ? " copy" : " copies") + " in the same outlet";
  if (!others) return "also " + sameText + ": ";
  return "also in " + others + (same ? " other" : "") + (others === 1 ? " outlet" : " outlets")
    + (same ? " and " + sameText : "") + ": ";
}

function renderCopies(copies, source, state) {
  const links = copies.map((copy) => {
    const link = el("a", { href: articleURL(copy.id, state), text: oneLine(copy.source) + " (" + oneLine(copy.date || "undated") + ")" });
    link.addEventListener("click", (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      history.pushState({ fromResults: true }, "", link.getAttribute("href"));
      render();
      window.scrollTo(0, 0);
    });
    return link;
  });
  const parts = [copiesLabel(copies, source)];
  links.forEach((link, index) => parts.push(index ? ", " : "", link));
  return el("div", { class: "copies" }, ...parts);
}

function renderChips(state) {
  const chips = document.getElementById("chips");
  chips.replaceChildren();
  for (const key of LIST_KEYS) {
    for (const value of state[key]) {
      chips.append(el("button", { type: "button", class: "chip", "data-facet": key, "aria-label": "Remove filter " + key + ": " + value,
        onclick: () => go({ [key]: state[key].filter((v) => v !== value) }), text: key + ": " + oneLine(value) }));
    }
  }
  if (state.since || state.until) {
    const label = state.since === state.until ? state.since : (state.since || "…") + " – " + (state.until || "…");
    chips.append(el("button", { type: "button", class: "chip", "data-facet": "date", "aria-label": "Remove date filter",
      onclick: () => go({ since: "", until: "" }), text: "date: " + oneLine(label) }));
  }
}

function renderList(facet, values, state) {
  const list = document.querySelector("#facet-" + facet + " ul");
  list.replaceChildren(...values.map((entry) => {
    const active = state[facet].some((v) => v.toLowerCase() === entry.value.toLowerCase());
    const toggled = active ? state[facet].filter((v) => v.toLowerCase() !== entry.value.toLowerCase()) : state[facet].concat([entry.value]);
    return el("li", {}, el("button", { type: "button", "aria-pressed": String(active), "data-value": entry.value,
      onclick: () => go({ [facet]: toggled }) },
      el("span", { class: "label" }, oneLine(entry.value), entry.type ? el("span", { class: "type", text: " " + entry.type }) : null),
      el("span", { class: "count", text: String(entry.count) })));
  }));
  document.getElementById("facet-" + facet).hidden = values.length === 0 && state[facet].length === 0;
}

// A bucket ("2025", "2025-04", "2025-04-10") is its own since/until value: every bound includes the
// whole period it names, as on the command line.
function renderHistogram(buckets, state) {
  const box = document.getElementById("histogram");
  const dated = buckets.filter((b) => b.value !== "unknown");
  box.replaceChildren();
  document.getElementById("facet-date").hidden = dated.length === 0;
  if (dated.length === 0) return;
  const NS = "http://www.w3.org/2000/svg";
  const width = 300, height = 90, axis = 14;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Articles by date");
  const peak = Math.max(...dated.map((b) => b.count), 1);
  const step = width / dated.length;
  // A bucket is selected when its period overlaps [since, until]: compare at the coarser precision.
  const cmp = (a, b) => { const n = Math.min(a.length, b.length); return a.slice(0, n).localeCompare(b.slice(0, n)); };
  const selected = (b) => (!state.since || cmp(b.value, state.since) >= 0) && (!state.until || cmp(b.value, state.until) <= 0);
  const anyFilter = state.since || state.until;
  const rects = dated.map((b, i) => {
    const h = Math.max(b.count > 0 ? 2 : 0, (b.count / peak) * (height - axis - 4));
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("x", String(i * step + step * 0.1));
    rect.setAttribute("width", String(Math.max(step * 0.8, 0.5)));
    rect.setAttribute("y", String(height - axis - h));
    rect.setAttribute("height", String(h));
    rect.setAttribute("class", "bar" + (anyFilter && selected(b) ? " selected" : ""));
    rect.setAttribute("tabindex", "0");
    rect.setAttribute("role", "button");
    rect.setAttribute("data-value", b.value);
    rect.setAttribute("aria-label", b.value + ": " + b.count);
    const title = document.createElementNS(NS, "title");
    title.textContent = b.value + ": " + b.count;
    rect.append(title);
    rect.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go({ since: b.value, until: b.value }); } });
    svg.append(rect);
    return rect;
  });
  for (const [label, anchor, x] of [[dated[0].value, "start", 0], [dated[dated.length - 1].value, "end", width]]) {
    const text = document.createElementNS(NS, "text");
    text.setAttribute("x", String(x));
    text.setAttribute("y", String(height - 2));
    text.setAttribute("text-anchor", anchor);
    text.setAttribute("class", "axis");
    text.textContent = label;
    svg.append(text);
  }
  let from = null;
  // Pointer position in the chart's own coordinates (the viewBox is scaled and centred in the box).
  const indexAt = (event) => {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const x = point.matrixTransform(svg.getScreenCTM().inverse()).x;
    return Math.min(dated.length - 1, Math.max(0, Math.floor(x / step)));
  };
  const paint = (a, b) => rects.forEach((r, i) => r.classList.toggle("brushing", i >= Math.min(a, b) && i <= Math.max(a, b)));
  svg.addEventListener("pointerdown", (e) => { from = indexAt(e); paint(from, from); svg.setPointerCapture(e.pointerId); e.preventDefault(); });
  svg.addEventListener("pointermove", (e) => { if (from !== null) paint(from, indexAt(e)); });
  svg.addEventListener("pointerup", (e) => {
    if (from === null) return;
    const to = indexAt(e);
    const [a, b] = [Math.min(from, to), Math.max(from, to)];
    from = null;
    go({ since: dated[a].value, until: dated[b].value });
  });
  svg.addEventListener("pointercancel", () => { from = null; paint(-1, -1); });
  box.append(svg);
  const unknown = buckets.find((b) => b.value === "unknown");
  if (unknown) box.append(el("div", { class: "hint", text: "undated: " + unknown.count }));
}

function renderArticle(node, data, state) {
  const back = el("a", { href: stateURL(Object.assign({}, state, { article: "" })), id: "back", text: "← Results" });
  back.addEventListener("click", (e) => {
    e.preventDefault();
    // Opened from the results: going back restores them (and their scroll); opened from a shared link: up to them.
    if (history.state && history.state.fromResults) history.back();
    else go({ article: "" });
  });
  const highlights = data.highlights || { title: [], body: [] };
  const meta = el("dl");
  const add = (term, value) => { if (value != null && value !== "") meta.append(el("dt", { text: term }), el("dd", {}, value)); };
  add("Date", data.date || "undated");
  add("Source", el("span", { text: oneLine(data.source) }));
  if (data.authors.length) add("By", el("span", { text: data.authors.map(oneLine).join(", ") }));
  if (data.url) add("URL", safeLink(data.url, data.url));
  add("Id", el("span", { text: oneLine(data.id) }));
  for (const [key, value] of Object.entries(data.metadata)) add(oneLine(key), el("span", { text: oneLine(value) }));
  if (data.copies && data.copies.length) {
    // Each copy's length against this article's: "+30" longer, "−180" shorter.
    add("Copies", el("ul", { class: "copies" }, ...data.copies.map((copy) => {
      const difference = copy.length_difference === 0 ? "same length"
        : (copy.length_difference > 0 ? "+" : "−") + Math.abs(copy.length_difference);
      return el("li", {}, el("a", { href: articleURL(copy.id, state), text: oneLine(copy.source) + " (" + oneLine(copy.date || "undated") + ")" }),
        " " + copy.characters + " characters (" + difference + ")");
    })));
  }
  const actors = el("ul", { class: "actors" }, ...data.actors.map((actor) => {
    const target = { q: state.q, actor: [actor.name], source: [], since: "", until: "", article: "" };
    const link = el("a", { href: stateURL(Object.assign({}, state, target)), title: actor.type + ", " + actor.mentions + " mentions", text: oneLine(actor.name) });
    link.addEventListener("click", (e) => { e.preventDefault(); go(target); });
    return el("li", {}, link);
  }));
  fill(node,
    el("p", {}, back),
    el("h1", {}, highlighted(data.title, highlights.title, oneLine)),
    meta,
    data.actors.length ? el("h2", { class: "visually-hidden", text: "Actors" }) : null,
    actors,
    el("div", { class: "body" }, highlighted(data.body, highlights.body, visible)),
    removedSection(data.removed));
}

// What ingestion took out of the article (ads, share bars, page chrome…), collapsed: it is for
// checking the cleaning, not for reading. null: indexed before the index kept it.
function removedSection(removed) {
  const box = el("details", { id: "removed" });
  if (!removed) {
    box.append(el("summary", { text: "What ingestion removed: not recorded for this article" }),
      el("p", { class: "hint", text: "It was indexed before the index kept removed lines; `search index --rebuild` records them." }));
    return box;
  }
  const total = removed.lines.length + removed.omitted;
  box.append(el("summary", { text: "What ingestion removed: " + (total === 0 ? "nothing" : total + (total === 1 ? " line" : " lines")) }));
  if (removed.lines.length) {
    box.append(el("ol", {}, ...removed.lines.map((line) =>
      el("li", {}, el("span", { class: "reason", text: oneLine(line.reason) }), " ", el("span", { class: "removed-text", text: oneLine(line.text) })))));
  }
  if (removed.omitted > 0) box.append(el("p", { class: "hint", text: "… and " + removed.omitted + " more, not kept by the index." }));
  return box;
}

window.addEventListener("popstate", render);
document.addEventListener("keydown", (e) => {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
  if (e.key === "/" && !typing) { e.preventDefault(); const q = document.getElementById("q"); q.focus(); q.select(); }
});
document.getElementById("search").addEventListener("submit", (e) => {
  e.preventDefault();
  const state = readState();
  go({ q: document.getElementById("q").value, sort: document.getElementById("sort").value, source: state.source, actor: state.actor, since: state.since, until: state.until });
});
document.getElementById("sort").addEventListener("change", (e) => go({ sort: e.target.value }));
render();
