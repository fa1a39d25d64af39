import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { ROOT } from '../support/documents';
import { startServer, type TestServer } from '../support/lspClient';

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');
const lines = gaps.split('\n');
/** The 0-based line of the first line of the sample that starts with a text. */
const lineOf = (start: string) => lines.findIndex((line) => line.startsWith(start));

describe('completion, hover and document symbols over stdio', () => {
  let server: TestServer;
  const uri = 'file:///work/gaps.hire.yaml';
  before(async () => {
    server = await startServer();
    server.open(uri, gaps, 1);
  });
  after(async () => {
    await server.stop();
  });

  it('completes the enum values of `engagement`, with edits on the value', async () => {
    const line = lineOf('engagement: ');
    const list: CompletionList = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 'engagement: '.length },
    });
    assert.deepEqual(list.items.map((item) => item.label), ['freelance', 'contract', 'part-time', 'full-time']);
    assert.deepEqual((list.items[1].textEdit as TextEdit).range, { start: { line, character: 12 }, end: { line, character: 21 } });
  });

  it('completes the profile questions the brief neither asks nor waives, after an edit', async () => {
    const at = lineOf('questions:') + 1;
    const changed = [...lines.slice(0, at), '  - id: ', ...lines.slice(at)].join('\n');
    server.change(uri, changed, 2);
    const list: CompletionList = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: at, character: '  - id: '.length },
    });
    assert.deepEqual(list.items.map((item) => item.label), [
      'management-style', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us',
    ]);
    server.change(uri, gaps, 3);
  });

  it('hovers a skill id with what the profile says of it', async () => {
    const line = lineOf('  - coordination');
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } });
    assert.match((hover.contents as MarkupContent).value, /^\*\*Coordinating a whole production\*\* \(`coordination`\): required skill\n\n/);
    assert.deepEqual(hover.range, { start: { line, character: 4 }, end: { line, character: 16 } });
  });

  it('answers null where there is nothing to hover', async () => {
    const hover: Hover | null = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(hover, null);
  });

  it('outlines the sections, skills and questions', async () => {
    const symbols: DocumentSymbol[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), [
      'hire', 'role', 'profile', 'engagement', 'project', 'summary', 'skills', 'rate', 'workspace', 'questions', 'waive',
    ]);
    const skills = symbols.find((symbol) => symbol.name === 'skills')!;
    assert.deepEqual(skills.children!.map((symbol) => [symbol.name, symbol.detail]), [
      ['communication', 'required'],
      ['problem-solving', 'required'],
      ['coordination', 'required'],
    ]);
    const questions = symbols.find((symbol) => symbol.name === 'questions')!;
    assert.deepEqual(questions.children!.map((symbol) => [symbol.name, symbol.detail]), [
      ['conflict', 'How do you handle conflict?'],
      ['superiors', 'Have you ever had a problem with your superiors?'],
    ]);
    const line = lineOf('  - id: superiors');
    assert.deepEqual(questions.children![1].selectionRange, { start: { line, character: 8 }, end: { line, character: 17 } });
  });
});
