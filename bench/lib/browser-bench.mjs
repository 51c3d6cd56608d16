// The browser figures of `npm run bench`, driven with Playwright's Chromium (the same
// executable and flags as the e2e suite: scripts/lib/browser.mjs). Timings are taken
// inside the page (performance.now(), MutationObserver, requestAnimationFrame), not from
// Playwright round trips.
import { gzipSync } from "node:zlib";
import { summarize } from "./stats.mjs";

export const VIEWPORT = { width: 1280, height: 720 };

/**
 * Runs at document start in every bench page. On each animation frame it checks whether
 * the grid is ready, and records (ms since navigation start):
 * - firstCellAt: some gridcell is in the DOM (server-rendered HTML painted);
 * - hydratedAt: the grid and its active cell belong to React (hydrated, events work);
 * - readyAt: hydrated AND the rendered cells cover the grid's whole visible area
 *   (every row in view has cells up to the right edge of the view, rows reach the
 *   bottom of the view), i.e. every visible cell is rendered and the grid is interactive.
 * Long tasks (> 50 ms) before readiness are summed up too.
 */
export const READY_SCRIPT = `(() => {
  const state = (window.__bench = { readyAt: null, firstCellAt: null, hydratedAt: null, longTasks: 0, longTaskMs: 0 });
  try {
    new PerformanceObserver((list) => {
      if (state.readyAt !== null) return;
      for (const e of list.getEntries()) { state.longTasks++; state.longTaskMs += e.duration; }
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const hydrated = (el) => { for (const k in el) if (k.startsWith("__reactProps$")) return true; return false; };
  const covered = (grid) => {
    const g = grid.getBoundingClientRect();
    const top = g.top + grid.clientTop, left = g.left + grid.clientLeft;
    const bottom = top + grid.clientHeight, right = left + grid.clientWidth;
    const contentRight = Math.min(right, left - grid.scrollLeft + grid.scrollWidth);
    const contentBottom = Math.min(bottom, top - grid.scrollTop + grid.scrollHeight);
    let rows = 0, lowest = -Infinity;
    for (const row of grid.querySelectorAll('[role="row"]')) {
      const r = row.getBoundingClientRect();
      if (r.bottom <= top || r.top >= bottom) continue;
      lowest = Math.max(lowest, r.bottom);
      const cells = row.querySelectorAll('[role="gridcell"]');
      if (!cells.length) continue;
      rows++;
      let far = -Infinity;
      for (const c of cells) far = Math.max(far, c.getBoundingClientRect().right);
      if (far < contentRight - 1) return false;
    }
    return rows > 0 && lowest >= contentBottom - 1;
  };
  const tick = () => {
    const grid = document.querySelector('[role="grid"]');
    if (grid) {
      if (state.firstCellAt === null && grid.querySelector('[role="gridcell"]')) state.firstCellAt = performance.now();
      const active = grid.querySelector('[role="gridcell"][tabindex="0"]');
      if (active && hydrated(active) && hydrated(grid)) {
        if (state.hydratedAt === null) state.hydratedAt = performance.now();
        if (covered(grid)) { state.readyAt = performance.now(); return; }
      }
    }
    if (performance.now() < 60000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * A browser context signed in as a user (session cookies set directly), with the
 * readiness probe installed.
 * @param {import("@playwright/test").Browser} browser
 * @param {string} base
 * @param {{ name: string, value: string }[]} cookies
 */
export async function signedInContext(browser, base, cookies) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, baseURL: base });
  await ctx.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, url: base })));
  await ctx.addInitScript({ content: READY_SCRIPT });
  return ctx;
}

/** @param {Record<string, number>} m */
const pickMetrics = (m) => ({
  heapUsedMB: m.JSHeapUsedSize / 1e6,
  heapTotalMB: m.JSHeapTotalSize / 1e6,
  scriptMs: m.ScriptDuration * 1000,
  layoutMs: m.LayoutDuration * 1000,
  styleMs: m.RecalcStyleDuration * 1000,
  taskMs: m.TaskDuration * 1000,
  nodes: m.Nodes,
});

/**
 * @param {import("@playwright/test").CDPSession} cdp
 */
async function metricsOf(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return pickMetrics(Object.fromEntries(metrics.map((x) => [x.name, x.value])));
}

/**
 * One navigation to a matrix page in a new tab; resolves when the grid is ready.
 * @param {import("@playwright/test").BrowserContext} ctx
 * @param {string} url
 * @param {{ keepOpen?: boolean, verifyInteractive?: boolean, collectScripts?: boolean }} [opts]
 */
export async function loadMatrixPage(ctx, url, opts = {}) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  /** @type {{ url: string, type: string, status: number }[]} */
  const requests = [];
  /** @type {import("@playwright/test").Response[]} */
  const scripts = [];
  page.on("response", (res) => {
    const type = res.request().resourceType();
    requests.push({ url: res.url(), type, status: res.status() });
    if (opts.collectScripts && type === "script") scripts.push(res);
  });
  try {
    const t0 = performance.now();
    const nav = await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    if (!nav || nav.status() !== 200) throw new Error(`GET ${url}: ${nav?.status()}`);
    await page.waitForFunction(() => window.__bench?.readyAt != null, null, { timeout: 60_000, polling: 100 });
    const wallMs = performance.now() - t0;
    const probe = await page.evaluate(() => {
      const n = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType("navigation")[0]);
      return {
        ...window.__bench,
        ttfb: n.responseStart,
        htmlDone: n.responseEnd,
        domContentLoaded: n.domContentLoadedEventEnd,
        htmlBytes: n.decodedBodySize,
        htmlTransferBytes: n.transferSize,
        domNodes: document.getElementsByTagName("*").length,
        gridcells: document.querySelectorAll('[role="gridcell"]').length,
      };
    });
    const metrics = await metricsOf(cdp);
    let responds = null;
    if (opts.verifyInteractive) {
      // Not timed: the active cell takes focus and an arrow key moves it.
      const cell = page.locator('[role="gridcell"][tabindex="0"]').first();
      await cell.focus();
      const before = await page.evaluate(() => document.activeElement?.getAttribute("data-c"));
      await page.keyboard.press("ArrowRight");
      await page
        .waitForFunction((b) => document.activeElement?.getAttribute("data-c") !== b, before, { timeout: 5000 })
        .catch(() => {});
      const after = await page.evaluate(() => document.activeElement?.getAttribute("data-c"));
      responds = before != null && after != null && after !== before;
      await page.keyboard.press("ArrowLeft");
    }
    let js = null;
    if (opts.collectScripts) {
      await page.waitForTimeout(1500); // late chunks (lazy components) after readiness
      // When each script was requested, on the page's clock (Resource Timing), against the
      // moment the grid was ready and interactive: first-load JS is what was requested
      // before that; what came later (code loaded on demand or when idle) is counted apart.
      const startedAt = new Map(
        await page.evaluate(() =>
          performance.getEntriesByType("resource").map((e) => [e.name, /** @type {any} */ (e).startTime]),
        ),
      );
      js = { files: [], raw: 0, gzip: 0, servedCompressed: 0, later: { files: 0, raw: 0, gzip: 0 } };
      for (const res of scripts) {
        const body = await res.body().catch(() => null);
        if (!body) continue;
        const gz = gzipSync(body).length;
        const enc = res.headers()["content-encoding"] ?? "";
        const started = startedAt.get(res.url());
        const beforeReady = started == null || started <= probe.readyAt;
        if (!beforeReady) {
          js.later.files++;
          js.later.raw += body.length;
          js.later.gzip += gz;
        }
        js.files.push({ url: new URL(res.url()).pathname, raw: body.length, gzip: gz, encoding: enc, beforeReady });
        if (!beforeReady) continue;
        js.raw += body.length;
        js.gzip += gz;
        if (enc) js.servedCompressed++;
      }
      js.files.sort((a, b) => b.gzip - a.gzip);
    }
    return { page, cdp, wallMs, ...probe, metrics, requests, responds, js };
  } finally {
    if (!opts.keepOpen) await page.close().catch(() => {});
  }
}

/**
 * Navigation → ready, `runs` times after `warmups` (same context: warm HTTP cache, like
 * a returning user; a new tab each time).
 * @param {import("@playwright/test").BrowserContext} ctx
 * @param {string} url
 */
export async function measureLoads(ctx, url, { runs = 7, warmups = 2 } = {}) {
  for (let i = 0; i < warmups; i++) await loadMatrixPage(ctx, url);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await loadMatrixPage(ctx, url, { verifyInteractive: i === runs - 1 }));
  const pick = (f) => summarize(samples.map(f));
  const apiCalls = samples[0].requests
    .filter((r) => r.url.includes("/api/"))
    .map((r) => `${new URL(r.url).pathname} ${r.status}`);
  return {
    ready: pick((s) => s.readyAt),
    firstCell: pick((s) => s.firstCellAt),
    hydrated: pick((s) => s.hydratedAt),
    wall: pick((s) => s.wallMs),
    ttfb: pick((s) => s.ttfb),
    htmlDone: pick((s) => s.htmlDone),
    domContentLoaded: pick((s) => s.domContentLoaded),
    longTaskMs: pick((s) => s.longTaskMs),
    scriptMs: pick((s) => s.metrics.scriptMs),
    layoutMs: pick((s) => s.metrics.layoutMs),
    styleMs: pick((s) => s.metrics.styleMs),
    heapUsedMB: pick((s) => s.metrics.heapUsedMB),
    htmlBytes: samples[0].htmlBytes,
    htmlTransferBytes: samples[0].htmlTransferBytes,
    domNodes: samples[0].domNodes,
    gridcells: samples[0].gridcells,
    responds: samples[samples.length - 1].responds,
    apiCallsDuringLoad: apiCalls,
    failedRequests: [
      ...new Set(
        samples.flatMap((s) =>
          s.requests.filter((r) => r.status >= 400).map((r) => `${r.status} ${new URL(r.url).pathname}`),
        ),
      ),
    ],
  };
}

/** The page heap of a loaded matrix page: as loaded, and after a forced GC. */
export async function measureHeap(ctx, url) {
  const s = await loadMatrixPage(ctx, url, { keepOpen: true });
  try {
    await s.page.waitForTimeout(1000);
    const loaded = await metricsOf(s.cdp);
    await s.cdp.send("HeapProfiler.collectGarbage");
    const afterGc = await metricsOf(s.cdp);
    const perf = await s.page.evaluate(() => {
      const m = /** @type {any} */ (performance).memory;
      return m ? m.usedJSHeapSize / 1e6 : null;
    });
    return {
      loadedMB: loaded.heapUsedMB,
      afterGcMB: afterGc.heapUsedMB,
      performanceMemoryMB: perf,
      domNodes: loaded.nodes,
    };
  } finally {
    await s.page.close().catch(() => {});
  }
}

/** First-load JavaScript: a cold context (empty cache), every script the page loads, gzipped. */
export async function measureFirstLoadJs(browser, base, cookies, url) {
  const ctx = await signedInContext(browser, base, cookies);
  try {
    const s = await loadMatrixPage(ctx, url, { collectScripts: true });
    return { ...s.js, coldReadyMs: s.readyAt, coldTtfb: s.ttfb };
  } finally {
    await ctx.close().catch(() => {});
  }
}

/**
 * Installs, in a page, a one-shot watcher on a cell (by data-r/data-c): resolves with the
 * time its accessible name changed and the next animation frame after that. With
 * `withKey`, also records the timeStamp of the next keydown (the edit's start).
 * Times are epoch ms (performance.timeOrigin + …), comparable across pages.
 */
async function armCellWatch(page, r, c, withKey, timeoutMs) {
  await page.evaluate(
    ({ r, c, withKey, timeoutMs }) => {
      const sel = `[data-kind="cell"][data-r="${r}"][data-c="${c}"]`;
      const grid = document.querySelector('[role="grid"]');
      const before = document.querySelector(sel)?.getAttribute("aria-label") ?? null;
      const origin = performance.timeOrigin;
      const w = { key: null, dom: null, frame: null, before, after: null };
      if (withKey) {
        document.addEventListener("keydown", (e) => (w.key = origin + e.timeStamp), { capture: true, once: true });
      }
      window.__benchWatch = new Promise((resolve) => {
        const timer = setTimeout(() => {
          mo.disconnect();
          resolve({ ...w, timeout: true });
        }, timeoutMs);
        const mo = new MutationObserver(() => {
          const label = document.querySelector(sel)?.getAttribute("aria-label") ?? null;
          if (label === before) return;
          w.dom = origin + performance.now();
          w.after = label;
          mo.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            w.frame = origin + performance.now();
            resolve({ ...w, timeout: false });
          });
        });
        mo.observe(grid ?? document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ["aria-label"],
        });
      });
    },
    { r, c, withKey, timeoutMs },
  );
}

const watched = (page) => page.evaluate(() => window.__benchWatch);

/** The active (tabbable) cell's position. */
async function activeCell(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[role="gridcell"][tabindex="0"]');
    return el ? { r: Number(el.getAttribute("data-r")), c: Number(el.getAttribute("data-c")) } : null;
  });
}

const isCellPut = (res) =>
  res.request().method() === "PUT" && /\/api\/v1\/matrices\/[^/]+\/cells$/.test(new URL(res.url()).pathname);

/**
 * One cell change in the UI: focus the active cell, press "r", time key → the cell's
 * accessible name changes (and → the next frame). Each press waits for its PUT to be
 * answered before the next one (a person types slower than that).
 */
export async function measureCellEdit(ctx, url, { samples = 20, warmups = 3 } = {}) {
  const s = await loadMatrixPage(ctx, url, { keepOpen: true });
  const page = s.page;
  try {
    const pos = await activeCell(page);
    if (!pos) throw new Error("no active cell");
    await page.locator(`[data-kind="cell"][data-r="${pos.r}"][data-c="${pos.c}"]`).focus();
    const toDom = [];
    const toFrame = [];
    const putStatus = {};
    for (let i = 0; i < warmups + samples; i++) {
      await armCellWatch(page, pos.r, pos.c, true, 5000);
      const put = page.waitForResponse(isCellPut, { timeout: 10_000 }).catch(() => null);
      await page.keyboard.press("r");
      const w = await watched(page);
      const res = await put;
      putStatus[res?.status() ?? "none"] = (putStatus[res?.status() ?? "none"] ?? 0) + 1;
      if (w.timeout || w.key === null) throw new Error(`cell did not change after the key press (sample ${i})`);
      if (i >= warmups) {
        toDom.push(w.dom - w.key);
        toFrame.push(w.frame - w.key);
      }
      await page.waitForTimeout(150);
    }
    return { toFrame: summarize(toFrame), toDom: summarize(toDom), putStatus };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * A live edit seen in a second browser: page A (editor) presses "r" on a cell, page B
 * (another user, another context) watches the same cell; key press in A → B's cell
 * shows it (next frame). Returns { wired: false } when B never shows the first edit.
 */
export async function measureLiveEdit(ctxA, ctxB, url, { samples = 25, warmups = 3 } = {}) {
  const a = await loadMatrixPage(ctxA, url, { keepOpen: true });
  const b = await loadMatrixPage(ctxB, url, { keepOpen: true });
  try {
    const pos = await activeCell(a.page);
    if (!pos) throw new Error("no active cell");
    await a.page.locator(`[data-kind="cell"][data-r="${pos.r}"][data-c="${pos.c}"]`).focus();
    await a.page.waitForTimeout(1000); // let B's event stream connect
    const latency = [];
    const putStatus = {};
    for (let i = 0; i < warmups + samples; i++) {
      await armCellWatch(b.page, pos.r, pos.c, false, i === 0 ? 8000 : 5000);
      await armCellWatch(a.page, pos.r, pos.c, true, 5000);
      const put = a.page.waitForResponse(isCellPut, { timeout: 10_000 }).catch(() => null);
      await a.page.keyboard.press("r");
      const [wa, wb] = await Promise.all([watched(a.page), watched(b.page)]);
      const res = await put;
      putStatus[res?.status() ?? "none"] = (putStatus[res?.status() ?? "none"] ?? 0) + 1;
      if (wa.timeout) throw new Error(`page A's cell did not change (sample ${i})`);
      if (wb.timeout) {
        if (i === 0) return { wired: false };
        throw new Error(`page B missed a live edit (sample ${i})`);
      }
      if (i >= warmups) latency.push(wb.frame - wa.key);
      await a.page.waitForTimeout(150);
    }
    return { wired: true, latency: summarize(latency), putStatus };
  } finally {
    await a.page.close().catch(() => {});
    await b.page.close().catch(() => {});
  }
}

