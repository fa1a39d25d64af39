/**
 * docs/format.md is the users' reference of the format: every diagnostic code
 * and every top-level key of the brief, profile and scorecard schemas is in it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import briefSchema from '../../schemas/hire.schema.json';
import profileSchema from '../../schemas/hire-profile.schema.json';
import scoreSchema from '../../schemas/hire-score.schema.json';
import { CODES } from '../../server/src/service/codes';
import { ROOT } from '../support/documents';

const reference = readFileSync(path.join(ROOT, 'docs/format.md'), 'utf8');

/** The first cells of the reference's table rows, without their backticks. */
const rowNames = new Set([...reference.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]));

describe('docs/format.md', () => {
  test('has a table row for every diagnostic code, with its default severity', () => {
    for (const [code, { severity }] of Object.entries(CODES)) {
      const row = reference.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      assert.ok(row, `no row for the code '${code}'`);
      assert.match(row, new RegExp(`\\| [^|]*\\b${severity}\\b[^|]* \\|`), `the row of '${code}' does not give its default severity '${severity}'`);
    }
  });

  test('has a table row for every top-level key of a brief, a profile and a scorecard', () => {
    for (const key of [...Object.keys(briefSchema.properties), ...Object.keys(profileSchema.properties), ...Object.keys(scoreSchema.properties)]) {
      assert.ok(rowNames.has(key), `no row for the key '${key}'`);
    }
  });
});
