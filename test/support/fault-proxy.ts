/**
 * A loopback HTTP proxy in front of a test S3 endpoint that misbehaves on
 * request: what a clinic's flaky line, an overloaded provider or a captive
 * portal does to the sync engine, reproducible in a test. It also counts the
 * requests it sees, so benchmarks can report what a sync costs in S3 calls.
 *
 * Requests are forwarded untouched (Host header included), so SigV4
 * signatures made for the proxy's address still verify upstream.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode = 'pass' | 'error500' | 'error503' | 'reset' | 'hang' | 'slow' | 'truncate' | 'offline';
/** Faults that apply to one request; 'offline' is a state of the whole proxy. */
export type RequestFault = Exclude<FaultMode, 'pass' | 'offline'>;

export interface FaultProxy {
  /** http://127.0.0.1:<port>, stable across 'offline' and back. */
  endpoint: string;
  /** 'offline' closes the listening port (connections are refused); any other mode opens it again. */
  setMode(mode: FaultMode, slowMs?: number): Promise<void>;
  /** The next `n` requests get `mode`, then the current mode applies again. */
  failNext(n: number, mode: RequestFault): void;
  /** Requests seen, by GET/PUT/DELETE/HEAD/POST, with bucket listings as LIST; faulted ones included. */
  readonly requests: Record<string, number>;
  stop(): Promise<void>;
}

const INTERNAL_ERROR =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>';
// A load balancer in front of the store answers in HTML, not S3 XML: the store must cope with both.
const UNAVAILABLE = '<html><body><h1>503 Service Unavailable</h1></body></html>';

export async function startFaultProxy(target: string, options: { slowMs?: number } = {}): Promise<FaultProxy> {
  const upstream = new URL(target);
  if (upstream.hostname !== '127.0.0.1' && upstream.hostname !== 'localhost')
    throw new Error('The fault proxy only fronts loopback endpoints');
  const agent = new Agent({ keepAlive: true });
  let mode: FaultMode = 'pass';
  let slowMs = options.slowMs ?? 1000;
  const queued: RequestFault[] = [];
  const requests: Record<string, number> = {};

  const server = createServer((req, res) => {
    const kind = classify(req);
    requests[kind] = (requests[kind] ?? 0) + 1;
    const fault = queued.shift() ?? mode;
    switch (fault) {
      case 'error500':
        return res.writeHead(500, { 'content-type': 'application/xml' }).end(INTERNAL_ERROR);
      case 'error503':
        return res.writeHead(503, { 'content-type': 'text/html' }).end(UNAVAILABLE);
      case 'reset':
      case 'offline':
        return req.socket.destroy();
      case 'hang':
        return; // stop() closes it
      case 'slow':
        return void setTimeout(() => forward(req, res, false), slowMs);
      case 'truncate':
        return forward(req, res, true);
      case 'pass':
        return forward(req, res, false);
    }
  });

  function forward(req: IncomingMessage, res: ServerResponse, truncate: boolean): void {
    const outgoing = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!truncate) return void answer.pipe(res);
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          // Headers promise the whole length; half of it arrives, then the line drops.
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
        });
      },
    );
    outgoing.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.socket?.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  }

  let port = await listen(server, 0);
  let listening = true;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    async setMode(next, delay) {
      mode = next;
      if (delay !== undefined) slowMs = delay;
      if (next === 'offline' && listening) {
        listening = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      } else if (next !== 'offline' && !listening) {
        port = await listen(server, port);
        listening = true;
      }
    },
    failNext(n, fault) {
      for (let i = 0; i < n; i += 1) queued.push(fault);
    },
    async stop() {
      agent.destroy();
      if (!listening) return;
      listening = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Path-style S3: /<bucket> is the bucket (a GET lists it), /<bucket>/<key> an object. */
function classify(req: IncomingMessage): string {
  const method = req.method ?? 'GET';
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const parts = path.split('/').filter(Boolean);
  return method === 'GET' && parts.length <= 1 ? 'LIST' : method;
}
