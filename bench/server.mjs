// `npm run bench:server`: throughput of the reference backend with many live visitors.
//
// The server (dist/server.js, in-memory SQLite, rate limits off) runs in its own process; this
// process is the load: N visitors, each with a session, a conversation and an open event stream
// (GET /v1/events), plus one operator event stream (GET /v1/operator/events). Then every
// visitor sends M messages one after another, all visitors at once. For every message the time
// from the start of its POST to its `message.created` frame on the operator's stream is
// recorded (and to the echo on the visitor's own stream). The run ends by itself when every
// message has been delivered or after a timeout. Both processes together use the machine's two
// cores: the numbers are a floor, not a capacity plan.
//
// The whole scenario runs --runs times (fresh server each time); medians with min and max.
//
//   node bench/server.mjs [--visitors 1000] [--messages 5] [--runs 3] [--json bench/server-results.json]
import { fork } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';
import { createParser } from 'eventsource-parser';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const VISITORS = Number(option('--visitors', 1000));
const MESSAGES = Number(option('--messages', 5));
const RUNS = Number(option('--runs', 3));
const SETUP_CONCURRENCY = 50;
const DELIVERY_TIMEOUT_MS = 120_000;

if (!existsSync(new URL('../dist/server.js', import.meta.url))) {
  console.error('bench:server: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

// node:http rather than fetch, and keep-alive agents per visitor, like one browser each: its
// event stream and the connection its sends reuse are opened during setup (50 at a time). One
// shared pool would open ~1,000 connections at the instant the sends start, overflow the
// server's listen backlog, and measure the kernel's SYN retries (1 s, 3 s, 7 s) instead.
async function runOnce() {
  const agents = [];
  const newAgent = () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return agent;
  };
  const operatorAgent = newAgent();

  const child = fork(fileURLToPath(new URL('lib/serverProcess.mjs', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // `--profile-server`: a CPU profile of the server process (open it in Chrome DevTools).
    execArgv: args.includes('--profile-server') ? ['--cpu-prof', '--cpu-prof-dir=.tmp/profiles'] : [],
  });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const { url, operatorKey } = ready;
  const serverStats = () =>
    new Promise((resolve) => {
      const onMessage = (m) => {
        if (m.type !== 'stats') return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.send('stats');
    });

  const sentAt = new Map(); // clientId → performance.now() at the start of its POST
  const toOperator = [];
  const toVisitor = [];
  let delivered = 0;
  let lastDelivery = 0;
  let errors = 0;
  let closing = false;
  const streams = [];
  const state = { get closing() { return closing; }, streams, countError: () => errors++ };

  try {
    console.log(`bench:server: ${VISITORS} visitors × ${MESSAGES} messages against ${url} (${cpus().length} cores)`);

    // The operator's stream: every visitor's events.
    await openStream(state, operatorAgent, `${url}/v1/operator/events`, operatorKey, (event) => {
      if (event.type !== 'message.created' || event.message.author.role !== 'visitor') return;
      const start = sentAt.get(event.message.clientId);
      if (start === undefined) return;
      toOperator.push(performance.now() - start);
      delivered++;
      lastDelivery = performance.now();
    });

    // Visitors: session, conversation, live stream.
    const t0 = performance.now();
    const visitors = await pool(VISITORS, SETUP_CONCURRENCY, async (i) => {
      // Two agents, so the event stream cannot take the connection the sends will reuse.
      const agent = newAgent();
      const streamAgent = newAgent();
      const session = await post(agent, `${url}/v1/sessions`, null, { locale: 'en', widgetId: 'bench' });
      const token = session.token;
      const { conversation } = await post(agent, `${url}/v1/conversations`, token, { clientId: `bench-conv-${i}-${rand()}` });
      await openStream(state, streamAgent, `${url}/v1/events`, token, (event) => {
        if (event.type !== 'message.created' || event.message.author.role !== 'visitor') return;
        const start = sentAt.get(event.message.clientId);
        if (start !== undefined) toVisitor.push(performance.now() - start);
      });
      return { agent, token, conversationId: conversation.id };
    });
    const setupMs = performance.now() - t0;
    console.log(`  ${visitors.length} visitors connected in ${(setupMs / 1000).toFixed(1)} s`);

    // Sends: every visitor at once, each its messages one after another.
    const before = await serverStats();
    const cpuBefore = process.cpuUsage();
    const sendStart = performance.now();
    await Promise.all(
      visitors.map(async (visitor, i) => {
        for (let m = 0; m < MESSAGES; m++) {
          const clientId = `bench-${i}-${m}-${rand()}`;
          sentAt.set(clientId, performance.now());
          try {
            await post(visitor.agent, `${url}/v1/conversations/${visitor.conversationId}/messages`, visitor.token, {
              clientId,
              text: `Visitor ${i}, message ${m + 1}: my deposit has not arrived yet.`,
            });
          } catch (error) {
            errors++;
            if (errors <= 3) console.error(`  send failed: ${String(error)}`);
          }
        }
      }),
    );
    const sendsDoneMs = performance.now() - sendStart;
    const expected = VISITORS * MESSAGES - errors;
    const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
    while (delivered < expected && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
    const after = await serverStats();
    const cpuAfter = process.cpuUsage(cpuBefore);

    const spanMs = Math.max(lastDelivery, sendStart) - sendStart;
    const serverCpuMs = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
      visitors: VISITORS,
      messagesPerVisitor: MESSAGES,
      openStreams: streams.length,
      setupSeconds: setupMs / 1000,
      sent: VISITORS * MESSAGES,
      sendErrors: errors,
      deliveredToOperator: delivered,
      sendPhaseSeconds: sendsDoneMs / 1000,
      messagesPerSecond: delivered / (spanMs / 1000),
      sendToOperatorMs: percentiles(toOperator),
      sendToVisitorStreamMs: percentiles(toVisitor),
      serverCpuSeconds: serverCpuMs / 1000,
      serverCpuUtilization: serverCpuMs / spanMs,
      loadCpuSeconds: (cpuAfter.user + cpuAfter.system) / 1e6,
      serverRssMB: after.memory.rss / 1e6,
    };
    print(results);
    if (delivered < expected) process.exitCode = 1;
    return results;
  } finally {
    closing = true;
    for (const req of streams) req.destroy();
    for (const agent of agents) agent.destroy();
    child.send('close');
    await new Promise((ok) => child.once('exit', ok));
  }
}

const all = [];
for (let run = 1; run <= RUNS; run++) {
  console.log(`\nrun ${run}/${RUNS}`);
  all.push(await runOnce());
}
const summary = {
  messagesPerSecond: range(all.map((r) => r.messagesPerSecond)),
  sendToOperatorP50Ms: range(all.map((r) => r.sendToOperatorMs?.p50)),
  sendToOperatorP99Ms: range(all.map((r) => r.sendToOperatorMs?.p99)),
  serverCpuUtilization: range(all.map((r) => r.serverCpuUtilization)),
};
const f = (x, d = 0) => `${x.median.toFixed(d)} (${x.min.toFixed(d)}–${x.max.toFixed(d)})`;
console.log(`
${RUNS} runs, median (min–max):
  throughput                 ${f(summary.messagesPerSecond)} messages/s
  send → operator stream     p50 ${f(summary.sendToOperatorP50Ms)} ms, p99 ${f(summary.sendToOperatorP99Ms)} ms
  server CPU while sending   ${f({ median: summary.serverCpuUtilization.median * 100, min: summary.serverCpuUtilization.min * 100, max: summary.serverCpuUtilization.max * 100 })}% of one core`);
const out = option('--json', fileURLToPath(new URL('server-results.json', import.meta.url)));
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine: all[0]?.machine, visitors: VISITORS, messagesPerVisitor: MESSAGES, summary, runs: all }, null, 2)}\n`);
console.log(`\nwritten: ${out}`);

function range(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, min: sorted[0], max: sorted[sorted.length - 1] };
}

function post(agent, target, token, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) return reject(new Error(`${target} → ${res.statusCode} ${text}`));
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Opens an event stream; resolves once its headers have arrived, then reads it in the background. */
function openStream(state, agent, target, token, onEvent) {
  return new Promise((resolve, reject) => {
    let open = false;
    const req = request(target, { agent, headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${target} → ${res.statusCode}`));
      const parser = createParser({
        onEvent: (frame) => {
          try {
            onEvent(JSON.parse(frame.data));
          } catch (error) {
            state.countError();
            console.error(`  bad frame: ${String(error)}`);
          }
        },
      });
      res.setEncoding('utf8');
      res.on('data', (chunk) => parser.feed(chunk));
      res.on('error', (error) => state.closing || console.error(`  stream failed: ${String(error)}`));
      res.on('end', () => state.closing || console.error(`  a stream ended early: ${target}`));
      open = true;
      resolve(undefined);
    });
    req.on('error', (error) => (open ? state.closing || console.error(`  stream failed: ${String(error)}`) : reject(error)));
    req.end();
    state.streams.push(req);
  });
}

async function pool(count, concurrency, task) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return sorted.length ? { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted[sorted.length - 1] } : null;
}

function rand() {
  return Math.random().toString(36).slice(2, 10);
}

function print(r) {
  const ms = (p) => (p ? `p50 ${p.p50.toFixed(1)} ms, p90 ${p.p90.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms (${p.count})` : '—');
  console.log(`
  visitors with an open event stream   ${r.visitors} (+1 operator stream)
  messages sent                        ${r.sent} (${r.sendErrors} failed)
  delivered to the operator stream     ${r.deliveredToOperator}
  throughput                           ${r.messagesPerSecond.toFixed(0)} messages/s (send start → last delivery)
  send → operator stream               ${ms(r.sendToOperatorMs)}
  send → visitor's own stream          ${ms(r.sendToVisitorStreamMs)}
  server CPU                           ${r.serverCpuSeconds.toFixed(2)} s (${(r.serverCpuUtilization * 100).toFixed(0)}% of one core while sending)
  load generator CPU                   ${r.loadCpuSeconds.toFixed(2)} s
  server memory (RSS)                  ${r.serverRssMB.toFixed(0)} MB`);
}
