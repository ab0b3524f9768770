// GradientLab's small browser helpers. Every call fails soft: a missing feature never stops a page.
window.gradientLab = {
  // Keyboard shortcuts for the playback pages: space play/pause, → step, ← step back, r reset.
  // Keys typed into form fields are left alone; handled keys do not also press the focused button.
  bindKeys(dotnet) {
    const handler = (e) => {
      const tag = (e.target && e.target.tagName) || "";
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (e.target && e.target.isContentEditable) || e.ctrlKey || e.metaKey || e.altKey) return;
      // A focused view that handles its own keys (the 3-D surface turns with the arrows) keeps them.
      if (e.target && e.target.closest && e.target.closest("[data-own-keys]")) return;
      const key = e.key === " " ? "space" : e.key === "ArrowRight" ? "right" : e.key === "ArrowLeft" ? "left" : (e.key === "r" || e.key === "R") ? "r" : null;
      if (!key) return;
      e.preventDefault();
      dotnet.invokeMethodAsync("OnKey", key).catch(() => {});
    };
    document.addEventListener("keydown", handler);
    return { dispose: () => document.removeEventListener("keydown", handler) };
  },
  unbindKeys(binding) { try { if (binding) binding.dispose(); } catch { /* the page is going anyway */ } },
  // Says that the lab is interactive: the browser tests (and anyone scripting the page) wait for this attribute.
  markInteractive() {
    if (window.gradientLabInteractiveAt === undefined) window.gradientLabInteractiveAt = performance.now();
    document.documentElement.setAttribute("data-interactive", "true");
  },
  // Figures are laid out for the pixel width they get: reports the width of the first element matching the selector
  // now and whenever the window (and so the page's grid) changes size.
  watchWidth(dotnet, selector) {
    let last = -1, pending = false;
    const report = () => {
      pending = false;
      const el = document.querySelector(selector);
      if (!el) return;
      const style = getComputedStyle(el);
      const width = Math.floor(el.clientWidth - parseFloat(style.paddingLeft || "0") - parseFloat(style.paddingRight || "0"));
      if (width > 0 && width !== last) { last = width; dotnet.invokeMethodAsync("OnFigureWidth", width).catch(() => {}); }
    };
    const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
    let observer = null;
    try { observer = new ResizeObserver(schedule); observer.observe(document.documentElement); } catch { window.addEventListener("resize", schedule); }
    schedule();
    return { measure: schedule, dispose: () => { if (observer) observer.disconnect(); else window.removeEventListener("resize", schedule); } };
  },
  // The same for one element (a figure's frame): its content width now and whenever it changes.
  watchElementWidth(dotnet, element) {
    let last = -1, pending = false;
    const report = () => {
      pending = false;
      if (!element || !element.isConnected) return;
      const width = Math.floor(element.clientWidth);
      if (width > 0 && width !== last) { last = width; dotnet.invokeMethodAsync("OnFigureWidth", width).catch(() => {}); }
    };
    const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
    let observer = null;
    try { observer = new ResizeObserver(schedule); observer.observe(element); } catch { window.addEventListener("resize", schedule); }
    schedule();
    return { measure: schedule, dispose: () => { if (observer) observer.disconnect(); else window.removeEventListener("resize", schedule); } };
  },
  measure(watch) { try { if (watch) watch.measure(); } catch { /* optional */ } },
  unwatch(watch) { try { if (watch) watch.dispose(); } catch { /* the page is going anyway */ } },
  // Hands the browser a moment between slices of a long computation, so the page keeps responding.
  nextFrame() { return new Promise(resolve => setTimeout(resolve, 0)); },
  // The learner's progress in local storage: null (or false) where storage is off, full or forbidden.
  storageGet(key) { try { return window.localStorage.getItem(key); } catch { return null; } },
  storageSet(key, value) { try { window.localStorage.setItem(key, value); return true; } catch { return false; } },
  storageRemove(key) { try { window.localStorage.removeItem(key); return true; } catch { return false; } },
  // Hands a text to the browser as a downloaded file (the progress export).
  download(fileName, text, type) {
    try {
      const url = URL.createObjectURL(new Blob([text], { type: type || "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.rel = "noopener";
      link.style.display = "none";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      return true;
    } catch { return false; }
  },
  // The challenge's editor: Tab indents (two spaces) instead of leaving the field; Shift+Tab leaves it, and so does Tab
  // right after Escape (the usual way out of an editor that keeps Tab). The edit is announced as input, so Blazor's
  // binding sees it, and the browser's undo keeps working where execCommand is available.
  bindEditor(textarea) {
    if (!textarea) return null;
    let escaped = false;
    const handler = (e) => {
      if (e.key === "Escape") { escaped = true; return; }
      if (e.key !== "Tab" || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) { if (e.key !== "Shift") escaped = false; return; }
      if (escaped) { escaped = false; return; }
      e.preventDefault();
      const indent = "  ";
      let done = false;
      try { done = document.execCommand("insertText", false, indent); } catch { done = false; }
      if (!done) {
        const start = textarea.selectionStart, end = textarea.selectionEnd;
        textarea.setRangeText(indent, start, end, "end");
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      }
    };
    textarea.addEventListener("keydown", handler);
    return { dispose: () => textarea.removeEventListener("keydown", handler) };
  },
  unbindEditor(binding) { try { if (binding) binding.dispose(); } catch { /* the page is going anyway */ } },
  focus(element) { try { if (element) element.focus(); } catch { /* optional */ } }
};

// The reorder exercise: a drag needs data to start in every browser (Firefox); Blazor's handlers do the rest.
document.addEventListener("dragstart", (e) => {
  const step = e.target && e.target.closest && e.target.closest("[data-step-id]");
  if (!step || !e.dataTransfer) return;
  try { e.dataTransfer.setData("text/plain", step.getAttribute("data-step-id") || ""); e.dataTransfer.effectAllowed = "move"; } catch { /* optional */ }
});

// A view that handles the arrow keys (the 3-D surface turns, a reorder step moves) keeps them, and Home and End, from
// scrolling the page (its own handler still receives them). A text field inside such a view keeps its caret keys.
document.addEventListener("keydown", (e) => {
  const target = e.target;
  if (!e.key || !target || !target.closest || !target.closest("[data-own-keys]")) return;
  const tag = target.tagName || "";
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) return;
  if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") e.preventDefault();
}, true);

// Offline after the first visit: the published site's service worker caches every file (not on localhost in development).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("service-worker.js").catch(() => { /* the lab works without it, online */ });
}
