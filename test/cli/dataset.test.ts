// koompi-ask dataset build through main(): the contract's files and manifest, the summary, usage errors.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import type { CliIo } from '../../src-main/cli/io.js';
import { makeFixture } from '../core/dataset/fixtures.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
}

const f = makeFixture(mkdtempSync(join(tmpdir(), 'koompi-ds-cli-')));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: { MANPATH: f.manTree, KOOMPI_ARCH_WIKI_DIR: f.wiki, KOOMPI_KNOWLEDGE_DIR: f.knowledge, PATH: process.env.PATH },
  };
  return { code: await main(argv, io), out: stdout.text, err: stderr.text };
}

describe('koompi-ask dataset build', () => {
  it('writes train.jsonl, validation.jsonl and manifest.json as the contract says', async () => {
    const out = join(f.root, 'cli-out');
    const r = await run(['dataset', 'build', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote \d+ training and \d+ validation rows/);
    expect(r.out).toContain('none in both');
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      sources: { kind: string; rows: number; license: string }[];
      train: number;
      validation: number;
    };
    expect(m.sources.map((s) => s.kind).sort()).toEqual(['archwiki', 'koompi', 'man']);
    for (const s of m.sources) expect(typeof s.license).toBe('string');
    const count = (name: string): number => readFileSync(join(out, name), 'utf8').trim().split('\n').length;
    expect(count('train.jsonl')).toBe(m.train);
    expect(count('validation.jsonl')).toBe(m.validation);
  });

  it('prints the manifest with --json', async () => {
    const r = await run(['dataset', 'build', '--out', join(f.root, 'cli-json'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { train: number; files: { train: string } };
    expect(j.train).toBeGreaterThan(0);
    expect(j.files.train).toMatch(/cli-json\/train\.jsonl$/);
    expect(r.err).toBe('');
  });

  it('refuses a missing --out or subcommand with exit 2', async () => {
    const a = await run(['dataset', 'build']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('needs --out DIR');
    const b = await run(['dataset']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('dataset needs a subcommand: build');
  });
});
