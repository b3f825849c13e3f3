// Whether the `koompi` command line is on PATH (tier 1 and the system prompt prefer it when present).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function hasKoompiCli(env: NodeJS.ProcessEnv = process.env): boolean {
  const override = env.KOOMPI_HAS_CLI?.trim();
  if (override === '1' || override === 'true') return true;
  if (override === '0' || override === 'false') return false;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, 'koompi');
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return true;
    } catch {
      /* not here */
    }
  }
  return false;
}
