// Starts the Ollama protocol double (test/doubles/ollama-double.ts) on OLLAMA_HOST's port, for `koompi-ask eval
// --server "npx tsx eval/serve-double.ts"` when no real Ollama is installed. Runs until SIGTERM/SIGINT.
import { createServer } from 'node:net';
import { startOllamaDouble } from '../test/doubles/ollama-double.js';

const host = process.env.OLLAMA_HOST ?? '127.0.0.1:11434';
const port = Number(/:(\d+)$/.exec(host)?.[1] ?? 11434);

// The double listens on an ephemeral port; a small TCP relay puts it on the port the eval expects.
const d = await startOllamaDouble({
  models: [{ name: 'qwen2.5:1.5b', size: 986_061_892 }],
  answer: 'On KOOMPI OS, use the koompi command when it is there, otherwise pacman:\n\n```bash\nkoompi pkg install firefox\n```\n',
  tokenDelayMs: 2,
});
const { connect } = await import('node:net');
const relay = createServer((client) => {
  const upstream = connect(d.port, '127.0.0.1');
  client.pipe(upstream).pipe(client);
  const end = (): void => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end);
  upstream.on('error', end);
});
relay.listen(port, '127.0.0.1');
const stop = async (): Promise<void> => {
  relay.close();
  await d.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
