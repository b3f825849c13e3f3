// The XDG autostart entry: written under $XDG_CONFIG_HOME/autostart with --hidden, removed when off.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAutostart } from '../../src-main/electron/autostart.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'koompi-autostart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('setAutostart', () => {
  it('writes and removes the entry', async () => {
    const file = await setAutostart(true, { XDG_CONFIG_HOME: dir, HOME: '/nonexistent' }, []);
    expect(file).toBe(join(dir, 'autostart', 'koompi-assistant.desktop'));
    expect(await readFile(file, 'utf8')).toMatch(/^\[Desktop Entry\][\s\S]*Exec=koompi-assistant --hidden\n/);
    await setAutostart(false, { XDG_CONFIG_HOME: dir });
    await expect(stat(file)).rejects.toThrow();
    await setAutostart(false, { XDG_CONFIG_HOME: dir }); // already off: fine
  });
  it('copies the packaged template (with its Khmer name) and ignores a template without the --hidden Exec', async () => {
    const good = join(dir, 'good.desktop');
    const bad = join(dir, 'bad.desktop');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(good, '[Desktop Entry]\nName[km]=ជំនួយការ KOOMPI\nExec=koompi-assistant --hidden\n');
    await writeFile(bad, '[Desktop Entry]\nExec=rm -rf ~\n');
    const env = { XDG_CONFIG_HOME: join(dir, 'cfg') };
    expect(await readFile(await setAutostart(true, env, [join(dir, 'missing'), good]), 'utf8')).toContain('ជំនួយការ');
    expect(await readFile(await setAutostart(true, env, [bad]), 'utf8')).toMatch(/^Exec=koompi-assistant --hidden$/m);
  });

  it('ignores a relative XDG_CONFIG_HOME', async () => {
    expect(await setAutostart(false, { XDG_CONFIG_HOME: 'rel', HOME: dir })).toBe(
      join(dir, '.config', 'autostart', 'koompi-assistant.desktop'),
    );
  });
});
