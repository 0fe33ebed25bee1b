/**
 * `npm start`: build, then run the desktop app. Policy: never leave the user
 * with nothing — if the Electron binary is missing (installs here use
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1) try to fetch it once, and if that fails say
 * so on stderr and run the same core in browser mode (`tsx main/server.ts`,
 * which prints the URL to open).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronPackage = join(root, 'node_modules', 'electron');
const require = createRequire(import.meta.url);

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

/** The Electron executable if it is installed; never downloads anything itself. */
function installedElectron() {
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    try {
      const relative = readFileSync(join(electronPackage, 'path.txt'), 'utf8');
      if (!existsSync(join(electronPackage, 'dist', relative))) return null;
    } catch {
      return null;
    }
  }
  try {
    const path = require('electron'); // In Node, the package exports the executable's path.
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Hand the terminal to `command` and exit with its status; Ctrl+C and kill reach it. */
function handOver(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'])) process.exit(1);
if (!run([join(root, 'scripts', 'build-main.mjs')])) process.exit(1);

let electron = installedElectron();
if (!electron) {
  console.error('The Electron binary is not installed; trying to download it (node node_modules/electron/install.js)...');
  run([join(electronPackage, 'install.js')]);
  electron = installedElectron();
}

if (electron) {
  // An inherited ELECTRON_RUN_AS_NODE (e.g. from an editor's terminal) would start plain Node instead of the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  handOver(electron, [root], env);
} else {
  console.error(
    [
      '',
      'Electron is not available on this machine (its binary could not be downloaded),',
      'so Outpost starts in browser mode instead: the same core and data, served on 127.0.0.1.',
      'Open the URL printed below in a browser. To get the desktop app, run',
      '`node node_modules/electron/install.js` on a machine with internet access, then `npm start` again.',
      '',
    ].join('\n'),
  );
  handOver(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'server.ts')], process.env);
}
