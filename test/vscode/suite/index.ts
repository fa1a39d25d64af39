/**
 * The extension-host test suite's entry (`--extensionTestsPath`): runs every
 * compiled `*.test.js` beside it with mocha, inside VS Code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs the tests; rejects when any fails. Prints `N passed, N failed` on a line of its own for CI. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 600_000, grep: process.env.HIRE_VSCODE_GREP });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0 || passes === 0) throw new Error(`${failures} of ${passes + failures} extension-host tests failed`);
}
