/**
 * Scorecards inside VS Code: "Hiring Briefs: New Scorecard" writes one for a
 * sample brief (outside the samples folder, so that the samples stay as they
 * are), whose findings, completion and hover come from the server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, openSample, sample, until } from './util';

suite('Scorecards in VS Code', () => {
  let folder: string;
  suiteSetup(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hire-vscode-scorecards-'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('New Scorecard writes a scorecard of the brief, whose findings, completion and hover work', async () => {
    await openSample('complete.hire.yaml');
    await activeExtension();
    const target = vscode.Uri.file(path.join(folder, 'rivera.hire-score.yaml'));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('hire.newScorecard', {
      brief: sample('complete.hire.yaml').toString(),
      scorecard: target.toString(),
      candidate: 'A. Rivera',
      interviewer: 'J. Smith',
    });
    assert.ok(editor, 'the new scorecard is open');
    const document = editor.document;
    assert.equal(document.languageId, 'hire-score-yaml');
    assert.equal(document.uri.fsPath, target.fsPath);
    assert.match(document.getText(), /^candidate: A\. Rivera /m);

    const codes = () => vscode.languages.getDiagnostics(document.uri).map((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code));
    const found = await until('the new scorecard\'s findings', () => (codes().length > 0 ? codes() : undefined), codes);
    assert.deepEqual(found, ['unrated-question', 'unrated-question', 'unrated-question', 'unrated-question', 'unrated-question', 'schema']);

    const line = document.getText().split('\n').findIndex((text) => text.startsWith('  conflict:'));
    const position = new vscode.Position(line, '  conflict: '.length - 1);
    await editor.edit((edit) => edit.insert(position, ' '));
    const list = await until('scores to complete', async () => {
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, '  conflict: '.length));
      return completions.items.length ? completions : undefined;
    });
    assert.deepEqual(list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)), ['1', '2', '3', '4', '5']);

    await editor.edit((edit) => edit.insert(new vscode.Position(line, '  conflict: '.length), '3'));
    await until('one rating fewer to give', () => codes().filter((code) => code === 'unrated-question').length === 4, codes);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, '  conflict: '.length));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /How do you handle conflict\?/);
  });
});
