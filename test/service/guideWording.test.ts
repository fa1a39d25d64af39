/**
 * The project's own words: no file of the repository holds a run of ten or
 * more consecutive words of the guide the built-in profile comes from, but
 * for the five interview questions the guide tells a hiring manager to ask.
 * The guide is not in the repository; `test/fixtures/guide-runs.json` holds a
 * hash of each of its runs (`node scripts/guide-runs.mjs GUIDE.txt` writes it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module of the build scripts, without types.
import { runHash, words, RUN } from '../../scripts/guide-runs.mjs';
import { ROOT } from '../support/documents';

const fixture = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/guide-runs.json'), 'utf8')) as { run: number; runs: string[] };
const runs = new Set(fixture.runs);

/** The repository's files: git's list when there is one, else a walk that skips what git ignores here. */
function repositoryFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    const found: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
        if (['node_modules', '.git', 'dist', '.cache', 'test-output'].includes(entry.name)) continue;
        const relative = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(relative);
        else found.push(relative);
      }
    };
    walk('');
    return found;
  }
}

/** The runs of the guide's wording a text holds, each as the words it spans (overlapping runs joined). */
function guideRuns(text: string): string[] {
  const all: string[] = words(text);
  const found: string[] = [];
  let start = -1;
  let end = -1;
  for (let at = 0; at + RUN <= all.length; at++) {
    if (!runs.has(runHash(all.slice(at, at + RUN)))) continue;
    if (start >= 0 && at <= end) {
      end = at + RUN;
      continue;
    }
    if (start >= 0) found.push(all.slice(start, end).join(' '));
    start = at;
    end = at + RUN;
  }
  if (start >= 0) found.push(all.slice(start, end).join(' '));
  return found;
}

/** Words in the reverse order. */
function backwards(text: string): string {
  return text.split(' ').reverse().join(' ');
}

describe("the guide's wording", () => {
  it('has the runs of the guide to compare with', () => {
    assert.equal(fixture.run, RUN);
    assert.ok(runs.size > 500, `${runs.size} runs`);
  });

  it('finds a run of the guide, and not the questions it says to ask', () => {
    // Fourteen words of the guide's advice on workspace, written backwards here so that this file does not quote them.
    const quote = backwards('move. wisest the not is space, office an without work to her or HIM Expecting');
    assert.deepEqual(guideRuns(`… ${quote}`), [backwards('move wisest the not is space office an without work to her or him expecting')]);
    assert.deepEqual(guideRuns('Are you a details person or a big picture person?'), []);
    assert.deepEqual(guideRuns('A coordinator needs a desk, the right tools and a say in day-to-day decisions.'), []);
  });

  it('is nowhere in the repository but in the five questions', () => {
    const hits: string[] = [];
    for (const file of repositoryFiles()) {
      const full = path.join(ROOT, file);
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue; // listed by git, deleted in the working tree
      }
      if (!stat.isFile() || stat.size > 5_000_000) continue;
      const bytes = readFileSync(full);
      if (bytes.includes(0)) continue; // binary
      for (const run of guideRuns(bytes.toString('utf8'))) hits.push(`${file}: ${run}`);
    }
    assert.deepEqual(hits, []);
  });
});
