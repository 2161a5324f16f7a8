"use strict";
// Follows the preview: at each version the server announces on /events,
// fetch /problems, list them, and swap in the new page images once they
// have loaded, so that the page never flashes blank.
(() => {
  const body = document.body;
  const pagesEl = document.getElementById("pages");
  const problemsEl = document.getElementById("problems");
  const statusEl = document.getElementById("status");
  let shown = Number(body.dataset.version); // the version whose problems are listed
  let good = Number(body.dataset.good);     // the version of the images shown
  let wanted = shown;
  let busy = false;

  // The server words the status line, in the reader's language.
  function status(s) {
    statusEl.textContent = s.status;
    statusEl.className = s.stale ? "stale" : "";
  }

  function listProblems(s) {
    problemsEl.replaceChildren(...s.problems.map((p) => {
      const li = document.createElement("li");
      li.className = p.severity;
      li.textContent = p.text;
      return li;
    }));
  }

  async function loadImages(s) {
    const imgs = await Promise.all(Array.from({ length: s.pages }, async (_, i) => {
      const img = new Image();
      img.alt = "page " + (i + 1);
      img.src = "/page/" + (i + 1) + "?v=" + s.good;
      await img.decode();
      return img;
    }));
    pagesEl.replaceChildren(...imgs);
  }

  async function show(s) {
    if (s.good !== good && s.good !== 0) {
      await loadImages(s);
      good = s.good;
    }
    for (const img of pagesEl.querySelectorAll("img")) img.className = s.stale ? "stale" : "";
    listProblems(s);
    status(s);
    // A draft has a PDF, marked on every page, but no XLSX.
    for (const a of document.querySelectorAll("a.download")) {
      a.setAttribute("aria-disabled", String(s.good === 0 || s.draft && a.dataset.format === "xlsx"));
    }
    shown = s.version;
    body.dataset.good = String(good);
    body.dataset.version = String(shown);
  }

  // pull brings the page up to the latest version; one at a time, and a
  // version announced meanwhile is fetched next.
  async function pull() {
    if (busy) return;
    busy = true;
    try {
      while (wanted !== shown) {
        const res = await fetch("/problems", { cache: "no-store" });
        if (!res.ok) throw new Error("/problems: " + res.status);
        const s = await res.json();
        await show(s);
        // The server publishes a version before announcing it, so this
        // is at least the one wanted; a later one may have come since.
        wanted = Math.max(wanted, s.version);
      }
    } catch (err) {
      // An image replaced while loading, or the server restarting: try
      // again shortly; the next event will also do.
      statusEl.textContent = "reloading… (" + err.message + ")";
      setTimeout(pull, 250);
    } finally {
      busy = false;
    }
  }

  const events = new EventSource("/events");
  events.onmessage = (e) => {
    const v = Number(e.data);
    // A restarted preview counts from 1 again: follow it.
    wanted = v;
    if (v < shown) shown = -1;
    pull();
  };
})();
