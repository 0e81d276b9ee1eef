// `npm run bench`: Parley beside a peer (Deep Chat) and beside no widget at all, in one run, in
// headless Chromium, plus the scale of a long conversation. Needs a build (`npm run build`).
// Method and latest numbers: docs/performance.md. Writes bench/results.json.
//
//   node bench/run.mjs [--runs 7] [--skip-scale] [--skip-load]
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';
import { startBenchHost } from './lib/host.mjs';
import { VARIANTS, measureLoad } from './lib/loadRun.mjs';
import { measureScale } from './lib/scaleRun.mjs';
import { cell, fmt, ratio, summarize, table } from './lib/stats.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = Math.max(5, option('--runs', 7));
const SCALE_RUNS = Math.max(3, option('--scale-runs', 5));

/** What is printed, in order, with units. Medians with (min–max). */
const LOAD_METRICS = {
  jsBytes: ['JS transferred before any interaction', 'kB'],
  jsDecodedBytes: ['JS decoded (uncompressed) before interaction', 'kB'],
  jsRequests: ['JS requests before interaction', 'n'],
  cssBytes: ['CSS transferred before interaction', 'kB'],
  apiBytes: ['API traffic before interaction', 'kB'],
  totalBytes: ['Everything transferred (JS, CSS, API, other)', 'kB'],
  longTaskMs: ['Main-thread long tasks during load (sum)', 'ms'],
  blockingMs: ['Total blocking time (long tasks − 50 ms)', 'ms'],
  visibleMs: ['Navigation → launcher visible', 'ms'],
  readyMs: ['Navigation → widget interactive', 'ms'],
  clickToPanelMs: ['Click launcher → first panel control focused', 'ms'],
  startToComposerMs: ['Click "Start a conversation" → composer focused', 'ms'],
  clickToComposerMs: ['Click → focused composer (all clicks)', 'ms'],
  jsBytesAfterOpen: ['JS transferred after opening', 'kB'],
  jsBytesAfterSend: ['JS transferred after sending a message', 'kB'],
  heapBytes: ['JS heap after load (after GC)', 'MB'],
};

const root = new URL('..', import.meta.url);
if (!existsSync(new URL('dist/server.js', root)) || !existsSync(new URL('dist/parley.js', root))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync(new URL('node_modules/deep-chat/dist/deepChat.bundle.js', root))) {
  console.error('bench: node_modules/deep-chat is missing; run `npm install`');
  process.exit(1);
}

const { createParleyServer } = await import(new URL('dist/server.js', root).href);
// The real reference backend, in this process: in-memory SQLite, no rate limits, no topics (so
// "Start a conversation" leads straight to the composer), no knowledge base or bot.
const server = await createParleyServer({
  port: 0,
  database: ':memory:',
  limits: { rate: false },
  quiet: true,
  kbDir: false,
  bot: false,
  config: { topics: [] },
});
const host = await startBenchHost({ endpoint: server.url });
const chromium = await launch();

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1e9),
    node: process.version,
    chromium: chromium.version,
    deepChat: JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('node_modules/deep-chat/package.json', root), 'utf8'))).version,
  },
  runs: RUNS,
  load: null,
  scale: null,
};

try {
  if (!flag('--skip-load')) results.load = await loadComparison();
  if (!flag('--skip-scale')) results.scale = await measureScale(chromium.browser, host.url, server, { runs: SCALE_RUNS, log: console.log });
} finally {
  await chromium.close();
  await host.close();
  await server.close();
}

const out = fileURLToPath(new URL('results.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
if (results.scale) printScale(results.scale);
console.log(`\nwritten: ${out}`);

async function loadComparison() {
  const names = /** @type {Array<keyof typeof VARIANTS>} */ (Object.keys(VARIANTS));
  /** @type {Record<string, Array<Record<string, number>>>} */
  const raw = Object.fromEntries(names.map((n) => [n, []]));
  // Warm-up (not recorded): Chromium's first launch of each page compiles more.
  for (const name of names) await measureLoad(chromium.browser, host.url, name);
  for (let round = 0; round < RUNS; round++) {
    // Alternate the order every round, so no variant always runs first or last.
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const result = await measureLoad(chromium.browser, host.url, name);
      if (result.errors) console.warn(`  ${name}: page errors: ${result.errors.join('; ')}`);
      raw[name].push(result);
    }
    console.log(`load round ${round + 1}/${RUNS} done`);
  }
  const metrics = Object.keys(LOAD_METRICS);
  const summary = Object.fromEntries(
    names.map((n) => [n, Object.fromEntries(metrics.map((m) => [m, summarize(raw[n].map((r) => r[m]))]))]),
  );
  const ratios = Object.fromEntries(
    metrics.map((m) => [
      m,
      { parleyToDeepChat: ratio(summary.parley[m], summary.deepchat[m]), parleyToNone: ratio(summary.parley[m], summary.none[m]) },
    ]),
  );
  printLoad(summary, ratios);
  return { summary, ratios, raw };
}


function printLoad(summary, ratios) {
  const x = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);
  const rows = [['metric (median, min–max)', 'no widget', 'Parley', 'Deep Chat', 'Parley/Deep Chat', 'Parley/no widget']];
  for (const [m, [label, unit]] of Object.entries(LOAD_METRICS)) {
    rows.push([label, cell(summary.none[m], unit), cell(summary.parley[m], unit), cell(summary.deepchat[m], unit), x(ratios[m].parleyToDeepChat), x(ratios[m].parleyToNone)]);
  }
  console.log(`\nPage load, ${RUNS} runs per variant, alternating (machine: ${results.machine.cpus} cores, ${results.machine.chromium})\n`);
  console.log(table(rows));
}

function printScale(scale) {
  console.log('\nLong conversation (Parley)\n');
  const rows = [['measurement', 'median (min–max)', 'goal']];
  for (const row of scale.rows) rows.push([row.label, cell(row.summary, row.unit), row.goal ?? '']);
  console.log(table(rows));
  if (scale.heapCurve) {
    console.log(`\nHeap while appending 1,000 messages one by one (after GC): ${scale.heapCurve.map((p) => `${p.messages}: ${fmt(p.heapBytes, 'MB')}`).join(', ')}`);
    console.log(`  per message: ${fmt(scale.heapPerMessageBytes, 'n')} B (linear fit, r² = ${scale.heapFitR2.toFixed(3)})`);
  }
}
