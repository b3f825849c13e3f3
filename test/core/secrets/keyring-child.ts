// Run by secret-service.test.ts inside `dbus-run-session` with a real gnome-keyring-daemon: the CLI stores a key,
// the app's key store reads it, libsecret's own tool sees it, no plain file is written; then the app removes it
// and the CLI sees that. Prints one JSON object with what each side saw.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSharedKeyStore } from '../../../src-main/core/secrets/index.js';
import { createAppKeyStore } from '../../../src-main/electron/key-store.js';

const configDir = process.env.KOOMPI_CONFIG_DIR!;
const bin = join(process.cwd(), 'bin/koompi-ask');

function run(cmd: string, args: string[], input = ''): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { env: process.env });
    let out = '';
    let err = '';
    c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    c.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    c.on('close', (code) => resolve({ code, out, err }));
    c.stdin.end(input);
  });
}

const KEY = 'AIzaSy-keyring-test_ខ្មែរ-ok';
const shared = createSharedKeyStore({ configDir, env: process.env });
const before = await shared.info('gemini');
const cliSet = await run(process.execPath, [bin, 'config', 'set-key', 'gemini'], `${KEY}\n`);
const app = createAppKeyStore(configDir, process.env);
const appStatus = await app.status();
const appGet = await app.get();
const lookup = await run('secret-tool', ['lookup', 'application', 'koompi-assistant', 'key', 'gemini']);
const fileWritten = existsSync(join(configDir, 'keys.json'));
await app.clear();
const cliList = await run(process.execPath, [bin, 'config', 'list', '--json']);
const afterLookup = await run('secret-tool', ['lookup', 'application', 'koompi-assistant', 'key', 'gemini']);
process.stdout.write(
  JSON.stringify({
    before,
    cliSet,
    appStatus,
    appGetMatches: appGet === KEY,
    lookupMatches: lookup.out === KEY,
    fileWritten,
    cliKeysAfterClear: (JSON.parse(cliList.out) as { keys: unknown }).keys,
    afterLookupCode: afterLookup.code,
  }),
);
