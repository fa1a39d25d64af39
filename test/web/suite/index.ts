/**
 * The web test suite's entry (`--extensionTestsPath`), run in VS Code's web
 * worker extension host: mocha's browser build, the spec reporter on the
 * console, the tests loaded once mocha has set up its globals.
 */
import 'mocha/mocha';

/** Runs the tests; rejects when any fails. Prints `N passed, N failed` on a line of its own. */
export function run(): Promise<void> {
  // No reporter named: the spec reporter, on the console (the html one needs a page).
  mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60_000 });
  // After setup: the test files call mocha's `suite` and `test`.
  require('./web.test');
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0 } = runner.stats ?? {};
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0 || passes === 0) reject(new Error(`${failures} of ${passes + failures} web extension host tests failed`));
      else resolve();
    });
  });
}
