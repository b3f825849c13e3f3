// Counts attempts to reach beyond loopback during an evaluation: in this process by watching socket connects and
// DNS lookups, and (in a network namespace) for every process inside through the kernel's "no route" counters.
import net from 'node:net';
import dns from 'node:dns';
import { readFileSync } from 'node:fs';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/i;

export const isLoopback = (host: string): boolean => LOOPBACK.test(host.replace(/^\[|\]$/g, ''));

export interface NetWatch {
  stop(): { attempts: number; targets: string[] };
}

/** Starts counting; stop() restores the originals and returns what was seen. */
export function watchNetwork(): NetWatch {
  const targets: string[] = [];
  const note = (host: string | undefined, port: unknown): void => {
    if (host === undefined || isLoopback(host)) return;
    targets.push(port === undefined ? host : `${host}:${String(port)}`);
  };
  const proto = net.Socket.prototype as unknown as { connect: (...a: unknown[]) => unknown };
  const origConnect = proto.connect;
  proto.connect = function patchedConnect(this: unknown, ...args: unknown[]): unknown {
    const first = args[0];
    if (Array.isArray(first)) {
      const o = first[0] as { host?: string; port?: unknown; path?: string } | undefined;
      if (o && !o.path) note(o.host ?? 'localhost', o.port);
    } else if (typeof first === 'object' && first !== null) {
      const o = first as { host?: string; port?: unknown; path?: string };
      if (!o.path) note(o.host ?? 'localhost', o.port);
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      note(typeof args[1] === 'string' ? args[1] : 'localhost', first);
    }
    return origConnect.apply(this, args);
  };
  const origLookup = dns.lookup;
  const origPromisesLookup = dns.promises.lookup;
  (dns as { lookup: unknown }).lookup = function patchedLookup(host: string, ...rest: unknown[]): unknown {
    note(host, undefined);
    return (origLookup as (...a: unknown[]) => unknown).call(dns, host, ...rest);
  };
  (dns.promises as { lookup: unknown }).lookup = function patchedPromisesLookup(host: string, ...rest: unknown[]): unknown {
    note(host, undefined);
    return (origPromisesLookup as (...a: unknown[]) => unknown).call(dns.promises, host, ...rest);
  };
  return {
    stop: () => {
      proto.connect = origConnect;
      (dns as { lookup: unknown }).lookup = origLookup;
      (dns.promises as { lookup: unknown }).lookup = origPromisesLookup;
      return { attempts: targets.length, targets: [...new Set(targets)] };
    },
  };
}

/** IPv4 OutNoRoutes + IPv6 Ip6OutNoRoutes of the current network namespace, or null without /proc/net. */
export function kernelNoRouteCount(): number | null {
  try {
    const snmp = readFileSync('/proc/net/snmp', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Ip:'));
    const names = snmp[0]!.split(/\s+/);
    const values = snmp[1]!.split(/\s+/);
    const v4 = Number(values[names.indexOf('OutNoRoutes')]);
    let v6 = 0;
    try {
      const m = /^Ip6OutNoRoutes\s+(\d+)/m.exec(readFileSync('/proc/net/snmp6', 'utf8'));
      if (m) v6 = Number(m[1]);
    } catch {
      // no IPv6 in this kernel
    }
    return Number.isFinite(v4) ? v4 + v6 : null;
  } catch {
    return null;
  }
}
