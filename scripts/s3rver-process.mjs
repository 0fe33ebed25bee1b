/**
 * Runs s3rver (tests, `npm run demo`) in its own process. It lives apart from the
 * caller because its paginated listings need `--openssl-legacy-provider`
 * (continuation tokens are DES-encrypted), a flag the test workers must not get.
 *
 * Usage: node --openssl-legacy-provider s3rver-process.mjs <directory> <bucket>
 * Prints one JSON line `{"port": n}` once listening on 127.0.0.1.
 */
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error('usage: s3rver-process.mjs <directory> <bucket>');
  process.exit(2);
}

const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);

async function shutdown() {
  await server.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
// The parent holds our stdin open: if it dies without stopping us (a killed test worker), don't linger as an orphan.
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
