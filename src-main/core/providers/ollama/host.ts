// Reads OLLAMA_HOST the way Ollama itself does (bare host, host:port, :port, optional scheme) into a client base URL.

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
const DEFAULT_PORT = '11434';

/**
 * Turns an OLLAMA_HOST value into a base URL without a trailing slash.
 * Mirrors Ollama's envconfig.Host: no scheme means http and port 11434; an explicit http/https scheme without
 * a port means 80/443; an empty host means 127.0.0.1. A wildcard listen address (0.0.0.0, ::) is not something
 * a client can connect to, so it becomes 127.0.0.1. An unparsable port falls back to the default, as Ollama does.
 */
export function resolveOllamaHost(value: string | undefined): string {
  let s = (value ?? '')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();
  if (s === '') return DEFAULT_OLLAMA_HOST;
  let scheme = 'http';
  let defaultPort = DEFAULT_PORT;
  const sep = s.indexOf('://');
  if (sep !== -1) {
    scheme = s.slice(0, sep).toLowerCase();
    s = s.slice(sep + 3);
    if (scheme === 'http') defaultPort = '80';
    else if (scheme === 'https') defaultPort = '443';
    else scheme = 'http';
  }
  const slash = s.indexOf('/');
  const hostport = slash === -1 ? s : s.slice(0, slash);
  const path = slash === -1 ? '' : s.slice(slash + 1).replace(/\/+$/, '');
  let host: string;
  let port: string;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(hostport);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] ?? defaultPort;
  } else {
    const colons = hostport.split(':').length - 1;
    if (colons === 1) {
      const i = hostport.indexOf(':');
      host = hostport.slice(0, i);
      port = hostport.slice(i + 1);
    } else {
      // no port, or a bare IPv6 address
      host = hostport;
      port = defaultPort;
    }
  }
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) port = defaultPort;
  if (host === '' || host === '0.0.0.0' || host === '::' || host === '0:0:0:0:0:0:0:0') host = '127.0.0.1';
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${hostPart}:${port}${path ? `/${path}` : ''}`;
}
