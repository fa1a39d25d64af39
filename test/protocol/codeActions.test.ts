import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ApplyWorkspaceEditParams, CodeAction, CodeLens, Diagnostic, ShowDocumentParams } from 'vscode-languageserver-protocol';
import { COMMANDS } from '../../server/src/protocol';
import { ADD_MISSING_KIND } from '../../server/src/service/codeActions';
import { ROOT } from '../support/documents';
import { startServer, type TestServer } from '../support/lspClient';

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');
const uri = 'file:///work/gaps.hire.yaml';

describe('code actions and code lens over stdio', () => {
  let server: TestServer;
  let diagnostics: Diagnostic[];
  const applied: ApplyWorkspaceEditParams[] = [];
  const shown: ShowDocumentParams[] = [];
  before(async () => {
    server = await startServer({ window: { showDocument: { support: true } } });
    server.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
    server.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      shown.push(params);
      return { success: true };
    });
    const published = server.nextDiagnostics(uri);
    server.open(uri, gaps, 1);
    diagnostics = (await published).diagnostics;
  });
  after(async () => {
    await server.stop();
  });

  it('advertises quick fixes, the add-missing source action, code lenses and the command', () => {
    const { capabilities } = server.initialized;
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', ADD_MISSING_KIND] });
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: [COMMANDS.addMissing, COMMANDS.selectRange] });
  });

  it('returns the quick fixes of the diagnostics in the request, with their edits', async () => {
    const missingQuestions = diagnostics.filter((d) => d.code === 'missing-question');
    const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: missingQuestions[0].range,
      context: { diagnostics: missingQuestions, only: ['quickfix'] },
    });
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.slice(0, 3), ["Add interview question 'management-style'", 'Add all 5 missing interview questions', "Waive 'management-style'…"]);
    assert.ok(actions.every((action) => action.kind === 'quickfix' && action.edit?.changes?.[uri]?.length));
    const document = TextDocument.create(uri, 'hire-yaml', 1, gaps);
    const result = TextDocument.applyEdits(document, actions[0].edit!.changes![uri]);
    assert.match(result, /\n {2}- id: management-style\n {4}ask: What type of management style do you typically employ\?\n/);
  });

  it("returns 'Add evidence' for an unassessed skill, preferred, and its edit only inserts the evidence line", async () => {
    const unassessed = diagnostics.filter((d) => d.code === 'unassessed-skill');
    assert.deepEqual(unassessed.map((d) => (d.data as { id: string }).id), ['coordination']);
    const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: unassessed[0].range,
      context: { diagnostics: unassessed, only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred]), [["Add evidence for 'coordination'", true], ["Waive 'coordination'…", undefined]]);
    const document = TextDocument.create(uri, 'hire-yaml', 1, gaps);
    const result = TextDocument.applyEdits(document, actions[0].edit!.changes![uri]);
    const line = '  - coordination                       # unassessed-skill: no evidence, no question assesses it\n';
    assert.ok(gaps.includes(line));
    assert.equal(
      result,
      gaps.replace(line, `  - id: ${line.slice(4)}    evidence: Credits across several departments or kinds of production, with duties that reached many parts of the shoot.\n`),
    );
  });

  it('returns the add-missing source action for the whole document when asked without diagnostics', async () => {
    const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Add everything the profile recommends', ADD_MISSING_KIND]]);
    const missing = diagnostics.filter((d) => ['missing-section', 'missing-skill', 'missing-question', 'unassessed-skill'].includes(String(d.code)));
    assert.equal(actions[0].diagnostics?.length, missing.length);
  });

  it('returns the code lenses, and their command applies the add-missing edit through the client', async () => {
    const lenses: CodeLens[] = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      ['3 of 8 required skills · 1 skill not assessed', '3 of 5 required questions (1 waived) · 0 of 3 recommended'],
    );
    const questions = lenses[1].command!;
    assert.deepEqual([questions.command, questions.arguments], [COMMANDS.addMissing, [{ uri, scope: 'questions' }]]);

    await server.connection.sendRequest('workspace/executeCommand', { command: questions.command, arguments: questions.arguments });
    assert.equal(applied.length, 1);
    const document = TextDocument.create(uri, 'hire-yaml', 1, gaps);
    const result = TextDocument.applyEdits(document, applied[0].edit.changes![uri]);
    for (const id of ['management-style', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us']) {
      assert.match(result, new RegExp(`\\n {2}- id: ${id}\\n`));
    }
    assert.doesNotMatch(result, /- id: accounting/);
  });

  it('offers to select a placeholder, and its command has the client show the document with the placeholder selected', async () => {
    const placeholder = 'file:///work/placeholder.hire.yaml';
    const published = server.nextDiagnostics(placeholder);
    server.open(placeholder, 'hire: 1\nrole: Key Grip\nproject:\n  location: To be confirmed\n', 1);
    const found = (await published).diagnostics.filter((d) => d.code === 'placeholder');
    assert.deepEqual(found.map((d) => d.range), [{ start: { line: 3, character: 12 }, end: { line: 3, character: 27 } }]);
    const actions: CodeAction[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: placeholder },
      range: found[0].range,
      context: { diagnostics: found, only: ['quickfix'] },
    });
    const select = actions.find((action) => action.title === "Select the placeholder 'To be confirmed' to replace it");
    assert.ok(select?.command, JSON.stringify(actions));
    assert.equal(select.edit, undefined, 'the text is not touched');
    await server.connection.sendRequest('workspace/executeCommand', select.command);
    assert.deepEqual(shown, [{ uri: placeholder, selection: found[0].range, takeFocus: true }]);
  });
});
