/**
 * The incremental parse against a full parse: the other half of the randomized
 * edit sequences of incremental.property.test.ts (a file of its own, so that
 * neither nears the per-file timeout on a busy machine).
 */
import { test } from 'node:test';
import { checkEditSequences, EDIT_SEQUENCES } from './incrementalEdits';

test('an incremental parse equals a full parse after every edit (the other half of the sequences)', () => {
  checkEditSequences(EDIT_SEQUENCES / 2);
});
