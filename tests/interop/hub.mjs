// Shared by the interop tests: a free loopback port and waiting until the started hub listens on it.
import net from 'node:net';

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
