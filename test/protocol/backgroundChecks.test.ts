/**
 * The background checks of the browser's server (InlineChecks): on one
 * thread, a slice at a time; files scheduled `first` go ahead; a new
 * generation drops the queue and what was checked under the old one; the
 * progress ends with `done === total`; a check that throws is logged and the
 * others go on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InlineChecks, type CheckPoolHost } from '../../server/src/backgroundChecks';
import type { CheckedSource, SourceText } from '../../server/src/checkWorker';

/** A host whose files are all there, recording what it hears. */
function host(missing: readonly string[] = []) {
  const checked: string[] = [];
  const progress: [number, number][] = [];
  const logs: string[] = [];
  const value: CheckPoolHost = {
    source: (uri) => (missing.includes(uri) ? undefined : { uri, version: 1, text: uri }),
    checked: (results) => void checked.push(...results.map((result) => result.uri)),
    progress: (done, total) => void progress.push([done, total]),
    log: (message) => void logs.push(message),
  };
  return { value, checked, progress, logs };
}

const check = (source: SourceText): CheckedSource => ({ uri: source.uri, version: source.version, diagnostics: [] });

/** Resolves once the checks have nothing queued and said so. */
async function settled(checks: InlineChecks, progress: [number, number][]): Promise<void> {
  while (checks.pending > 0 || progress.length === 0 || progress.at(-1)![0] !== progress.at(-1)![1]) await new Promise((resolve) => setTimeout(resolve, 5));
}

test('checks every file once, the first ones ahead, and ends its progress', async () => {
  const { value, checked, progress } = host(['gone']);
  const checks = new InlineChecks(value, check);
  checks.schedule(['a', 'b', 'gone', 'c']);
  checks.schedule(['c', 'd'], true);
  checks.schedule(['a']);
  assert.equal(checks.pending, 5);
  await settled(checks, progress);
  assert.deepEqual(checked, ['c', 'd', 'a', 'b']);
  assert.deepEqual(progress.at(-1), [5, 5]);
});

test('a new generation drops the queue and the results of a slice begun under the old one', async () => {
  const { value, checked, progress } = host();
  let checks: InlineChecks | undefined;
  // The first file checked starts a new generation, as a profile edit arriving mid-slice would.
  const reconfiguring = (source: SourceText) => {
    if (source.uri === 'a') checks!.configure();
    return check(source);
  };
  checks = new InlineChecks(value, reconfiguring);
  checks.schedule(['a', 'b', 'c']);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(checks.pending, 0);
  assert.deepEqual(checked, []);
  checks.schedule(['b']);
  await settled(checks, progress);
  assert.deepEqual(checked, ['b']);
});

test('a check that throws is logged, and the other files are checked', async () => {
  const { value, checked, progress, logs } = host();
  const checks = new InlineChecks(value, (source) => {
    if (source.uri === 'bad') throw new Error('boom');
    return check(source);
  });
  checks.schedule(['x', 'bad', 'y']);
  await settled(checks, progress);
  assert.deepEqual(checked, ['x', 'y']);
  assert.match(logs.join('\n'), /bad was not checked: Error: boom/);
});

test('nothing is checked after dispose', async () => {
  const { value, checked } = host();
  const checks = new InlineChecks(value, check);
  checks.schedule(['a']);
  checks.dispose();
  checks.schedule(['b']);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(checked, []);
  assert.equal(checks.pending, 0);
});
