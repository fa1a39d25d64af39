/** Validating a brief part by part gives the whole schema's errors, in its order. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ErrorObject } from 'ajv';
import { parseText } from '../../server/src/service/parse';
import { schemaErrors } from '../../server/src/service/validation';
import { getValidator } from '../../server/src/service/validators';
import { ROOT } from '../support/documents';
import { generateBrief } from '../support/generate';

const show = (errors: readonly ErrorObject[]) => errors.map((error) => `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`);

const texts: Record<string, string> = {
  'generated with findings': generateBrief({ questions: 120, findings: true }),
  'samples/errors.hire.yaml': readFileSync(path.join(ROOT, 'samples/errors.hire.yaml'), 'utf8'),
  'samples/gaps.hire.yaml': readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8'),
  'errors everywhere':
    'rol: x\nhire: 2\nquestions: 3\nskills:\n  - Bad_Id\n  - 3\n  - id: ok\n    extra: 1\nwaive:\n  Bad: x\n  ok: ""\nproject: []\nrate:\n  amount: -1\nduties: [1, ""]\n',
  'root keys only': 'zzz: 1\nquestions:\n  - ask: 1\n  - {}\n',
};

for (const [name, text] of Object.entries(texts)) {
  test(`part-by-part validation equals the whole schema: ${name}`, () => {
    const value = parseText('file:///test/brief.hire.yaml', 1, text).value;
    const validate = getValidator('brief');
    const whole = validate(value) ? [] : [...(validate.errors ?? [])];
    assert.ok(name.includes('gaps') || whole.length > 0, 'the text has schema errors');
    assert.deepEqual(show(schemaErrors('brief', value)), show(whole));
    // A second run reads the cache and must give the same.
    assert.deepEqual(show(schemaErrors('brief', value)), show(whole));
  });
}
