// GradientLab's small browser helpers. Every call fails soft: a missing feature never stops a page.
window.gradientLab = {
  // Resolves at the browser's next animation frame: a playback clock's tick waits for it, so a page renders at most once
  // a frame (AnimationFrames.Dispatch).
  nextFrame() {
    return new Promise(resolve => requestAnimationFrame(() => resolve()));
  },
  // Keyboard shortcuts for the playback pages: space play/pause, → step, ← step back, r reset.
  // Keys typed into form fields are left alone; handled keys do not also press the focused button.
  bindKeys(dotnet) {
    const handler = (e) => {
      // A focused field or a view that handles its own keys (the 3-D surface turns with the arrows) keeps them.
      if (gradientLab.typing(e)) return;
      const key = gradientLab.playbackKey(e);
      if (!key) return;
      e.preventDefault();
      dotnet.invokeMethodAsync("OnKey", key).catch(() => {});
    };
    document.addEventListener("keydown", handler);
    return { dispose: () => document.removeEventListener("keydown", handler) };
  },
  // The layout's own keys: P toggles presenting mode and Escape leaves it (never while typing or reordering). On pages
  // without their own handler (bindKeys), the playback keys press the page's marked controls: space, → , ←, r press the
  // visible [data-key=space|right|left|r] button and + / − move the [data-key=speed] menu. Listened for on window, after
  // the page's own handler on document, which marks the keys it took (preventDefault).
  bindLayoutKeys(dotnet) {
    const handler = (e) => {
      if (e.defaultPrevented || this.typing(e)) return;
      const key = (e.key === "p" || e.key === "P") ? "p" : e.key === "Escape" ? "escape" : null;
      if (key) { dotnet.invokeMethodAsync("OnLayoutKey", key).catch(() => {}); return; }
      // Presenting a page with several views (shown one at a time, like slides): PageDown / PageUp move between them.
      if ((e.key === "PageDown" || e.key === "PageUp") && document.querySelector(".gl-presenting.gl-slides")) {
        e.preventDefault();
        dotnet.invokeMethodAsync("OnLayoutKey", e.key === "PageDown" ? "next" : "previous").catch(() => {});
        return;
      }
      const playback = this.playbackKey(e);
      if (!playback) return;
      if (playback === "plus" || playback === "minus") {
        const speed = this.visible("select[data-key=speed]");
        if (!speed) return;
        const next = Math.min(Math.max(speed.selectedIndex + (playback === "plus" ? 1 : -1), 0), speed.options.length - 1);
        e.preventDefault();
        if (next === speed.selectedIndex) return;
        speed.selectedIndex = next;
        speed.dispatchEvent(new Event("change", { bubbles: true }));
        return;
      }
      const button = this.visible(`button[data-key=${playback}]:not(:disabled)`);
      if (!button) return;
      e.preventDefault();
      button.click();
    };
    window.addEventListener("keydown", handler);
    return { dispose: () => window.removeEventListener("keydown", handler) };
  },
  // True when a key belongs to what has focus: a form field, an editor, a view with its own keys (the 3-D surface, the
  // reorder list), or a chord with Ctrl, Alt or Meta.
  typing(e) {
    const target = e.target;
    const tag = (target && target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (target && target.isContentEditable) || e.ctrlKey || e.metaKey || e.altKey) return true;
    return !!(target && target.closest && target.closest("[data-own-keys]"));
  },
  playbackKey(e) {
    return e.key === " " ? "space" : e.key === "ArrowRight" ? "right" : e.key === "ArrowLeft" ? "left" : (e.key === "r" || e.key === "R") ? "r" : (e.key === "+" || e.key === "=") ? "plus" : (e.key === "-" || e.key === "_") ? "minus" : null;
  },
  // The first element matching the selector that is on screen (not hidden by presenting or embed mode).
  visible(selector) {
    return [...document.querySelectorAll(selector)].find(el => el.getClientRects().length > 0) || null;
  },
  // Presenting mode scales the figures up (CSS zoom, --gl-figure-zoom) and lays them out for the width divided by the
  // zoom, so their text and lines are larger by that factor and they still fill the width they are given.
  figureZoom(element) {
    const zoom = parseFloat(getComputedStyle(element).getPropertyValue("--gl-figure-zoom"));
    return zoom > 0 ? zoom : 1;
  },
  // Before the mode changes: the section the reader is looking at, so it is still in view after the change.
  rememberView() {
    const sections = [...document.querySelectorAll("main section[data-testid], main .gl-live, main .gl-neuron, main .gl-home, main .gl-benchmark")];
    const top = document.querySelector("header.gl-top");
    const edge = top ? Math.max(0, top.getBoundingClientRect().bottom) : 0;
    this.viewed = sections.find(s => { const r = s.getBoundingClientRect(); return r.bottom > edge + 80 && r.height > 0; }) || null;
    if (this.viewed === sections[0]) this.viewed = null;
  },
  // After the mode changed: figures measure again (their zoom changed) and the section in view is brought back.
  modeChanged() {
    window.dispatchEvent(new Event("gl-mode"));
    const viewed = this.viewed;
    this.viewed = null;
    if (viewed && viewed.isConnected) requestAnimationFrame(() => viewed.scrollIntoView({ block: "start" }));
  },
  // The name (data-slide) of the page's view the reader is looking at: the first below the header still on screen.
  viewedSlide() {
    const top = document.querySelector("header.gl-top");
    const edge = top ? Math.max(0, top.getBoundingClientRect().bottom) : 0;
    const seen = [...document.querySelectorAll("main [data-slide]")].find(s => { const r = s.getBoundingClientRect(); return r.bottom > edge + 80 && r.height > 0; });
    return seen ? seen.getAttribute("data-slide") : null;
  },
  // Another view of the page shows (presenting or embed): its figures measure their width and it starts at the top.
  slideChanged() {
    window.dispatchEvent(new Event("gl-mode"));
    requestAnimationFrame(() => window.scrollTo(0, 0));
  },
  // Copies text to the clipboard; false where the browser refuses (the page then shows the text to copy by hand).
  async copy(text) {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  },
  // Whether the learner asked for less motion (the live page then lights a step's phases at once).
  reducedMotion() { return window.matchMedia('(prefers-reduced-motion: reduce)').matches; },
  unbindKeys(binding) { try { if (binding) binding.dispose(); } catch { /* the page is going anyway */ } },
  // Says that the lab is interactive: the browser tests (and anyone scripting the page) wait for this attribute.
  markInteractive() {
    if (window.gradientLabInteractiveAt === undefined) window.gradientLabInteractiveAt = performance.now();
    document.documentElement.setAttribute("data-interactive", "true");
  },
  // Figures are laid out for the pixel width they get: reports the width of the first element matching the selector
  // now and whenever the window (and so the page's grid) changes size. In presenting mode it also reports the height
  // the figures may take so that they reach the bottom of the screen (in layout pixels, 0 when they do not all start
  // on the screen, e.g. wrapped into several rows, and outside presenting mode): a height from the width alone leaves
  // the bottom of a projector's screen empty.
  watchWidth(dotnet, selector) {
    let last = -1, lastHeight = -1, pending = false;
    const report = () => {
      pending = false;
      const el = document.querySelector(selector);
      if (!el) return;
      const style = getComputedStyle(el);
      const zoom = gradientLab.figureZoom(el);
      const width = Math.floor((el.clientWidth - parseFloat(style.paddingLeft || "0") - parseFloat(style.paddingRight || "0")) / zoom);
      let height = 0;
      if (el.closest(".gl-presenting")) {
        const figures = [...document.querySelectorAll(".gl-presenting .gl-views .gl-view > :is(.gl-stack, .gl-surface, [data-testid=loss-view])")];
        const top = Math.max(...figures.map(f => f.getBoundingClientRect().top + window.scrollY));
        const room = window.innerHeight - top - 24;
        height = figures.length > 0 && room > 0 ? Math.floor(room / zoom) : 0;
      }
      if (width > 0 && (width !== last || height !== lastHeight)) {
        last = width; lastHeight = height;
        dotnet.invokeMethodAsync("OnFigureWidth", width, height).catch(() => {});
      }
    };
    const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
    let observer = null;
    try { observer = new ResizeObserver(schedule); observer.observe(document.documentElement); } catch { window.addEventListener("resize", schedule); }
    window.addEventListener("gl-mode", schedule);
    schedule();
    return { measure: schedule, dispose: () => { window.removeEventListener("gl-mode", schedule); if (observer) observer.disconnect(); else window.removeEventListener("resize", schedule); } };
  },
  // The same for one element (a figure's frame): its content width now and whenever it changes.
  watchElementWidth(dotnet, element) {
    let last = -1, pending = false;
    const report = () => {
      pending = false;
      if (!element || !element.isConnected) return;
      const width = Math.floor(element.clientWidth / gradientLab.figureZoom(element));
      if (width > 0 && width !== last) { last = width; dotnet.invokeMethodAsync("OnFigureWidth", width).catch(() => {}); }
    };
    const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
    let observer = null;
    try { observer = new ResizeObserver(schedule); observer.observe(element); } catch { window.addEventListener("resize", schedule); }
    window.addEventListener("gl-mode", schedule);
    schedule();
    return { measure: schedule, dispose: () => { window.removeEventListener("gl-mode", schedule); if (observer) observer.disconnect(); else window.removeEventListener("resize", schedule); } };
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

// A zoomed figure (presenting mode) is clicked in screen pixels; the page maps offsetX/Y to data through the layout's
// own pixels, so the offsets of a click on a clickable view are given in those (the screen offset divided by the zoom).
window.addEventListener("click", (e) => {
  const target = e.target;
  if (!target || !target.classList || !target.classList.contains("gl-clickable")) return;
  const box = target.getBoundingClientRect();
  const scale = target.offsetWidth > 0 ? box.width / target.offsetWidth : 1;
  if (!(scale > 0) || Math.abs(scale - 1) < 0.01) return;
  try {
    Object.defineProperty(e, "offsetX", { value: (e.clientX - box.left) / scale - target.clientLeft, configurable: true });
    Object.defineProperty(e, "offsetY", { value: (e.clientY - box.top) / scale - target.clientTop, configurable: true });
  } catch { /* the browser's own offsets stay */ }
}, true);

// Offline after the first visit: the published site's service worker caches every file (not on localhost in development).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("service-worker.js").catch(() => { /* the lab works without it, online */ });
}
