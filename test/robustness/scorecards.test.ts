/**
 * Scorecards on broken input: every scorecard feature on mutations of a
 * scorecard (and of its brief) answers without throwing, with ranges inside
 * the document, and the add-ratings action keeps every character of the
 * text in order. Deterministic: the same cases on every run.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/languageService';
import { ROOT } from '../support/documents';

const BRIEF_URI = 'file:///hiring/night.hire.yaml';
const brief = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
const card = `hire-score: 1
brief: night.hire.yaml
candidate: A. Rivera
interviewer: J. Smith
date: 2027-01-12
ratings:
  management-style: 4
  conflict:
    score: 3
    notes: "Owned their part."
  experience: [1, 2]   # not a score
skills: {accounting: 4, unknown: {score: 9}}
quote: {amount: 480, currency: USD, per: day}
recommendation: yes
`;
const PIECES = ['\n', ' ', ':', '- ', '{', '[', '"', "'", '#', 'ratings:', '  conflict: ', '*a', '&a ', '---\n', '\t', '9', '~', '? ', '|\n'];

/** A small deterministic generator (a linear congruential one). */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

function mutate(text: string, random: (n: number) => number): string {
  let result = text;
  for (let count = 1 + random(4); count > 0; count--) {
    const at = random(result.length + 1);
    switch (random(3)) {
      case 0:
        result = result.slice(0, at) + PIECES[random(PIECES.length)] + result.slice(at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(at + 1 + random(12));
        break;
      default:
        result = result.slice(0, at) + result.slice(random(result.length));
    }
  }
  return result;
}

function inside(document: TextDocument, range: Range): boolean {
  const end = document.positionAt(document.getText().length);
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(range.start, range.end) && before(range.end, end);
}

/** Whether `text` keeps every character of `original`, in order. */
function keeps(original: string, text: string): boolean {
  let at = 0;
  for (const character of text) if (at < original.length && character === original[at]) at++;
  return at === original.length;
}

describe('scorecards on broken input', () => {
  it('answers every feature on mutated scorecards and briefs, with ranges inside the document', () => {
    const random = generator(20271201);
    for (let round = 0; round < 160; round++) {
      const briefText = round % 4 === 3 ? mutate(brief, random) : brief;
      const service = getLanguageService({ readBrief: (uri) => (uri === BRIEF_URI ? TextDocument.create(uri, 'hire-yaml', 1, briefText) : undefined) });
      const text = mutate(card, random);
      const document = TextDocument.create(`file:///hiring/c${round}.hire-score.yaml`, 'hire-score-yaml', 1, text);
      const diagnostics = service.validate(document);
      for (const diagnostic of diagnostics) assert.ok(inside(document, diagnostic.range), `${diagnostic.code} out of the document: ${JSON.stringify(text)}`);
      service.findDocumentSymbols(document);
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      for (const action of service.getCodeActions(document, whole, { diagnostics }, diagnostics)) {
        const result = TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []);
        if (action.title.startsWith('Add ratings')) assert.ok(keeps(text, result), `the action loses text: ${JSON.stringify(text)}`);
      }
      for (let offset = 0; offset <= text.length; offset += 5) {
        const position = document.positionAt(offset);
        for (const item of service.doComplete(document, position).items) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) assert.ok(inside(document, edit.range));
        }
        const hover = service.doHover(document, position);
        if (hover?.range) assert.ok(inside(document, hover.range));
        service.findDefinition(document, position, []);
      }
      service.close(document.uri);
    }
  });
});
