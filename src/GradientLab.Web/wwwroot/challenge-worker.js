// The harness of the coding challenge's worker. It is not started as a worker on its own: challenge.js builds a worker
// from a blob whose source is
//   line 1:   importScripts("<site>/challenge-worker.js");   (this file: a script of the site, as script-src 'self' allows)
//   line 2…:  the learner's code, as typed (so the learner's line n is the worker's line n + 1)
//   last:     self.__gradientLabBind(<the learner's function, or undefined>);
// and then posts {cases}. For each case the harness calls the learner's function on a fresh copy of the data, records
// what report(w) was given, also runs it with 1, 2, …, epochs − 1 epochs (w after each epoch, for learners who never
// call report), and posts {type: "case", index, result}; {type: "done"} at the end. Why a blob worker and what the
// Content-Security-Policy allows: see the comment at the top of challenge.js.
"use strict";
(() => {
  const post = self.postMessage.bind(self);
  const listen = self.addEventListener.bind(self);
  const blobUrl = String(self.location.href);
  const lineOffset = 1;
  const maxReports = 100000;

  // Take away what the learner's code has no business with: the network, the storage this worker shares with the page
  // (it runs on the page's origin), nested workers, further scripts, and posting to the page. Defence in depth: a worker
  // has no DOM anyway, it inherits the page's policy (no eval, no other origins), and the page can terminate it.
  const blocked = ["fetch", "XMLHttpRequest", "WebSocket", "WebTransport", "EventSource", "importScripts", "indexedDB",
    "caches", "Worker", "SharedWorker", "BroadcastChannel", "postMessage", "close"];
  for (const name of blocked) {
    for (let scope = self; scope; scope = Object.getPrototypeOf(scope)) {
      if (Object.prototype.hasOwnProperty.call(scope, name)) {
        try { delete scope[name]; } catch { /* a property that cannot be deleted is shadowed below */ }
      }
    }
    try { Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false }); } catch { /* gone already */ }
  }

  // report(w): the learner may call it after each epoch; only the full run's reports are kept.
  let sink = null;
  Object.defineProperty(self, "report", {
    value: function report(w) {
      if (!sink) return;
      if (sink.values.length < maxReports) sink.values.push(typeof w === "number" ? w : NaN);
      else sink.overflow = true;
    },
    writable: true,
    configurable: true,
  });

  let learner;
  let bound = false;
  Object.defineProperty(self, "__gradientLabBind", {
    value: fn => { if (!bound) { bound = true; learner = fn; } },
    configurable: true,
  });

  // Numbers travel as numbers when finite, else as "NaN", "Infinity" or "-Infinity" (JSON has no such numbers).
  const encode = v => typeof v === "number" ? (Number.isFinite(v) ? v : String(v)) : null;
  const text = v => {
    let s;
    try { s = typeof v === "string" ? v : String(v); } catch { s = Object.prototype.toString.call(v); }
    return s.length > 200 ? s.slice(0, 200) + "…" : s;
  };
  const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lineIn = new RegExp(escapeRegExp(blobUrl) + ":(\\d+):\\d+");
  const describe = error => {
    try {
      const message = error instanceof Error || (error && typeof error === "object" && "message" in error)
        ? `${error.name || "Error"}: ${error.message}`
        : `${text(error)} (thrown)`;
      const match = error && typeof error.stack === "string" ? lineIn.exec(error.stack) : null;
      const line = match ? Number(match[1]) - lineOffset : null;
      return { message, line: line !== null && line >= 1 ? line : null };
    } catch {
      return { message: "an error that cannot be described", line: null };
    }
  };
  const copy = data => data.map(sample => ({ x: sample.x, y: sample.y }));

  const call = (c, epochs, collect) => {
    sink = collect;
    try {
      return { ok: true, value: learner(copy(c.data), c.lr, c.beta, epochs) };
    } catch (error) {
      return { ok: false, error };
    } finally {
      sink = null;
    }
  };

  const runCase = c => {
    const reports = { values: [], overflow: false };
    const full = call(c, c.epochs, reports);
    if (!full.ok) {
      const { message, line } = describe(full.error);
      return { caseId: c.id, outcome: "threw", error: message, line };
    }

    const value = full.value;
    const result = {
      caseId: c.id, outcome: "returned", valueType: typeof value, value: encode(value), valueText: text(value),
      reported: reports.values.map(encode), reportOverflow: reports.overflow, epochRuns: null,
    };
    if (typeof value === "number") {
      let runs = [];
      for (let epochs = 1; epochs < c.epochs && runs; epochs++) {
        const shorter = call(c, epochs, null);
        if (shorter.ok && typeof shorter.value === "number") runs.push(shorter.value);
        else runs = null;
      }
      result.epochRuns = runs ? [...runs, value].map(encode) : null;
    }
    return result;
  };

  listen("message", event => {
    const cases = event.data && event.data.cases;
    if (!Array.isArray(cases)) return;
    if (typeof learner !== "function") {
      post({ type: "not-a-function" });
      return;
    }
    cases.forEach((c, index) => post({ type: "case", index, result: runCase(c) }));
    post({ type: "done" });
  });
})();
