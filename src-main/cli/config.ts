// koompi-ask config list [--json] | get KEY | set KEY VALUE | unset KEY | path | set-key NAME | rm-key NAME.
// Settings from the terminal, in the same file and the same key store as the app. Unknown keys, bad values and
// keys locked by the school exit 2 saying what is allowed or which file locks them. A key is read from stdin
// (no echo on a TTY), never from argv, where `ps` would show it to every user of the machine.
import type { ParsedArgs } from './args.js';
import { EXIT, UsageError, writeJsonLine, type CliIo } from './io.js';
import {
  applyEnvOverrides,
  BadSettingError,
  loadSettings,
  LockedSettingError,
  lockingFile,
  parseCliValue,
  patchFor,
  presetPaths,
  resolveConfigDir,
  settingKeys,
  settingValue,
  unsetSetting,
  updateSettings,
} from '../core/settings/index.js';
import { createSharedKeyStore, InvalidKeyError, KEY_ENV, KEY_NAMES, type KeyName } from '../core/secrets/index.js';
import { readSecret, SecretInputCancelled } from './read-secret.js';

export const CONFIG_USAGE = `usage: koompi-ask config list [--json] | get KEY | set KEY VALUE | unset KEY | path
       koompi-ask config set-key gemini|openai     (reads the key from standard input)
       koompi-ask config rm-key gemini|openai
`;

type Source = 'default' | 'school' | 'user' | 'env';

export async function runConfig(args: ParsedArgs, io: CliIo): Promise<number> {
  try {
    return await config(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof BadSettingError || e instanceof InvalidKeyError) {
      io.stderr.write(`koompi-ask: ${e.message}\n${e instanceof UsageError ? CONFIG_USAGE : ''}`);
      return EXIT.usage;
    }
    if (e instanceof LockedSettingError) {
      io.stderr.write(`koompi-ask: ${e.message}\n  Ask the school's administrator to change it there.\n`);
      return EXIT.usage;
    }
    if (e instanceof SecretInputCancelled) {
      io.stderr.write('\nkoompi-ask: cancelled; nothing was stored.\n');
      return 130;
    }
    throw e;
  }
}

async function config(args: ParsedArgs, io: CliIo): Promise<number> {
  const [sub, ...rest] = args.positional;
  const json = args.flags.has('--json');
  const configDir = resolveConfigDir(io.env);
  const arity = (n: number, what: string): void => {
    if (rest.length !== n) throw new UsageError(`config ${sub} ${what}`);
  };
  switch (sub) {
    case 'list':
      arity(0, 'takes no arguments');
      return list(configDir, io, json);
    case 'get':
      arity(1, 'needs one setting name');
      return get(configDir, rest[0]!, io, json);
    case 'set': {
      if (rest.length !== 2) throw new UsageError('config set needs a setting name and a value, e.g. config set allowCloud true');
      return set(configDir, rest[0]!, rest[1]!, io);
    }
    case 'unset':
      arity(1, 'needs one setting name');
      return unset(configDir, rest[0]!, io);
    case 'path':
      arity(0, 'takes no arguments');
      return path(configDir, io, json);
    case 'set-key': {
      if (rest.length > 1)
        throw new UsageError(
          'config set-key never takes the key on the command line (other users can see it with ps); run it and paste the key, or pipe it in: koompi-ask config set-key gemini < keyfile',
        );
      return setKey(configDir, keyName(rest[0]), io);
    }
    case 'rm-key':
      arity(1, 'needs a key name: gemini or openai');
      return rmKey(configDir, keyName(rest[0]), io);
    case undefined:
      throw new UsageError('config needs a subcommand: list, get, set, unset, path, set-key or rm-key');
    default:
      throw new UsageError(`unknown config subcommand: ${sub}`);
  }
}

function keyName(name: string | undefined): KeyName {
  if (name === undefined) throw new UsageError('which key? gemini or openai');
  if (!(KEY_NAMES as readonly string[]).includes(name)) throw new BadSettingError(`unknown key "${name}". Keys: ${KEY_NAMES.join(', ')}`);
  return name as KeyName;
}

