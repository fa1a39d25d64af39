/**
 * The incremental parse against a full parse, on every edit of randomized
 * edit sequences: the same tree (node kinds, ranges, values, comments), the
 * same plain value and problems, the same diagnostics and symbols. Half the
 * sequences run here, half in incremental.property-2.test.ts (incrementalEdits.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reparse } from '../../server/src/service/incremental';
import { parseText } from '../../server/src/service/parse';
import { generateBrief } from '../support/generate';
import { checkEditSequences, EDIT_SEQUENCES, summary } from './incrementalEdits';

test('an incremental parse equals a full parse after every edit (half of the sequences)', () => {
  checkEditSequences(EDIT_SEQUENCES / 2);
});

test('typing inside a question or a section re-parses incrementally', () => {
  const text = generateBrief({ questions: 30 });
  const previous = parseText('file:///a.hire.yaml', 1, text);
  const inQuestion = text.replace('on day 17 of', 'on day 17 or 18 of');
  const next = reparse(previous, 2, inQuestion);
  assert.ok(next);
  assert.deepEqual(summary(next), summary(parseText('file:///a.hire.yaml', 2, inQuestion)));
  const inSection = inQuestion.replace('  max: 400', '  max: 4000');
  const after = reparse(next, 3, inSection);
  assert.ok(after);
  assert.deepEqual(summary(after), summary(parseText('file:///a.hire.yaml', 3, inSection)));
  // A new top-level key at column 0 is structure: a full parse.
  assert.equal(reparse(after, 4, inSection.replace('\nrate:', '\nextra: 1\nrate:')), undefined);
});
