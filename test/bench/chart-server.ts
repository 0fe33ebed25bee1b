/**
 * What main/server.ts runs, for chart-paint.ts: the core on a data folder and
 * the loopback HTTP transport serving a given renderer build, without sync.
 * main/server.ts serves the shared dist-renderer, which other builds empty
 * and refill at any moment; the bench serves its own build instead. Prints
 * the address (with its token) as its only line on stdout.
 * Usage: tsx test/bench/chart-server.ts <data dir> <renderer build dir>
 */
import { createCore } from '../../main/core';
import { startHttpTransport } from '../../main/transports/http';

const [dataDir, staticDir] = process.argv.slice(2);
if (!dataDir || !staticDir) throw new Error('usage: chart-server.ts <data dir> <renderer build dir>');
const core = await createCore({ dataDir });
const http = await startHttpTransport({ core, staticDir, port: 0 });
process.stdout.write(`${http.url}\n`);

process.on('SIGTERM', () => {
  void http
    .close()
    .then(() => core.close())
    .then(() => process.exit(0));
});