function checkKey(key: string): void {
  if (!settingKeys().includes(key)) throw new BadSettingError(`unknown setting "${key}". Settings: ${settingKeys().join(', ')}`);
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

async function list(configDir: string, io: CliIo, json: boolean): Promise<number> {
  const loaded = await loadSettings(configDir, undefined, io.env);
  if (loaded.notice) io.stderr.write(`koompi-ask: ${loaded.notice}\n`);
  const eff = applyEnvOverrides(loaded.settings, io.env, loaded.locked);
  const rows = settingKeys()
    .filter((k) => k !== 'overlay')
    .map((key) => {
      const top = key.split('.')[0]!;
      const sub = key.includes('.') ? key.slice(top.length + 1) : null;
      const inUser = sub ? (loaded.user[top] as Record<string, unknown> | undefined)?.[sub] !== undefined : loaded.user[key] !== undefined;
      const inPreset = sub
        ? (loaded.presetValues[top] as Record<string, unknown> | undefined)?.[sub] !== undefined
        : loaded.presetValues[key] !== undefined;
      const locked = lockingFile(loaded.locked, key);
      const envName = (eff.overriddenBy as Record<string, string | undefined>)[key];
      const source: Source = envName
        ? 'env'
        : locked
          ? inPreset
            ? 'school'
            : 'default'
          : inUser
            ? 'user'
            : inPreset
              ? 'school'
              : 'default';
      return { key, value: settingValue(eff, key), source, ...(envName ? { env: envName } : {}), locked: locked ?? null };
    });
  const keys = createSharedKeyStore({ configDir, env: io.env });
  const keyInfo = Object.fromEntries(await Promise.all(KEY_NAMES.map(async (n) => [n, await keys.info(n)] as const)));
  if (json) {
    writeJsonLine(io.stdout, {
      path: loaded.path,
      presets: loaded.presetFiles,
      settings: Object.fromEntries(rows.map((r) => [r.key, r.value])),
      sources: Object.fromEntries(rows.map((r) => [r.key, r.source])),
      locked: loaded.locked,
      keys: Object.fromEntries(
        Object.entries(keyInfo).map(([n, i]) => [n, { set: i.set, source: i.source, backend: i.backend, plainText: i.plainText }]),
      ),
    });
    return EXIT.ok;
  }
  const width = Math.max(...rows.map((r) => r.key.length));
  for (const r of rows) {
    const note = r.locked
      ? `  (set by your school: ${r.locked})`
      : r.source === 'env'
        ? `  (from ${r.env})`
        : r.source === 'school'
          ? '  (school default)'
          : r.source === 'default'
            ? '  (default)'
            : '';
    io.stdout.write(`${r.key.padEnd(width)}  ${show(r.value)}${note}\n`);
  }
  for (const [n, i] of Object.entries(keyInfo)) {
    const where =
      i.source === 'env'
        ? KEY_ENV[n as KeyName]
        : i.source === 'secret-service'
          ? 'desktop keyring'
          : i.source === 'file'
            ? `${i.file} (not encrypted)`
            : '';
    io.stdout.write(`${`key ${n}`.padEnd(width)}  ${i.set ? `set (${where})` : 'not set'}\n`);
  }
  return EXIT.ok;
}

async function get(configDir: string, key: string, io: CliIo, json: boolean): Promise<number> {
  checkKey(key);
  const loaded = await loadSettings(configDir, undefined, io.env);
  const v = settingValue(applyEnvOverrides(loaded.settings, io.env, loaded.locked), key);
  io.stdout.write(`${json ? JSON.stringify(v) : show(v)}\n`);
  return EXIT.ok;
}

async function set(configDir: string, key: string, text: string, io: CliIo): Promise<number> {
  checkKey(key);
  const loaded = await loadSettings(configDir, undefined, io.env);
  const lock = lockingFile(loaded.locked, key);
  if (lock) throw new LockedSettingError(key, lock);
  const patch = patchFor(key, parseCliValue(text), loaded.settings);
  const next = await updateSettings(configDir, loaded.settings, patch, io.env);
  io.stdout.write(`${key} = ${show(settingValue(next, key))}\n`);
  const envName = applyEnvOverrides(next, io.env, loaded.locked).overriddenBy[key as keyof typeof next];
  if (envName) io.stderr.write(`koompi-ask: note: ${envName} in your environment overrides this setting while it is set.\n`);
  return EXIT.ok;
}

async function unset(configDir: string, key: string, io: CliIo): Promise<number> {
  checkKey(key);
  const next = await unsetSetting(configDir, key, io.env);
  io.stdout.write(`${key} = ${show(settingValue(next, key))} (not set by you)\n`);
  return EXIT.ok;
}

async function path(configDir: string, io: CliIo, json: boolean): Promise<number> {
  const loaded = await loadSettings(configDir, undefined, io.env);
  if (json) writeJsonLine(io.stdout, { user: loaded.path, presets: presetPaths(io.env), presetsFound: loaded.presetFiles });
  else io.stdout.write(`${loaded.path}\n`);
  return EXIT.ok;
}

async function setKey(configDir: string, name: KeyName, io: CliIo): Promise<number> {
  const label = name === 'gemini' ? 'Gemini API key' : 'key of the OpenAI-compatible server';
  const raw = await readSecret(io, `Paste the ${label} (it will not be shown), then press Enter: `);
  const store = createSharedKeyStore({ configDir, env: io.env });
  const r = await store.set(name, raw);
  io.stdout.write(`The ${label} is set. ${r.message}\n`);
  if (io.env[KEY_ENV[name]]?.trim())
    io.stderr.write(`koompi-ask: note: ${KEY_ENV[name]} in your environment is used instead while it is set.\n`);
  return EXIT.ok;
}

async function rmKey(configDir: string, name: KeyName, io: CliIo): Promise<number> {
  const store = createSharedKeyStore({ configDir, env: io.env });
  const removed = await store.clear(name);
  io.stdout.write(
    removed.length > 0
      ? `Removed the ${name} key (${removed.map((w) => (w === 'file' ? 'key file' : 'desktop keyring')).join(' and ')}).\n`
      : `No ${name} key was stored.\n`,
  );
  if (io.env[KEY_ENV[name]]?.trim()) io.stderr.write(`koompi-ask: note: ${KEY_ENV[name]} is still set in your environment.\n`);
  return EXIT.ok;
}
