/**
 * `npm run demo`: two workstations of the demo clinic syncing through a local
 * S3 server, to see sync work. Starts s3rver on 127.0.0.1 (a random port, a
 * fresh folder), workstation A with the demo clinic, then workstation B, which
 * starts empty and joins the clinic from the bucket. Both URLs are printed.
 * Book on A, see it on B; switch A to "Work offline" in its sync panel, book
 * the same slot on both, go back online, and both show the conflict.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'outpost-demo-'));
const bucket = 'outpost-demo';
const children = [];

function stopAll(code) {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => {
    rmSync(work, { recursive: true, force: true });
    process.exit(code);
  }, 500);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Start a child and resolve with the first stdout line matching `pattern`. */
function start(args, env, pattern, label) {
  return new Promise((resolveLine, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    child.on('exit', (code) => reject(new Error(`${label} stopped (exit ${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolveLine(match);
    });
  });
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

try {
  const [, s3Line] = await start(
    ['--openssl-legacy-provider', join(root, 'scripts', 's3rver-process.mjs'), join(work, 's3'), bucket],
    {},
    /^(\{.*\})$/,
    'the S3 server',
  );
  const endpoint = `http://127.0.0.1:${JSON.parse(s3Line).port}`;
  const server = ['--import', 'tsx', join(root, 'main', 'server.ts')];
  const common = { OUTPOST_SYNC_S3_ENDPOINT: endpoint, OUTPOST_SYNC_S3_BUCKET: bucket, OUTPOST_SYNC_POLL_MS: '2000' };
  const [, urlA] = await start(server, { ...common, OUTPOST_DATA_DIR: join(work, 'a'), OUTPOST_DEMO: '1' }, /Open (\S+)/, 'workstation A');
  const [, urlB] = await start(server, { ...common, OUTPOST_DATA_DIR: join(work, 'b'), OUTPOST_DEMO: '0' }, /Open (\S+)/, 'workstation B');
  process.stdout.write(
    [
      '',
      `Local S3 server:  ${endpoint} (bucket ${bucket})`,
      `Workstation A:    ${urlA}`,
      `Workstation B:    ${urlB}`,
      'Sign in on either as admin, manager, frontdesk, physician or nurse — password "outpost-demo".',
      'Ctrl+C stops everything and removes the demo data.',
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`The demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  stopAll(1);
}
