/**
 * Completion, hover and the outline in a role profile document, over stdio:
 * the server answers for `hire-profile-yaml` documents from the profile
 * schema and the profiles it knows (the open ones included).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

describe('a role profile over stdio', () => {
  let server: TestServer;
  const gaffer = 'file:///work/profiles/gaffer.hire-profile.yaml';
  const uri = 'file:///work/profiles/line-producer.hire-profile.yaml';
  const lines = [
    'hire-profile: 1',
    'id: line-producer',
    'title: Line Producer',
    'extends: ',
    'skills:',
    '  - id: budgeting',
    '    name: Budgeting',
    'questions:',
    '  - id: cost-report',
    '    ',
    '',
  ];
  const open = (documentUri: string, text: string) =>
    void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: documentUri, languageId: 'hire-profile-yaml', version: 1, text } });

  before(async () => {
    server = await startServer();
    open(gaffer, 'hire-profile: 1\nid: gaffer\ntitle: Gaffer\n');
    open(uri, lines.join('\n'));
  });
  after(async () => {
    await server.stop();
  });

  it('completes `extends` with the other profiles, open ones included, and keys of a question item with edits on the typed word', async () => {
    const parents: CompletionList = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 9 } });
    assert.deepEqual(parents.items.map((item) => [item.label, item.detail]), [['gaffer', 'Gaffer'], ['production-coordinator', 'Production Coordinator']]);
    assert.deepEqual((parents.items[0].textEdit as TextEdit).range, { start: { line: 3, character: 9 }, end: { line: 3, character: 9 } });

    const keys: CompletionList = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 4 } });
    assert.deepEqual(keys.items.map((item) => item.label), ['ask', 'why', 'listen_for', 'red_flags', 'rubric', 'assesses', 'priority']);
    assert.deepEqual(keys.items.at(-1)!.textEdit, { range: { start: { line: 9, character: 4 }, end: { line: 9, character: 4 } }, newText: 'priority: ' });
  });

  it('hovers a key with the profile schema, and outlines the skills and questions', async () => {
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.match((hover.contents as MarkupContent).value, /^The role's usual job title/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
    const symbols: DocumentSymbol[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail ?? '', (symbol.children ?? []).map((child) => child.name)]), [
      ['hire-profile', '1', []],
      ['id', 'line-producer', []],
      ['title', 'Line Producer', []],
      ['extends', '', []],
      ['skills', '', ['budgeting']],
      ['questions', '', ['cost-report']],
    ]);
  });
});
