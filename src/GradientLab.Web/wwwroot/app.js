// Keyboard shortcuts for the playback pages: space play/pause, → step, ← step back, r reset.
// Keys typed into form fields are left alone; handled keys do not also press the focused button.
window.gradientLab = {
  bindKeys(dotnet) {
    const handler = (e) => {
      const tag = (e.target && e.target.tagName) || "";
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key === " " ? "space" : e.key === "ArrowRight" ? "right" : e.key === "ArrowLeft" ? "left" : (e.key === "r" || e.key === "R") ? "r" : null;
      if (!key) return;
      e.preventDefault();
      dotnet.invokeMethodAsync("OnKey", key);
    };
    document.addEventListener("keydown", handler);
    return { dispose: () => document.removeEventListener("keydown", handler) };
  },
  unbindKeys(binding) { if (binding) binding.dispose(); }
};
