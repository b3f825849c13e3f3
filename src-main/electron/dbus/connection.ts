// A minimal D-Bus client for the session bus: connects to DBUS_SESSION_BUS_ADDRESS (unix path or abstract
// socket), authenticates with EXTERNAL (our uid), says Hello, then sends method calls (each with a
// timeout) and hands incoming method calls and signals to the caller. Enough for the app's own small
// service (./toggle-service.ts); no library needed.
import { connect, type Socket } from 'node:net';
import { decodeMessage, encodeMessage, messageLength, MessageType, NO_REPLY_EXPECTED, type DbusValue, type Message } from './wire.js';

export interface DbusConnection {
  /** Our unique name on the bus (":1.42"). */
  name: string;
  call(
    m: { destination: string; path: string; interface: string; member: string; signature?: string; body?: DbusValue[] },
    timeoutMs?: number,
  ): Promise<DbusValue[]>;
  /** Replies to a method call (a return with a body, or an error). */
  reply(to: Message, r: { signature?: string; body?: DbusValue[] } | { error: string; message: string }): void;
  onMessage(handler: (m: Message) => void): void;
  close(): void;
}

/** The socket path from a bus address ("unix:path=/run/user/1000/bus", "unix:abstract=/tmp/dbus-x,guid=…"). */
export function socketPathOf(address: string): string | null {
  for (const part of address.split(';')) {
    const [transport, rest] = [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)];
    if (transport !== 'unix') continue;
    const kv = new Map(rest.split(',').map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))] as const));
    if (kv.get('path')) return kv.get('path')!;
    if (kv.get('abstract')) return '\0' + kv.get('abstract')!;
  }
  return null;
}

export async function connectSessionBus(address: string | undefined, uid: number, timeoutMs = 2000): Promise<DbusConnection> {
  const path = address ? socketPathOf(address) : null;
  if (!path) throw new Error('No D-Bus session bus address (DBUS_SESSION_BUS_ADDRESS).');
  const sock: Socket = connect({ path });
  const timer = setTimeout(() => sock.destroy(new Error('D-Bus connection timed out')), timeoutMs);
  try {
    await new Promise<void>((ok, fail) => {
      sock.once('connect', ok);
      sock.once('error', fail);
    });
    // SASL: a NUL byte, then EXTERNAL with our uid in hex; the server answers OK <guid>.
    sock.write(Buffer.concat([Buffer.from([0]), Buffer.from(`AUTH EXTERNAL ${Buffer.from(String(uid)).toString('hex')}\r\n`)]));
    const line = await new Promise<string>((ok, fail) => {
      let got = '';
      const onData = (d: Buffer) => {
        got += d.toString('latin1');
        if (got.includes('\r\n')) {
          sock.off('data', onData);
          ok(got);
        }
      };
      sock.on('data', onData);
      sock.once('error', fail);
      sock.once('close', () => fail(new Error('D-Bus closed during authentication')));
    });
    if (!line.startsWith('OK ')) throw new Error(`D-Bus authentication refused: ${line.trim()}`);
    sock.write('BEGIN\r\n');
  } catch (e) {
    clearTimeout(timer);
    sock.destroy();
    throw e;
  }
  clearTimeout(timer);

  let serial = 1;
  const waiting = new Map<number, { ok: (b: DbusValue[]) => void; fail: (e: Error) => void; timer: NodeJS.Timeout }>();
  const handlers: ((m: Message) => void)[] = [];
  let pending: Buffer = Buffer.alloc(0);
  const failAll = (e: Error) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.fail(e);
    }
    waiting.clear();
  };
  sock.on('data', (d: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, d]) : d;
    try {
      for (;;) {
        const n = messageLength(pending);
        if (n === null || pending.length < n) break;
        const m = decodeMessage(pending.subarray(0, n));
        pending = pending.subarray(n);
        if ((m.type === MessageType.MethodReturn || m.type === MessageType.Error) && m.replySerial !== undefined) {
          const w = waiting.get(m.replySerial);
          if (!w) continue;
          waiting.delete(m.replySerial);
          clearTimeout(w.timer);
          if (m.type === MessageType.Error) w.fail(new Error(`${m.errorName}: ${String(m.body[0] ?? '')}`));
          else w.ok(m.body);
        } else {
          for (const h of handlers) h(m);
        }
      }
    } catch (e) {
      sock.destroy(e as Error);
    }
  });
  sock.on('close', () => failAll(new Error('D-Bus connection closed')));
  sock.on('error', () => undefined);

  const send = (m: Omit<Message, 'serial'>): number => {
    const s = serial++;
    sock.write(encodeMessage({ ...m, serial: s }));
    return s;
  };
  const conn: DbusConnection = {
    name: '',
    call(m, ms = 2000) {
      return new Promise((ok, fail) => {
        const s = send({ type: MessageType.MethodCall, flags: 0, ...m, body: m.body ?? [] });
        const t = setTimeout(() => {
          waiting.delete(s);
          fail(new Error(`D-Bus call ${m.member} timed out`));
        }, ms);
        waiting.set(s, { ok, fail, timer: t });
      });
    },
    reply(to, r) {
      if (to.flags & NO_REPLY_EXPECTED) return;
      if ('error' in r)
        send({
          type: MessageType.Error,
          flags: NO_REPLY_EXPECTED,
          replySerial: to.serial,
          destination: to.sender,
          errorName: r.error,
          signature: 's',
          body: [r.message],
        });
      else
        send({
          type: MessageType.MethodReturn,
          flags: NO_REPLY_EXPECTED,
          replySerial: to.serial,
          destination: to.sender,
          signature: r.signature ?? '',
          body: r.body ?? [],
        });
    },
    onMessage: (h) => {
      handlers.push(h);
    },
    close: () => {
      sock.end();
      sock.destroy();
    },
  };
  const [name] = await conn.call(
    { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus', member: 'Hello' },
    timeoutMs,
  );
  conn.name = String(name);
  return conn;
}
