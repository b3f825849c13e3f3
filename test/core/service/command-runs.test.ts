// The app's command runs (core service, real pseudo-terminals): typing reaches the command by runId, commands of one
// conversation share a working directory across answers, and the pkexec shim's temp folder goes with dispose().
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommandRuns } from '../../../src-main/core/service/command-runs.js';
import type { Events } from '../../../src-main/ipc/channels.js';
import type { Answer } from '../../../src-main/core/types.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'koompi-cmdruns-')));
const bin = join(dir, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'pkexec'), '#!/bin/sh\n[ "$1" = --user ] && shift 2\nexec "$@"\n');
chmodSync(join(bin, 'pkexec'), 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const answer = (text: string): Answer => ({ tier: 'local', text, model: 'm', intent: null, commands: [], sources: [], error: null });
const fence = (...lines: string[]): string => `Do this:\n\n\`\`\`bash\n${lines.join('\n')}\n\`\`\`\n`;

function harness() {
  const events: Events['command:event'][] = [];
  const runs = createCommandRuns({
    emit: (event, payload) => {
      if (event === 'command:event') events.push(payload as Events['command:event']);
    },
    confirm: async () => ({ approved: true }),
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, LANG: 'C.UTF-8' },
    configDir: join(dir, 'config'),
    hasKoompiCli: false,
    longRunMs: 60_000,
  });
  const output = (runId: string): string =>
    events
      .filter((e) => e.runId === runId)
      .map((e) => (e.event.type === 'output' ? e.event.data : ''))
      .join('');
  const exited = async (runId: string): Promise<Events['command:event']['event']> => {
    const end = Date.now() + 10_000;
    for (;;) {
      const hit = events.find((e) => e.runId === runId && e.event.type === 'exit');
      if (hit) return hit.event;
      if (Date.now() > end) throw new Error(`no exit; output: ${output(runId)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const start = async (commandId: string): Promise<string> => {
    const r = await runs.run(commandId, 'inline');
    if (!('runId' in r)) throw new Error(r.refused);
    return r.runId;
  };
  return { runs, events, output, exited, start };
}

describe('command runs in the service', () => {
  it('keystrokes sent by runId reach the command on its terminal', async () => {
    const h = harness();
    const [cmd] = h.runs.suggest(answer(fence('printf "name? "; read -r x; echo "got=$x"')), 'q');
    const runId = await h.start(cmd!.id);
    const end = Date.now() + 5000;
    while (!h.output(runId).includes('name?') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    h.runs.resize(runId, 120, 30);
    h.runs.input(runId, 'koompi\r');
    expect(await h.exited(runId)).toMatchObject({ type: 'exit', code: 0 });
    expect(h.output(runId)).toContain('got=koompi');
    h.runs.dispose();
  });

  it('commands of one conversation share the working directory across answers', async () => {
    const h = harness();
    const [a] = h.runs.suggest(answer(fence('mkdir -p conv && cd conv')), 'q1', 'conv-1');
    const [b] = h.runs.suggest(answer(fence('pwd')), 'q2', 'conv-1');
    const [c] = h.runs.suggest(answer(fence('pwd')), 'q3', 'conv-2');
    await h.exited(await h.start(a!.id));
    const rb = await h.start(b!.id);
    await h.exited(rb);
    expect(h.output(rb)).toContain(`${dir}/conv`);
    const rc = await h.start(c!.id);
    await h.exited(rc);
    expect(h.output(rc).trim()).toBe(dir);
    h.runs.dispose();
  });

  it('a sudo command goes through the pkexec shim, whose temp folder dispose() removes', async () => {
    const h = harness();
    const [cmd] = h.runs.suggest(answer(fence('sudo sh -c \'echo "$PATH" | cut -d: -f1\'')), 'q');
    const runId = await h.start(cmd!.id);
    expect(await h.exited(runId)).toMatchObject({ code: 0 });
    const shim = h.output(runId).trim().split(/\s+/).pop()!;
    expect(shim).toMatch(/koompi-root-shim-/);
    expect(existsSync(shim)).toBe(true);
    h.runs.dispose();
    const end = Date.now() + 3000;
    while (existsSync(shim) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(shim)).toBe(false);
  });
});

describe('risk reasons follow the question language', () => {
  it('a Khmer question gets Khmer reasons on screen and in the confirmation; the same command asked in English stays English', async () => {
    const seen: string[][] = [];
    const runs = createCommandRuns({
      emit: () => {},
      confirm: async (req) => {
        seen.push(req.command.reasons);
        return { approved: false };
      },
      env: { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8' },
      configDir: join(dir, 'config-lang'),
      hasKoompiCli: false,
      longRunMs: 60_000,
    });
    const text = fence('sudo systemctl restart cups');
    const [km] = runs.suggest(answer(text), 'តើខ្ញុំចាប់ផ្ដើមម៉ាស៊ីនបោះពុម្ពឡើងវិញយ៉ាងដូចម្តេច?');
    const [en] = runs.suggest(answer(text), 'how do I restart the printer service?');
    expect(km!.risk).toBe('elevated');
    expect(km!.reasons.join(' ')).toMatch(/[\u1780-\u17FF]/);
    expect(en!.reasons.join(' ')).not.toMatch(/[\u1780-\u17FF]/);
    await runs.run(km!.id, 'inline');
    await runs.run(en!.id, 'inline');
    expect(seen[0]!.join(' ')).toMatch(/[\u1780-\u17FF]/);
    expect(seen[1]!.join(' ')).not.toMatch(/[\u1780-\u17FF]/);
    runs.dispose();
  });
});
