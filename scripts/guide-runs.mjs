// Writes test/fixtures/guide-runs.json: a hash of every run of ten
// consecutive words of the guide the built-in profile comes from, except the
// runs inside the five interview questions it tells a hiring manager to ask
// (those the project may quote). test/service/guideWording.test.ts checks
// that no file of the repository holds one of these runs. The guide itself is
// not kept in the repository: run `node scripts/guide-runs.mjs GUIDE.txt`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The length of a run of words that counts as the guide's wording. */
export const RUN = 10;

/** A text's words, as the check compares them: lowercase, curly apostrophes straightened, punctuation dropped. */
export function words(text) {
  return text.toLowerCase().replace(/[‘’]/g, "'").match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];
}

/** The hash of a run of words. */
export function runHash(run) {
  return createHash('sha256').update(run.join(' ')).digest('hex').slice(0, 16);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const guide = readFileSync(process.argv[2], 'utf8');
  const all = words(guide);
  const questions = new Set();
  for (const match of guide.matchAll(/“([^”]+)”/g)) {
    const asked = words(match[1]);
    for (let at = 0; at + RUN <= asked.length; at++) questions.add(runHash(asked.slice(at, at + RUN)));
  }
  const runs = new Set();
  for (let at = 0; at + RUN <= all.length; at++) {
    const hash = runHash(all.slice(at, at + RUN));
    if (!questions.has(hash)) runs.add(hash);
  }
  const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'fixtures', 'guide-runs.json');
  writeFileSync(out, `${JSON.stringify({ run: RUN, words: all.length, quotedQuestions: questions.size, runs: [...runs].sort() }, null, 0)}\n`);
  console.log(`${runs.size} runs of ${RUN} words written to ${out}`);
}
