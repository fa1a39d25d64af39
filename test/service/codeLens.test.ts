import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { COMMANDS } from '../../server/src/protocol';
import { getLanguageService } from '../../server/src/service/languageService';
import { brief, sample } from '../support/documents';

const service = getLanguageService();

/** The 1-based line of a document that starts with a text. */
function lineOf(document: TextDocument, start: string): number {
  return document.getText().split('\n').findIndex((line) => line.startsWith(start)) + 1;
}

/** Each lens as `line: title -> command(scope)`, 1-based lines. */
function lenses(document: TextDocument): string[] {
  return service.getCodeLenses(document).map((lens: CodeLens) => {
    const argument = lens.command?.arguments?.[0] as { scope?: string } | undefined;
    const command = lens.command?.command ? ` -> ${lens.command.command}(${argument?.scope})` : '';
    return `${lens.range.start.line + 1}: ${lens.command?.title}${command}`;
  });
}

describe('code lens', () => {
  it('counts what gaps.hire.yaml covers, waived items included, with commands that add the rest', () => {
    const document = sample('gaps.hire.yaml');
    assert.deepEqual(lenses(document), [
      `${lineOf(document, 'skills:')}: 3 of 8 required skills · 1 skill not assessed -> hire.addMissing(skills)`,
      `${lineOf(document, 'questions:')}: 3 of 5 required questions (1 waived) · 0 of 3 recommended -> hire.addMissing(questions)`,
    ]);
  });

  it('shows full coverage without a command on complete.hire.yaml', () => {
    const document = sample('complete.hire.yaml');
    assert.deepEqual(lenses(document), [
      `${lineOf(document, 'skills:')}: 8 of 8 required skills`,
      `${lineOf(document, 'questions:')}: 5 of 5 required questions · 3 of 3 recommended`,
    ]);
  });

  it('counts unassessed skills in the plural', () => {
    const document = brief('hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\nskills: [communication, coordination]\n');
    assert.deepEqual(lenses(document), ['4: 2 of 8 required skills · 2 skills not assessed -> hire.addMissing(skills)']);
  });

  it('adds the evidence of the unassessed skills from the skills lens', () => {
    const document = brief('hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\nskills:\n  - communication\n  - coordination\n');
    assert.deepEqual(lenses(document), ['4: 2 of 8 required skills · 2 skills not assessed -> hire.addMissing(skills)']);
    const edit = service.getAddMissingEdit(document, 'skills')!;
    const after = brief(TextDocument.applyEdits(document, edit.changes![document.uri]));
    assert.deepEqual(service.validate(after).filter((d) => d.code === 'unassessed-skill' || d.code === 'missing-skill'), []);
    assert.match(after.getText(), /\n {2}- id: coordination\n {4}evidence: /);
  });

  it('counts the items of a waived section as waived', () => {
    const document = brief('hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\nquestions:\n  - id: conflict\n    ask: How?\nwaive:\n  questions: The studio interviews.\n');
    assert.deepEqual(lenses(document), ['4: 5 of 5 required questions (4 waived) · 3 of 3 recommended (3 waived)']);
  });

  it('has no lens on a brief with a YAML error (its profile checks do not run)', () => {
    const text = 'hire: 1\nrole: X\nprofile: production-coordinator\nskills:\n  - communication\nquestions:\n  - id: conflict\n    ask: "x\n';
    assert.deepEqual(lenses(brief(text)), []);
  });

  it('has no lens without a known profile or without the sections', () => {
    assert.deepEqual(lenses(brief('hire: 1\nrole: Key Grip\nquestions:\n  - id: a\n    ask: B?\n')), []);
    assert.deepEqual(lenses(brief('hire: 1\nrole: Production Coordinator\nprofile: production-coordinator\n')), []);
  });

  it('runs the add-missing edit of its section only', () => {
    const document = sample('gaps.hire.yaml');
    const lens = service.getCodeLenses(document).find((candidate) => candidate.range.start.line === lineOf(document, 'questions:') - 1);
    assert.equal(lens?.command?.command, COMMANDS.addMissing);
    const { scope } = lens!.command!.arguments![0] as { scope: 'questions' | 'skills' };
    const edit = service.getAddMissingEdit(document, scope)!;
    const after = brief(TextDocument.applyEdits(document, edit.changes![document.uri]));
    const codes = new Set(service.validate(after).map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['missing-section', 'missing-skill']);
    assert.deepEqual(lenses(after), [
      `${lineOf(after, 'skills:')}: 3 of 8 required skills -> hire.addMissing(skills)`,
      `${lineOf(after, 'questions:')}: 5 of 5 required questions (1 waived) · 3 of 3 recommended`,
    ]);
  });
});
