/**
 * The loopback HTTP transport, started for real on 127.0.0.1 (port 0): it
 * must refuse anything without the run token, from another origin or under
 * another Host name (DNS rebinding), bound the body size with a clear answer,
 * carry calls to the core, and stream data.changed events.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTransport, type HttpTransport } from '../../main/transports/http';
import { makeClinic, PASSWORD, type Clinic } from '../support/clinic';

let clinic: Clinic;
let http: HttpTransport;
const TOKEN = 'test-run-token-0123456789';

beforeAll(async () => {
  clinic = await makeClinic();
  http = await startHttpTransport({ core: clinic.core, token: TOKEN });
});
afterAll(async () => {
  await http.close();
  await clinic.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests control every header (fetch forbids setting Host). */
function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: http.port, path: options.path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const base = () => ({ host: `127.0.0.1:${http.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send({ path: '/api/call', headers: { ...base(), ...headers }, body: JSON.stringify({ method, input }) });

describe('HTTP transport', () => {
  it('binds the loopback address and gives the token in the URL fragment', () => {
    const address = http.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(http.url).toBe(`http://127.0.0.1:${http.port}/#token=${TOKEN}`);
  });

  it('refuses a missing or wrong token with 401', async () => {
    const { authorization: _auth, ...noToken } = base();
    for (const headers of [
      noToken,
      { ...base(), authorization: 'Bearer test-run-token-0123456780' },
      { ...base(), authorization: `Basic ${TOKEN}` },
      { ...base(), authorization: 'Bearer ' },
    ]) {
      const reply = await send({ path: '/api/call', headers, body: JSON.stringify({ method: 'setup.status', input: {} }) });
      expect(reply.status).toBe(401);
      const body = JSON.parse(reply.body) as { error: string };
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatch(/token/);
    }
    expect((await send({ path: '/api/events', method: 'GET', headers: noToken })).status).toBe(401);
  });

  it('refuses a foreign Origin and a wrong Host with 403', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${http.port}`, 'null', `https://127.0.0.1:${http.port}`]) {
      const reply = await call('setup.status', {}, { origin });
      expect(reply.status, origin).toBe(403);
    }
    for (const host of ['evil.example', `localhost:${http.port}`, '127.0.0.1', `127.0.0.1:${http.port + 1}`]) {
      const reply = await call('setup.status', {}, { host });
      expect(reply.status, host).toBe(403);
    }
    expect((await call('setup.status', {}, { origin: `http://127.0.0.1:${http.port}` })).status).toBe(200);
  });

  it('refuses an oversized body with 400 and a clear message, and writes nothing', async () => {
    const before = clinic.snapshot();
    const padding = 'x'.repeat(1024 * 1024 + 10);
    const reply = await call('rooms.save', { name: 'Big', padding });
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toMatch(/too large/i);
    expect(clinic.snapshot()).toEqual(before);
    // The server is still there afterwards.
    expect((await call('setup.status', {})).status).toBe(200);
  });

  it('lets a file-carrying method declared in a header send more, and only that method', async () => {
    const before = clinic.snapshot();
    const padding = 'x'.repeat(1024 * 1024 + 10);
    // Past the usual limit, the code import gets to its own validation (no session here: refused as such).
    const big = await call(
      'codes.import',
      { fileName: 'icd10cm-codes-2026.txt', content: padding },
      { 'x-outpost-method': 'codes.import' },
    );
    expect(big.status).toBe(200);
    expect((JSON.parse(big.body) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    // Declaring the import while calling another method gets the ordinary limit's refusal.
    const smuggled = await call('rooms.save', { name: 'Big', padding }, { 'x-outpost-method': 'codes.import' });
    expect(smuggled.status).toBe(400);
    expect(clinic.snapshot()).toEqual(before);
  });

  it('answers malformed JSON with 400 and unknown endpoints with 404', async () => {
    const bad = await send({ path: '/api/call', headers: base(), body: '{"method": "setup.status",' });
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.body) as { error: { message: string } }).error.message).toMatch(/JSON/);
    expect((await send({ path: '/api/nothing', headers: base(), body: '{}' })).status).toBe(404);
    expect((await send({ path: '/api/call', method: 'GET', headers: base() })).status).toBe(404);
  });

  it('carries calls to the core: public, with a session, and typed refusals', async () => {
    const status = await call('setup.status', {});
    expect(status.status).toBe(200);
    expect(status.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { needsSetup: false } });
    const login = JSON.parse((await call('auth.login', { username: 'nora.nurse', password: PASSWORD })).body) as {
      ok: true;
      value: { token: string };
    };
    expect(login.ok).toBe(true);
    const me = JSON.parse((await call('auth.me', {}, { 'x-outpost-session': login.value.token })).body) as {
      value: { user: { username: string } };
    };
    expect(me.value.user.username).toBe('nora.nurse');
    const refused = JSON.parse((await call('users.list', {}, { 'x-outpost-session': login.value.token })).body) as {
      ok: boolean;
      error: { code: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anonymous = JSON.parse((await call('auth.me', {})).body) as { ok: boolean; error: { code: string } };
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('streams data.changed after a write', async () => {
    const admin = await clinic.as('admin');
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${http.port}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (marker: string) => {
      while (!received.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${marker}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(': connected');
    const reply = await call('rooms.save', { name: 'Streamed room' }, { 'x-outpost-session': admin.token ?? '' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
    await readUntil('event: sync.status');
    controller.abort();
    const event = /event: data\.changed\ndata: (.*)\n\n/.exec(received);
    expect(event?.[1]).toBeDefined();
    expect(JSON.parse(event?.[1] ?? '{}')).toEqual({ tables: ['rooms'] });
  });
});
