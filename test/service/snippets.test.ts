import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeSnippet, snippetToText } from '../../server/src/service/snippets';

describe('snippetToText', () => {
  it('inserts placeholders by their text, choices by their first option, and no tab stops', () => {
    assert.equal(snippetToText('id: ${1:question-id}\nask: ${2:The question?}$0'), 'id: question-id\nask: The question?');
    assert.equal(snippetToText('per: ${2|day,hour,week|}'), 'per: day');
    assert.equal(snippetToText('- $1\n- ${2}\n- $0'), '- \n- \n- ');
  });

  it('reads nested placeholders and undoes escapes, in placeholders and choices too', () => {
    assert.equal(snippetToText('${1:a ${2:b} c}'), 'a b c');
    assert.equal(snippetToText('cost \\$5 \\} \\\\ ${1:x \\} y}'), 'cost $5 } \\ x } y');
    assert.equal(snippetToText('${1|a\\,b,c|}'), 'a,b');
  });

  it('keeps a `$` that starts nothing, and text that needs no escape', () => {
    assert.equal(snippetToText('costs $ and {braces}'), 'costs $ and {braces}');
  });

  it('gives back any text escaped for a snippet', () => {
    for (const text of ['$5 {per} day \\ week', '${1:x}', '\\$0', 'plain']) assert.equal(snippetToText(escapeSnippet(text)), text);
  });
});
