/**
 * What a client said it supports, honoured over stdio: completion items are
 * snippets only for a client whose `completionItem.snippetSupport` is true
 * (Neovim 0.7 says false; LSP reads a missing capability as false).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { InsertTextFormat, type ClientCapabilities, type CodeAction, type CompletionList, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { ROOT } from '../support/documents';
import { startServer } from '../support/lspClient';

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');
const uri = 'file:///work/gaps.hire.yaml';
/** A new question item on the line after `questions:`. */
const text = gaps.replace(/^questions:.*\n/m, (line) => `${line}  - \n`);
const position = { line: text.split('\n').findIndex((line) => line === '  - '), character: 4 };
/** Snippet syntax: a tab stop or a placeholder. */
const SNIPPET = /\$\d|\$\{\d/;

/** The completions at the new item, and the code actions of every finding, for a client with these capabilities. */
async function answers(capabilities: ClientCapabilities): Promise<{ completions: CompletionList; actions: CodeAction[] }> {
  const server = await startServer(capabilities);
  try {
    const published = server.nextDiagnostics(uri);
    server.open(uri, text, 1);
    const { diagnostics } = await published;
    const completions: CompletionList = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics as Diagnostic[]) {
      actions.push(...(await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })));
    }
    return { completions, actions };
  } finally {
    await server.stop();
  }
}

describe('snippets only for clients that support them', () => {
  for (const [client, capabilities] of [
    ['declares snippetSupport false (Neovim 0.7)', { textDocument: { completion: { completionItem: { snippetSupport: false } } } }],
    ['declares no completion capabilities', {}],
  ] as [string, ClientCapabilities][]) {
    it(`a client that ${client} gets plain text: no placeholders in completions or code actions`, async () => {
      const { completions, actions } = await answers(capabilities);
      const question = completions.items.find((item) => item.label === 'management-style');
      assert.ok(question, completions.items.map((item) => item.label).join());
      assert.match((question.textEdit as TextEdit).newText, /^id: management-style\n {4}ask: What type of management style do you typically employ\?\n/);
      for (const item of completions.items) {
        assert.notEqual(item.insertTextFormat, InsertTextFormat.Snippet, item.label);
        assert.doesNotMatch((item.textEdit as TextEdit).newText, SNIPPET, item.label);
      }
      assert.ok(actions.length > 0);
      for (const action of actions) {
        for (const edit of action.edit?.changes?.[uri] ?? []) assert.doesNotMatch(edit.newText, SNIPPET, action.title);
        assert.equal(action.edit?.documentChanges, undefined, action.title);
      }
    });
  }

  it('a client that declares snippetSupport true gets snippets', async () => {
    const { completions } = await answers({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    const question = completions.items.find((item) => item.label === 'question');
    assert.equal(question?.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((question.textEdit as TextEdit).newText, /^id: \$\{1:question-id\}/);
  });
});
