// The coding challenge's runner, for Blazor's JS interop and for tests:
//   window.gradientLabChallenge.run(code, cases, timeLimitMs)      → Promise of one result per case
//   window.gradientLabChallenge.runJson(code, casesJson, timeLimitMs) → the same as JSON text
// cases: [{id, data: [{x, y}], lr, beta, epochs}] (GradientLab.Lessons' MomentumChallenge.CasesJson()); timeLimitMs is
// the time each case may take. A result: {caseId, outcome: "returned" | "threw" | "timeout" | "not-a-function" |
// "crashed" | "not-run", valueType, value, valueText, reported, reportOverflow, epochRuns, error, line}, which
// LearnerCaseResult.ParseAll reads and MomentumChallenge.Grade grades. Loads as a classic script or with import().
//
// How the learner's code runs, and why the Content-Security-Policy needs no change (the policy is the same in
// index.html's meta tag, wwwroot/_headers and the CLI's StaticSiteServer.ContentSecurityPolicy):
// - Not in the page: in a dedicated worker, which has no DOM and no access to the page's objects, and which the page
//   stops with worker.terminate() when a case takes longer than the limit, so an endless loop cannot freeze the page.
// - The policy's script-src is 'self' 'wasm-unsafe-eval': no 'unsafe-eval', so eval and new Function may not turn the
//   learner's text into code, in the page or in a worker; adding 'unsafe-eval' would weaken the page for everyone.
// - Instead the learner's code becomes the source of the worker itself: a Blob whose text is one line that loads the
//   harness, then the code, then one line that hands the function over. A worker's script is a resource checked against
//   worker-src, which is already 'self' blob:, not a string evaluated at run time.
// - A worker made from a blob: URL inherits the page's policy (CSP 3: workers from local schemes): inside it eval and
//   new Function stay blocked, importScripts loads only the site's own scripts (script-src 'self'; that is how the
//   harness, challenge-worker.js, comes in), and connect-src 'self' keeps requests on the site. The harness also removes
//   the network, storage and nested-worker APIs before the learner's code runs, because the worker shares the page's
//   origin (defence in depth; the code is the learner's own, run in their own browser).
// - Not chosen: a data: URL worker (not allowed by worker-src, and its opaque origin could not load the harness);
//   'unsafe-eval' or a per-run nonce (both loosen the page's policy); a sandboxed iframe (needs frame-src and a second
//   document, and gains nothing a worker does not already give).
(() => {
  "use strict";
  const outcomes = new Set(["returned", "threw", "timeout", "not-a-function", "crashed", "not-run"]);

  const source = (code, functionName) => {
    const harness = new URL("challenge-worker.js", document.baseURI).href;
    // Line 1 loads the harness, so the learner's line n is the worker's line n + 1 (the harness maps it back).
    return `importScripts(${JSON.stringify(harness)});\n${code}\n;self.__gradientLabBind(typeof ${functionName} === "function" ? ${functionName} : undefined);\n`;
  };

  const errorText = event => {
    const message = (event && event.message) || "the code could not be run";
    return String(message).replace(/^Uncaught /, "");
  };

  function run(code, cases, timeLimitMs, functionName = "sgdWithMomentum") {
    if (!/^[A-Za-z_$][\w$]*$/.test(functionName)) return Promise.reject(new Error(`'${functionName}' is not a function name`));
    const limit = Math.max(1, Number(timeLimitMs) || 2000);
    return new Promise(resolve => {
      const results = cases.map(c => ({ caseId: c.id, outcome: "not-run" }));
      let worker = null;
      let url = null;
      let timer = 0;
      let next = 0;
      let finished = false;

      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if (worker) worker.terminate();
        if (url) URL.revokeObjectURL(url);
        resolve(results);
      };
      const rest = fill => {
        for (let k = next; k < results.length; k++) results[k] = Object.assign({ caseId: cases[k].id }, fill);
        finish();
      };
      // One limit per case: the clock restarts whenever a case reports. The case that runs out is "timeout"; the ones
      // after it stay "not-run" (an endless loop would time out on each of them in turn).
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (next < results.length) results[next] = { caseId: cases[next].id, outcome: "timeout", error: `no result within ${limit} ms` };
          finish();
        }, limit);
      };

      try {
        url = URL.createObjectURL(new Blob([source(String(code), functionName)], { type: "text/javascript" }));
        worker = new Worker(url);
      } catch (error) {
        rest({ outcome: "crashed", error: `the browser could not start a worker: ${(error && error.message) || error}`, line: null });
        return;
      }

      worker.onmessage = event => {
        const message = event.data;
        if (!message || typeof message !== "object" || finished) return;
        if (message.type === "case" && message.index === next && next < results.length) {
          const result = message.result && typeof message.result === "object" ? message.result : {};
          results[next] = Object.assign({}, result, {
            caseId: cases[next].id,
            outcome: outcomes.has(result.outcome) ? result.outcome : "crashed",
          });
          next++;
          arm();
        } else if (message.type === "not-a-function") {
          rest({ outcome: "not-a-function" });
        } else if (message.type === "done") {
          finish();
        }
      };
      // Errors the harness cannot catch: a syntax error, or an error thrown by the code's top level.
      worker.onerror = event => {
        if (event && event.preventDefault) event.preventDefault();
        const line = event && event.lineno > 1 ? event.lineno - 1 : null;
        rest({ outcome: "crashed", error: errorText(event), line });
      };
      worker.onmessageerror = () => rest({ outcome: "crashed", error: "a result could not be passed back to the page", line: null });

      arm();
      worker.postMessage({ cases });
    });
  }

  async function runJson(code, casesJson, timeLimitMs, functionName) {
    return JSON.stringify(await run(code, JSON.parse(casesJson), timeLimitMs, functionName));
  }

  window.gradientLabChallenge = { run, runJson };
})();