/**
 * The 1000 × 100 matrix: load it, count DOM nodes, then scroll programmatically through
 * all of it (down to the bottom, right to the last column, back diagonally to the
 * top-left), one scroll step per animation frame, and record the frame intervals.
 */
export async function measureScroll(ctx, url) {
  const s = await loadMatrixPage(ctx, url, { keepOpen: true });
  const page = s.page;
  try {
    await page.waitForTimeout(500);
    const r = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const grid = /** @type {HTMLElement} */ (document.querySelector('[role="grid"]'));
          const maxY = grid.scrollHeight - grid.clientHeight;
          const maxX = grid.scrollWidth - grid.clientWidth;
          const deltas = [];
          const phases = [];
          let maxNodes = 0;
          let last = 0;
          let phase = 0;
          let frames = 0;
          const frame = (t) => {
            deltas.push(t - last);
            phases.push(phase);
            last = t;
            if (++frames % 10 === 0) maxNodes = Math.max(maxNodes, document.getElementsByTagName("*").length);
            if (phase === 0) {
              grid.scrollTop = Math.min(maxY, grid.scrollTop + 200);
              if (grid.scrollTop >= maxY - 1) phase = 1;
            } else if (phase === 1) {
              grid.scrollLeft = Math.min(maxX, grid.scrollLeft + 100);
              if (grid.scrollLeft >= maxX - 1) phase = 2;
            } else {
              grid.scrollTop = Math.max(0, grid.scrollTop - 400);
              grid.scrollLeft = Math.max(0, grid.scrollLeft - 40);
              if ((grid.scrollTop <= 0 && grid.scrollLeft <= 0) || frames > 3000) {
                resolve({
                  deltas,
                  phases,
                  maxNodes,
                  frames,
                  maxY,
                  maxX,
                  cells: document.querySelectorAll('[role="gridcell"]').length,
                });
                return;
              }
            }
            requestAnimationFrame(frame);
          };
          requestAnimationFrame((t) => {
            last = t;
            requestAnimationFrame(frame);
          });
        }),
    );
    const over50 = r.deltas.filter((d) => d > 50).length;
    // Where the long frames are: scrolling down (new rows), right (new columns in every
    // row) or back diagonally (both).
    const byPhase = ["down", "right", "diagonal"].map((name, i) => {
      const ds = r.deltas.filter((_, j) => r.phases[j] === i);
      return { phase: name, frames: ds.length, over50: ds.filter((d) => d > 50).length, p95: summarize(ds).p95 };
    });
    return {
      loadReadyMs: s.readyAt,
      domNodesAfterLoad: s.domNodes,
      gridcellsAfterLoad: s.gridcells,
      heapAfterLoadMB: s.metrics.heapUsedMB,
      frames: r.frames,
      framesOver50ms: over50,
      byPhase,
      frame: summarize(r.deltas),
      maxDomNodesWhileScrolling: r.maxNodes,
      scrollHeight: r.maxY,
      scrollWidth: r.maxX,
      failedRequests: s.requests.filter((x) => x.status >= 400).map((x) => `${x.status} ${new URL(x.url).pathname}`),
    };
  } finally {
    await page.close().catch(() => {});
  }
}
