// `npm run dev`: tsc in watch mode, and the server (re)started after each compilation that ends
// without errors — tsc says so on its own output — gracefully: SIGTERM, then wait for it to stop
// its embedded PostgreSQL before the next one starts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const tsc = spawn(
  process.execPath,
  [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);

let server;
let stopping = false;
const stopServer = () =>
  new Promise((resolve) => {
    if (!server || server.exitCode !== null) return resolve();
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });

// One restart at a time: a compilation finishing while the server stops waits for it.
let restarting = Promise.resolve();
readline.createInterface({ input: tsc.stdout }).on('line', (line) => {
  console.log(line);
  if (stopping || !/Found 0 errors\. Watching for file changes\./.test(line)) return;
  restarting = restarting.then(async () => {
    if (server) console.log('dev: compiled without errors, restarting the server');
    await stopServer();
    if (!stopping) server = spawn(process.execPath, ['dist/src/main.js'], { cwd: root, stdio: 'inherit' });
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    tsc.kill('SIGTERM');
    await restarting;
    await stopServer();
    process.exit(0);
  });
}
