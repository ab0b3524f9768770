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
      const key = e.key === " " ? "space" : e.key === "ArrowRight" ? "right" : e.key === "ArrowLeft" ? "left" : (e.key === "r" || e.key === "R") ? "r" : (e.key === "+" || e.key === "=") ? "plus" : (e.key === "-" || e.key === "_") ? "minus" : null;
      if (!key) return;
      e.preventDefault();
      dotnet.invokeMethodAsync("OnKey", key).catch(() => {});
    };
    document.addEventListener("keydown", handler);
    return { dispose: () => document.removeEventListener("keydown", handler) };
  },
  // The layout's own keys: P toggles presenting mode and Escape leaves it (never while typing or reordering).
  bindLayoutKeys(dotnet) {
    const handler = (e) => {
      const tag = (e.target && e.target.tagName) || "";
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (e.target && e.target.isContentEditable) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target && e.target.closest && e.target.closest("[data-own-keys]")) return;
      const key = (e.key === "p" || e.key === "P") ? "p" : e.key === "Escape" ? "escape" : null;
      if (!key) return;
      dotnet.invokeMethodAsync("OnLayoutKey", key).catch(() => {});
    };
    document.addEventListener("keydown", handler);
    return { dispose: () => document.removeEventListener("keydown", handler) };
  },
  // Copies text to the clipboard; false where the browser refuses (the page then shows the text to copy by hand).
  async copy(text) {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
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
  // Downloads the figure inside the element matching the selector as a standalone SVG, or as a PNG at a scale. The
  // page's stacked layers become one drawing; the theme's colours (CSS variables) are written onto each part, so the
  // file looks as the page did. PNGs are rasterised by the browser's canvas (nothing leaves the machine).
  async exportFigure(selector, name, format, scale) {
    try {
      const host = document.querySelector(selector);
      const layers = host ? [...host.querySelectorAll("svg")] : [];
      if (layers.length === 0) return false;
      const first = layers[0];
      const width = Math.round(parseFloat(first.getAttribute("width")) || first.getBoundingClientRect().width);
      const height = Math.round(parseFloat(first.getAttribute("height")) || first.getBoundingClientRect().height);
      const ns = "http://www.w3.org/2000/svg";
      const out = document.createElementNS(ns, "svg");
      out.setAttribute("xmlns", ns);
      out.setAttribute("width", width); out.setAttribute("height", height);
      out.setAttribute("viewBox", `0 0 ${width} ${height}`);
      out.setAttribute("font-family", first.getAttribute("font-family") || "sans-serif");
      const background = document.createElementNS(ns, "rect");
      background.setAttribute("width", "100%"); background.setAttribute("height", "100%");
      background.setAttribute("fill", getComputedStyle(host.closest(".gl-view, section, main") || document.body).backgroundColor || "#fff");
      out.appendChild(background);
      const props = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "paint-order", "font-size", "font-weight"];
      for (const layer of layers) {
        const copy = layer.cloneNode(true);
        const sources = [layer, ...layer.querySelectorAll("*")];
        const targets = [copy, ...copy.querySelectorAll("*")];
        sources.forEach((source, i) => {
          const style = getComputedStyle(source);
          for (const p of props) { const v = style.getPropertyValue(p); if (v) targets[i].setAttribute(p, v); }
        });
        const group = document.createElementNS(ns, "g");
        while (copy.firstChild) group.appendChild(copy.firstChild);
        out.appendChild(group);
      }
      const text = new XMLSerializer().serializeToString(out);
      const svgBlob = new Blob([text], { type: "image/svg+xml" });
      if (format === "svg") { this.save(svgBlob, `${name}.svg`); return true; }
      const url = URL.createObjectURL(svgBlob);
      const image = new Image();
      await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = url; });
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale); canvas.height = Math.round(height * scale);
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      const png = await new Promise(resolve => canvas.toBlob(resolve, "image/png"));
      if (!png) return false;
      this.save(png, `${name}${scale === 1 ? "" : `@${scale}x`}.png`);
      return true;
    } catch { return false; }
  },
  save(blob, fileName) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  },
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
