// GradientLab's small browser helpers. Every call fails soft: a missing feature never stops a page.
window.gradientLab = {
  // Keyboard shortcuts for the playback pages: space play/pause, → step, ← step back, r reset.
  // Keys typed into form fields are left alone; handled keys do not also press the focused button.
  bindKeys(dotnet) {
    const handler = (e) => {
      const tag = (e.target && e.target.tagName) || "";
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (e.target && e.target.isContentEditable) || e.ctrlKey || e.metaKey || e.altKey) return;
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
  // Hands the browser a moment between slices of a long computation, so the page keeps responding.
  nextFrame() { return new Promise(resolve => setTimeout(resolve, 0)); }
};

// Offline after the first visit: the published site's service worker caches every file (not on localhost in development).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("service-worker.js").catch(() => { /* the lab works without it, online */ });
}
