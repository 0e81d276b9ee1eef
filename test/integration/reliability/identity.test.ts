import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, createHttpTransport, createMemoryStorage, isHttpError, type ParleyClient } from '../../../src/core/index.js';
import type { Identity } from '../../../src/core/protocol/index.js';
import { createParleyServer, signIdentity, type ParleyServer } from '../../../src/server/index.js';
import { createHttpFaultProxy, type HttpFaultProxy } from '../../reliability/support/createHttpFaultProxy.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { waitFor } from '../../support/waitFor.js';

const SECRET = 'host-identity-secret-for-tests-0123456789';
const USER = 'u_42';
let server: ParleyServer;
let proxy: HttpFaultProxy;
const clients: ParleyClient[] = [];
const logged: string[] = [];
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

const now = () => Math.floor(Date.now() / 1000);
const identity = (userId: string, expires: number, secret = SECRET): Identity => ({ userId, expires, signature: signIdentity(secret, userId, expires) });

beforeAll(async () => {
  // Everything any part of the client (or server) writes to the console is kept and searched.
  for (const method of consoleMethods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  server = await createParleyServer({ port: 0, database: ':memory:', quiet: false, identitySecret: SECRET, limits: { rate: false } });
  proxy = await createHttpFaultProxy(server.port);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await proxy?.close();
  await server?.close();
  vi.restoreAllMocks();
});

/** A real client on its own "device" (fresh storage), with no onWarning: warnings go to the console. */
function device(claim?: Identity): ParleyClient {
  const client = createClient({
    transport: createHttpTransport({ endpoint: proxy.url, timeout: 3000 }),
    storage: createMemoryStorage(),
    ...(claim ? { identity: claim } : {}),
  });
  clients.push(client);
  return client;
}

async function sendAndConfirm(client: ParleyClient, text: string) {
  const message = client.send(text);
  await waitFor(() => client.$messages.get().find((m) => m.clientId === message.clientId)?.state === 'sent', `"${text}" to be confirmed`);
}

describe('host-signed identity through the real client', () => {
  let laptop: ParleyClient;
  const refused: Array<{ claim: string; code: string | undefined }> = [];

  beforeAll(async () => {
    laptop = device(identity(USER, now() + 3600));
    await laptop.start();
    expect(laptop.$session.get()).toMatchObject({ status: 'ready', userId: USER });
    await sendAndConfirm(laptop, 'My withdrawal to IBAN DE44 is stuck');
  });

  it('refuses a claim without a valid signature and shows the user’s conversation to nobody', async () => {
    const expires = now() + 3600;
    const forged: Array<[string, Identity]> = [
      ['random signature', { userId: USER, expires, signature: 'ab'.repeat(32) }],
      ['signed for another user', { ...identity('u_43', expires), userId: USER }],
      ['signed with another secret', identity(USER, expires, 'guessed-secret')],
      ['expiry moved forward', { ...identity(USER, expires), expires: expires + 86400 }],
    ];
    // A malformed claim does not even reach the server: the client refuses the option, by name.
    const truncated = { ...identity(USER, expires), signature: identity(USER, expires).signature.slice(0, 32) };
    expect(() => device(truncated)).toThrow(/option `identity`/);
    const raw = await fetch(`${server.url}/v1/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identity: truncated }) });
    expect([400, 401]).toContain(raw.status);
    expect(JSON.stringify(await raw.json())).not.toMatch(/"token"/);
    refused.push({ claim: 'truncated signature (client option and raw request)', code: `HTTP ${raw.status}` });
    for (const [claim, forgedIdentity] of forged) {
      const attacker = device(forgedIdentity);
      await attacker.start();
      const error = attacker.$error.get();
      refused.push({ claim, code: isHttpError(error) ? error.problemCode : undefined });
      expect(isHttpError(error) && error.status, claim).toBe(401);
      expect(isHttpError(error) && error.problemCode, claim).toBe('identity_invalid');
      expect(attacker.$session.get().status, claim).toBe('error');
      expect(attacker.$conversation.get(), claim).toBeNull();
      expect(attacker.$messages.get(), claim).toEqual([]);
    }
    // An anonymous visitor cannot open the user's conversation by id either.
    const anonymous = device();
    await anonymous.start();
    const conversationId = laptop.$conversation.get()!.id;
    await expect(anonymous.transport.getConversation(conversationId)).rejects.toMatchObject({ status: 403 });
    await expect(anonymous.transport.listMessages(conversationId, { limit: 50 })).rejects.toMatchObject({ status: 403 });
  });

  it('rejects an expired token, including a replay of one that worked before it expired', async () => {
    const stale = device(identity(USER, now() - 60));
    await stale.start();
    expect(isHttpError(stale.$error.get()) && stale.$error.get()).toMatchObject({ status: 401, problemCode: 'identity_expired' });
    expect(stale.$conversation.get()).toBeNull();

    const shortLived = identity(USER, now() + 2);
    const phone = device(shortLived);
    await phone.start();
    expect(phone.$session.get().status).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const replay = device(shortLived);
    await replay.start();
    expect(isHttpError(replay.$error.get()) && replay.$error.get()).toMatchObject({ status: 401, problemCode: 'identity_expired' });
    expect(replay.$messages.get()).toEqual([]);
    refused.push({ claim: 'expired', code: 'identity_expired' }, { claim: 'replayed after expiry', code: 'identity_expired' });
  });

  it('lets a valid token reclaim the user’s conversation on another device, live both ways', async () => {
    const tablet = device(identity(USER, now() + 600));
    await tablet.start();
    expect(tablet.$conversation.get()?.id).toBe(laptop.$conversation.get()!.id);
    await waitFor(() => tablet.$messages.get().some((m) => m.text === 'My withdrawal to IBAN DE44 is stuck'), 'the history on the tablet');
    await sendAndConfirm(tablet, 'Writing from my tablet now');
    await waitFor(() => laptop.$messages.get().some((m) => m.text === 'Writing from my tablet now'), 'the laptop to see it live');
  });

  it('never puts a bearer token or an identity signature in a URL or a log line', async () => {
    const secrets = new Set<string>();
    for (const request of proxy.requests) {
      const auth = request.headers.authorization;
      if (typeof auth === 'string') secrets.add(auth.replace(/^Bearer\s+/i, ''));
      const body = request.body.startsWith('{') ? (JSON.parse(request.body) as { identity?: Identity }) : {};
      if (body.identity?.signature) secrets.add(body.identity.signature);
    }
    expect(secrets.size).toBeGreaterThan(5);
    const leaks = proxy.requests.filter((request) => [...secrets].some((secret) => decodeURIComponent(request.url).includes(secret)));
    expect(leaks.map((r) => r.url)).toEqual([]);
    expect(proxy.requests.every((r) => !/token|signature|auth/i.test(r.url))).toBe(true);
    const leakedLogs = logged.filter((line) => [...secrets].some((secret) => line.includes(secret)));
    expect(leakedLogs).toEqual([]);
    recordFigures('identity', {
      refusedClaims: refused.length,
      refusedCodes: refused,
      requestsChecked: proxy.requests.length,
      secretsTracked: secrets.size,
      consoleLinesChecked: logged.length,
      leaks: leaks.length + leakedLogs.length,
    });
  });
});
