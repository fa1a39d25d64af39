import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { brief, sample } from '../support/documents';

const service = getLanguageService();

/** A symbol as `name [detail] range-text | selection-text`, children indented. */
function outline(document: TextDocument, symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((symbol) => [
    `${indent}${symbol.name}${symbol.detail ? ` [${symbol.detail}]` : ''} ${JSON.stringify(document.getText(symbol.range))} | ${JSON.stringify(document.getText(symbol.selectionRange))}`,
    ...outline(document, symbol.children ?? [], `${indent}  `),
  ]);
}

describe('document symbols', () => {
  it('shows a block-scalar ask on one line', () => {
    const document = brief('hire: 1\nrole: X\nquestions:\n  - id: conflict\n    ask: |\n      How do you handle conflict?\n      Give an example.\n');
    const questions = service.findDocumentSymbols(document).find((symbol) => symbol.name === 'questions');
    assert.equal(questions?.children?.[0].detail, 'How do you handle conflict? Give an example.');
  });

  it('lists sections, skills by id with their need and questions by id with their ask', () => {
    const document = brief(
      [
        'hire: 1',
        'role: Production Coordinator   # the title',
        'profile: production-coordinator',
        'project:',
        '  name: Night Market',
        'skills:',
        '  - communication',
        '  - id: leadership',
        '    need: required',
        '  - id: budgeting',
        '    evidence: Ran budgets',
        'questions:',
        '  - id: conflict',
        '    ask: How do you handle conflict?',
        '  - id: superiors',
        '',
        '# the end',
        '',
      ].join('\n'),
    );
    assert.deepEqual(outline(document, service.findDocumentSymbols(document)), [
      'hire [1] "hire: 1" | "hire"',
      'role [Production Coordinator] "role: Production Coordinator" | "role"',
      'profile [production-coordinator] "profile: production-coordinator" | "profile"',
      'project "project:\\n  name: Night Market" | "project"',
      'skills "skills:\\n  - communication\\n  - id: leadership\\n    need: required\\n  - id: budgeting\\n    evidence: Ran budgets" | "skills"',
      '  communication [required] "communication" | "communication"',
      '  leadership [required] "id: leadership\\n    need: required" | "leadership"',
      '  budgeting [required] "id: budgeting\\n    evidence: Ran budgets" | "budgeting"',
      'questions "questions:\\n  - id: conflict\\n    ask: How do you handle conflict?\\n  - id: superiors" | "questions"',
      '  conflict [How do you handle conflict?] "id: conflict\\n    ask: How do you handle conflict?" | "conflict"',
      '  superiors [Have you ever had a problem with your superiors?] "id: superiors" | "superiors"',
    ]);
  });

  it('gives each kind of node its symbol kind', () => {
    const document = brief('hire: 1\nrole: x\nproject:\n  name: y\nduties: [a]\nskills:\n  - a\nquestions:\n  - id: q\n');
    const symbols = service.findDocumentSymbols(document);
    assert.deepEqual(
      symbols.map((symbol) => symbol.kind),
      [SymbolKind.Number, SymbolKind.String, SymbolKind.Object, SymbolKind.Array, SymbolKind.Array, SymbolKind.Array],
    );
    assert.deepEqual([symbols[4].children![0].kind, symbols[5].children![0].kind], [SymbolKind.Field, SymbolKind.Event]);
  });

  it('outlines the complete sample, every question under `questions`', () => {
    const document = sample('complete.hire.yaml');
    const symbols = service.findDocumentSymbols(document);
    assert.deepEqual(symbols.map((symbol) => symbol.name), [
      'hire', 'role', 'profile', 'engagement', 'reports_to', 'project', 'summary', 'duties', 'skills', 'authority', 'rate', 'workspace', 'questions', 'apply', 'notes',
    ]);
    const questions = symbols.find((symbol) => symbol.name === 'questions')!.children!;
    assert.equal(questions.length, 8);
    assert.deepEqual(questions[2], {
      name: 'conflict',
      kind: SymbolKind.Event,
      detail: 'How do you handle conflict?',
      range: { start: { line: 72, character: 4 }, end: { line: 79, character: 46 } },
      selectionRange: { start: { line: 72, character: 8 }, end: { line: 72, character: 16 } },
    });
  });

  it('has no symbols for a document that is not a mapping', () => {
    assert.deepEqual(service.findDocumentSymbols(brief('- a\n- b\n')), []);
    assert.deepEqual(service.findDocumentSymbols(brief('')), []);
  });
});
