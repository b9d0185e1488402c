// `npm run dev`: tsc in watch mode, and the server restarted (gracefully: SIGTERM, then wait for it
// to stop its embedded PostgreSQL) each time the compiled output settles after a change.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETTLE_MS = 500;

execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
const tsc = spawn(
  process.execPath,
  [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'],
  { cwd: root, stdio: 'inherit' },
);

let server;
let stopping = false;
const start = () => {
  server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, stdio: 'inherit' });
};
const stopServer = () =>
  new Promise((resolve) => {
    if (!server || server.exitCode !== null) return resolve();
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });

let timer;
fs.watch(path.join(root, 'dist'), { recursive: true }, (_event, file) => {
  if (stopping || !file?.endsWith('.js')) return;
  clearTimeout(timer);
  timer = setTimeout(async () => {
    console.log('dev: compiled output changed, restarting the server');
    await stopServer();
    if (!stopping) start();
  }, SETTLE_MS);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    clearTimeout(timer);
    tsc.kill('SIGTERM');
    await stopServer();
    process.exit(0);
  });
}
start();
