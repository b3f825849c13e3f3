// Prints the plain closing line of `npm test` ("N passed, N failed"), summed over the unit and e2e
// runs' JSON reports, so any CI reader sees how many tests ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0,
  failed = 0,
  skipped = 0;
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) {
  if (!existsSync(f)) {
    console.error(`test-summary: ${f} is missing`);
    process.exit(1);
  }
  const r = JSON.parse(readFileSync(f, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
