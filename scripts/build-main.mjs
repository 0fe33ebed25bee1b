/**
 * Bundles the Electron side for `npm run build`: main/app/main.ts -> dist/app/main.js
 * (ESM, Node) and preload/index.ts -> dist/preload/index.cjs (CommonJS, because a
 * sandboxed preload cannot be an ES module), then copies db/migrations to
 * dist/migrations, where main.ts points OUTPOST_MIGRATIONS. Native and
 * Electron-provided modules stay external; everything else is bundled so the
 * packaged app does not depend on the source tree.
 */
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });

const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/app/main.ts'],
    outfile: 'dist/app/main.js',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // pdfkit reads its font metrics from its own package folder at run time: it ships in node_modules, unbundled.
    external: ['electron', 'better-sqlite3', 'electron-updater', 'pdfkit'],
    // Bundled CommonJS dependencies may call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __outpostCreateRequire } from 'node:module'; const require = __outpostCreateRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    minify: true,
  }),
]);

cpSync(join(root, 'db', 'migrations'), join(dist, 'migrations'), { recursive: true });
console.log('built dist/app/main.js, dist/preload/index.cjs, dist/migrations');
