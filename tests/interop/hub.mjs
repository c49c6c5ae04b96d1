// The built hub (src/ExchangeHub.Server/bin/Debug/net10.0) for the interop tests: started on a free loopback port over a
// temporary SQLite file, with the given .proto files loaded by @grpc/proto-loader (nothing else of the hub is used).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hubDir = join(root, 'src/ExchangeHub.Server/bin/Debug/net10.0');

export function freePort() {
  return new Promise((ok) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
}

export async function waitForPort(p, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await new Promise((ok) => { const c = net.connect(p, '127.0.0.1', () => { c.end(); ok(true); }); c.on('error', () => ok(false)); });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`hub did not listen on ${p} within ${ms} ms`);
}

/** Starts the hub; returns its port, the loaded exchangehub.v1 package and stop(). `loader` adds proto-loader options. */
export async function startHub(protoFiles, loader = {}) {
  assert.ok(existsSync(join(hubDir, 'ExchangeHub.Server.dll')), 'build the solution first (scripts/test.sh does)');
  const dir = mkdtempSync(join(tmpdir(), 'exchangehub-interop-'));
  const port = await freePort();
  const hub = spawn('dotnet', ['ExchangeHub.Server.dll', '--urls', `http://127.0.0.1:${port}`,
    '--Hub:Storage:ConnectionString', `Data Source=${join(dir, 'hub.db')}`], { cwd: hubDir, stdio: 'ignore' });
  await waitForPort(port, 60000);
  const definition = protoLoader.loadSync(protoFiles,
    { includeDirs: [join(root, 'protos')], keepCase: true, longs: Number, enums: String, defaults: true, ...loader });
  const v1 = grpc.loadPackageDefinition(definition).exchangehub.v1;
  return { port, v1, stop: () => { hub.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Call metadata with the agency's bearer token (none without one). */
export function metadata(token) {
  const m = new grpc.Metadata();
  if (token) m.set('authorization', `Bearer ${token}`);
  return m;
}
