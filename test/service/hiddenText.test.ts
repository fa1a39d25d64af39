/**
 * `hidden-text`: a value of a brief or a profile that holds a bidirectional
 * control or another invisible format character (Trojan Source) gets a
 * warning on the value, whether the character is written as it is or as an
 * escape; the hover names the characters.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { brief } from '../support/documents';

const service = getLanguageService();

/** `line:start-end text` of each hidden-text finding. */
function hidden(document: TextDocument, diagnostics: readonly Diagnostic[] = service.validate(document)): string[] {
  return diagnostics.filter((d) => d.code === 'hidden-text').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${document.getText(d.range)}`);
}

describe('hidden-text', () => {
  it('is a warning on each value that holds a bidirectional control or an invisible character, raw or escaped', () => {
    const text = [
      'hire: 1',
      'role: Production Coordinator\u202E',
      'summary: "Runs \\u2066the office\\u2069"',
      "duties: ['Books\u200B vans', Calls the crew]",
      'notes: |',
      '  A note',
      '  soft\u00ADhyphen',
      '',
    ].join('\n');
    const document = brief(text);
    const diagnostics = service.validate(document);
    assert.deepEqual(hidden(document, diagnostics), [
      '1:6-29 Production Coordinator\u202E',
      '2:9-38 "Runs \\u2066the office\\u2069"',
      "3:9-22 'Books\u200B vans'",
      `4:7-0 ${document.getText({ start: { line: 4, character: 7 }, end: { line: 7, character: 0 } })}`,
    ]);
    const [role, summary] = diagnostics.filter((d) => d.code === 'hidden-text');
    assert.equal(role.severity, 2);
    assert.equal(role.message, 'This value holds U+202E RIGHT-TO-LEFT OVERRIDE: invisible characters can make text read differently from what it is (Trojan Source). Remove it unless meant.');
    assert.deepEqual(role.data, { characters: ['U+202E'] });
    assert.deepEqual(summary.data, { characters: ['U+2066', 'U+2069'] });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'hidden-text')[3].data, { characters: ['U+00AD'] }, 'a block scalar, from its header');
  });

  it('leaves alone text without them: joiners in words and emoji, right-to-left letters, escapes of visible characters, keys', () => {
    const text = 'hire: 1\nrole: "Coordinator \\u00E9 \\x41"\nsummary: "👩\u200D👩\u200D👧 می\u200Cخواهم שלום"\nwaive:\n  "x\\u202E": reason\n';
    assert.deepEqual(hidden(brief(text)), []);
  });

  it('is reported in a profile too, and can be turned off like any code', () => {
    const document = TextDocument.create('file:///team/p.hire-profile.yaml', 'hire-profile-yaml', 1, 'hire-profile: 1\nid: p\ntitle: "Gaffer\\u202E"\n');
    service.updateProfile(document);
    assert.deepEqual(hidden(document), ['2:7-21 "Gaffer\\u202E"']);
    assert.deepEqual(hidden(document, service.validate(document, { severity: { 'hidden-text': 'off' } })), []);
    service.profiles.delete(document.uri);
  });

  it('the hover on such a value names the characters and says why they matter, over what the value means', () => {
    const document = brief('hire: 1\nengagement: "freelance\\u202E"\nrole: Coordinator\n');
    const hover = service.doHover(document, { line: 1, character: 15 });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /^\*\*Hidden characters\*\*: `U\+202E RIGHT-TO-LEFT OVERRIDE`\n\nA bidirectional control changes the order/);
    assert.match(value, /Trojan Source/);
    assert.doesNotMatch(JSON.stringify(service.doHover(document, { line: 2, character: 8 })), /Hidden/);
  });
});
