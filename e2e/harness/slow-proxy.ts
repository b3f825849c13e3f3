// A TCP proxy on 127.0.0.1 that can slow responses down line by line, like a slow network: used to see
// a model download's progress move at a human pace. Bounded: it only forwards to one loopback target.
import { createServer, connect, type Socket } from 'node:net';

export interface SlowProxy {
  url: string;
  /** Delay between response lines; 0 forwards at once. */
  lineDelayMs: number;
  close(): Promise<void>;
}

export async function startSlowProxy(targetUrl: string, lineDelayMs = 0): Promise<SlowProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const proxy: SlowProxy = { url: '', lineDelayMs, close: async () => undefined };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let chain = Promise.resolve();
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      chain = chain.then(async () => {
        if (proxy.lineDelayMs <= 0) {
          client.write(chunk);
        } else {
          let start = 0;
          for (let i = chunk.indexOf(10); i >= 0 && !client.destroyed; i = chunk.indexOf(10, start)) {
            client.write(chunk.subarray(start, i + 1));
            start = i + 1;
            await new Promise((r) => setTimeout(r, proxy.lineDelayMs));
          }
          if (start < chunk.length) client.write(chunk.subarray(start));
        }
        upstream.resume();
      });
    });
    upstream.on('end', () => void chain.then(() => client.end()));
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', () => void chain.then(drop));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  proxy.close = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
  return proxy;
}
