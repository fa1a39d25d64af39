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

/** What the Candidates view of a brief last sent to its webview. */
function candidatesShown(previews: readonly { readonly view: string; readonly uri: vscode.Uri; readonly shownMessage?: { readonly html: string | null } }[], uri: vscode.Uri): string | undefined {
  return previews.find((preview) => preview.view === 'candidates' && preview.uri.toString() === uri.toString())?.shownMessage?.html ?? undefined;
}

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

  test('the Candidates view shows the samples\' scorecards side by side, and follows an edit of one', async () => {
    const state = await activeExtension();
    const brief = sample('complete.hire.yaml');
    await openSample('complete.hire.yaml');
    await vscode.commands.executeCommand('hire.openPreviewToSide');
    const preview = await until('a preview of the brief', () => state.previews.all.find((candidate) => candidate.uri.toString() === brief.toString()));
    // Toggle Preview View: posting, kit, candidates.
    while (preview.view !== 'candidates') {
      const before = preview.view;
      await vscode.commands.executeCommand('hire.togglePreviewView');
      await until('the view to change', () => preview.view !== before);
    }
    const shown = () => candidatesShown(state.previews.all, brief);
    const first = await until('the Candidates view of the samples', () => (shown()?.includes('K. Okafor') ? shown() : undefined), shown, 45_000);
    assert.match(first, /<th scope="row">A\. Rivera<\/th>/);
    assert.match(first, /<td class="over">450 USD a day \(ceiling 400 USD a day\), over the ceiling<\/td>/);
    assert.match(first, /A\. Rivera: conflict \(2 to 5\)/);

    // An unsaved edit of a scorecard shows at once.
    const editor = await openSample('scorecards/rivera.smith.hire-score.yaml');
    const text = editor.document.getText();
    const offset = text.indexOf('score: 2');
    assert.ok(offset > 0);
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + 'score: 2'.length)), 'score: 3'));
    await until('the spread to follow the edit', () => shown()?.includes('A. Rivera: conflict (3 to 5)'), shown, 45_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until('the spread back as on disk', () => shown()?.includes('A. Rivera: conflict (2 to 5)'), shown, 45_000);
  });
});
