/**
 * "Hiring Briefs: Show Changes" inside VS Code, with the built-in Git
 * extension: a brief in a temporary git repository against HEAD, updating as
 * the editor's text changes; two commits of its history; and what the view
 * says for a file outside git and for one git does not track. The tests read
 * the content the preview last sent to its webview, and poll for it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GIT_NOTICES } from '../../../client/src/git';
import type { ToWebview } from '../../../client/src/preview/messages';
import type { BriefPreview } from '../../../client/src/preview/preview';
import { activeExtension, until } from './util';

const BRIEF = `hire: 1
role: Production Coordinator
profile: production-coordinator
rate:
  amount: 350
  currency: USD
  per: day
  max: 400
questions:
  - id: conflict
    ask: How do you handle conflict?
  - id: experience
    ask: What is your previous work experience?
`;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' } });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** What the Changes view showing a file last sent to its webview about that file. */
function changesOf(uri: vscode.Uri, previews: readonly BriefPreview[]): ToWebview | undefined {
  const message = previews.find((preview) => preview.view === 'changes' && preview.uri.toString() === uri.toString())?.shownMessage;
  return message?.uri === uri.toString() && message.view === 'changes' ? message : undefined;
}

suite('Show Changes', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hire-changes-'));
  const repo = path.join(folder, 'repo');
  const outside = path.join(folder, 'outside');
  const file = path.join(repo, 'night-market.hire.yaml');

  suiteSetup(() => {
    fs.mkdirSync(repo);
    fs.mkdirSync(outside);
    git(repo, 'init', '-q');
    fs.writeFileSync(file, BRIEF);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'A brief');
    fs.writeFileSync(file, BRIEF.replace('max: 400', 'max: 420'));
    git(repo, 'commit', '-q', '-am', 'A higher ceiling');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("the editor's text against HEAD, updating as you type", async () => {
    const state = await activeExtension();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
    await vscode.commands.executeCommand('hire.showChanges');
    const shown = () => changesOf(document.uri, state.previews.all);
    const first = await until('the Changes view to show no change against HEAD', () => shown()?.html?.includes('No changes by meaning') && shown(), shown, 45_000);
    assert.match(first.html!, /since HEAD \([0-9a-f]{7}\)/);

    const edit = new vscode.WorkspaceEdit();
    const offset = document.getText().indexOf('max: 420');
    edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'max: 420'.length)), 'max: 450');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until('the view to follow the edit', () => shown()?.html?.includes('The rate ceiling rises from 420 to 450 USD a day.'), shown);

    const drop = new vscode.WorkspaceEdit();
    const question = document.getText().indexOf('  - id: conflict');
    const next = document.getText().indexOf('  - id: experience');
    drop.delete(document.uri, new vscode.Range(document.positionAt(question), document.positionAt(next)));
    assert.ok(await vscode.workspace.applyEdit(drop));
    const dropped = await until('the dropped question and its finding', () => shown()?.html?.includes('now missing: required question') && shown(), shown);
    assert.match(dropped.html!, /Drops the question 'conflict' \(&quot;How do you handle conflict\?&quot;\)/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('two commits of the history', async () => {
    const state = await activeExtension();
    const uri = vscode.Uri.file(file);
    const [newer, older] = git(repo, 'log', '--format=%H').trim().split('\n');
    state.previews.showChanges(uri, { from: older, fromLabel: `${older.slice(0, 7)} (A brief)`, to: newer, toLabel: `${newer.slice(0, 7)} (A higher ceiling)` });
    const shown = () => changesOf(uri, state.previews.all);
    const message = await until('the change between the two commits', () => shown()?.html?.includes('The rate ceiling rises from 400 to 420 USD a day.') && shown(), shown, 45_000);
    assert.match(message.html!, new RegExp(`from ${older.slice(0, 7)} \\(A brief\\) to ${newer.slice(0, 7)} \\(A higher ceiling\\)`));
    assert.deepEqual(message.compare, { from: older, fromLabel: `${older.slice(0, 7)} (A brief)`, to: newer, toLabel: `${newer.slice(0, 7)} (A higher ceiling)` });
  });

  test('a file git does not track, and one outside git, say so', async () => {
    const state = await activeExtension();
    const untracked = path.join(repo, 'new.hire.yaml');
    fs.writeFileSync(untracked, BRIEF);
    const loose = path.join(outside, 'loose.hire.yaml');
    fs.writeFileSync(loose, BRIEF);
    for (const [name, notice] of [[untracked, GIT_NOTICES.untracked], [loose, GIT_NOTICES.outside]] as const) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(name));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('hire.showChanges');
      const shown = () => changesOf(document.uri, state.previews.all);
      const message = await until(`the notice for ${path.basename(name)}`, () => shown()?.notice !== undefined && shown(), shown, 45_000);
      assert.equal(message.notice, notice);
      assert.equal(message.html, null);
    }
  });
});
