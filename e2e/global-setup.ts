// e2e global setup: builds the renderer and the page bridge once per run and hands their paths to the
// test files; removes them afterwards.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildRenderer } from './harness/build.js';

export default async function setup(project: TestProject) {
  const built = await buildRenderer();
  project.provide('koompiRenderer', built);
  return () => {
    rmSync(built.dir, { recursive: true, force: true });
    rmSync(built.bridgeFile, { force: true });
  };
}
