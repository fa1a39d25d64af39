/**
 * The extension inside VS Code: activation, the samples' diagnostics, the
 * language features through VS Code's own commands, the preview, settings,
 * and the server's restarts. Every wait polls for a state (util.until).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activeExtension, EXTENSION_ID, findings, openSample, sample, samplesFolder, serverPids, until, untilFindings, untilOneServer, type Finding } from './util';

/** What `hire check --format json` finds in each sample: the editor must show the same. */
function checkWithCli(): Map<string, Finding[]> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const cli = vscode.Uri.joinPath(extension.extensionUri, 'dist/cli.js').fsPath;
  const run = spawnSync(process.execPath, [cli, 'check', samplesFolder().fsPath, '--format', 'json'], { encoding: 'utf8' });
  assert.equal(run.status, 1, `hire check exits 1 on the samples' findings: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }[] };
  return new Map(report.files.map((file) => [
    path.relative(samplesFolder().fsPath, path.resolve(file.path)).split(path.sep).join('/'),
    file.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, character: d.range.start.character })),
  ]));
}

/** Replaces the first occurrence of `from` in a document (in memory, unsaved). */
async function replaceText(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = document.getText().indexOf(from);
  assert.ok(offset >= 0, `${document.uri.path} contains ${from}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** Reverts a document to what is on disk. */
async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await until(`${document.uri.path} to be reverted`, () => !document.isDirty);
}

suite('Hiring Briefs in VS Code', () => {
  let expected: Map<string, Finding[]>;
  const gaps = () => sample('gaps.hire.yaml');

  suiteSetup(async () => {
    // The tests edit briefs in memory and revert them: auto save would write an edit to disk before the revert.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'files.autoSave is off in the test profile');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    expected = checkWithCli();
  });

  test('activates in a folder of briefs, and starts one server', async () => {
    // Activation: a brief opened (onLanguage), or a workspace that contains briefs (workspaceContains, for the view).
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await openSample('gaps.hire.yaml');
    const state = await activeExtension();
    await until('the language client to run', () => state.client.isRunning());
    assert.equal(state.host, 'node', 'desktop VS Code runs it in the Node extension host');
    assert.equal(serverPids().length, 1, 'one server process');
  });

  test('the Hiring Briefs view lists the samples and what each lacks', async () => {
    const state = await activeExtension();
    const describe = () => state.briefs.getChildren().flatMap((group) => state.briefs.getChildren(group)).map((node) => {
      const item = state.briefs.getTreeItem(node);
      return `${typeof item.label === 'string' ? item.label : item.label?.label}: ${item.description}`;
    }).sort();
    const items = await until('the three samples in the view', () => {
      const now = describe();
      return now.length === 3 ? now : undefined;
    }, describe);
    assert.match(items[0], /^complete\.hire\.yaml: complete$/);
    assert.match(items[1], /^errors\.hire\.yaml: .*\d+ errors?$/);
    assert.match(items[2], /^gaps\.hire\.yaml: .*missing$/);
  });

  test("the samples' diagnostics are those of `hire check`", async () => {
    assert.deepEqual([...expected.keys()].sort(), [
      'complete.hire.yaml',
      'errors.hire.yaml',
      'gaps.hire.yaml',
      'scorecards/okafor.smith.hire-score.yaml',
      'scorecards/rivera.chen.hire-score.yaml',
      'scorecards/rivera.smith.hire-score.yaml',
    ]);
    assert.deepEqual(expected.get('scorecards/okafor.smith.hire-score.yaml')!.map((f) => f.code), ['quote-over-max'], 'the one scorecard finding is the quote over the ceiling');
    assert.ok(expected.get('errors.hire.yaml')!.some((f) => f.severity === 'error'), 'errors.hire.yaml has errors');
    assert.ok(expected.get('gaps.hire.yaml')!.some((f) => f.code === 'missing-question'), 'gaps.hire.yaml misses questions');
    for (const [name, want] of expected) {
      await openSample(name);
      await untilFindings(sample(name), want);
    }
  });

  test('diagnostics follow edits', async () => {
    const editor = await openSample('complete.hire.yaml');
    await replaceText(editor.document, 'engagement: freelance', 'engagement: freelanse');
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('engagement:'));
    await untilFindings(editor.document.uri, [{ code: 'schema', severity: 'error', line, character: 12 }]);
    await revert(editor.document);
    await untilFindings(editor.document.uri, []);
  });

  test('completion offers the values of engagement', async () => {
    const editor = await openSample('gaps.hire.yaml');
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('engagement:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', gaps(), new vscode.Position(line, 12));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const value of ['freelance', 'contract', 'part-time', 'full-time']) assert.ok(labels.includes(value), `${value} in ${labels.join(', ')}`);
  });

  test('hover explains a key', async () => {
    const editor = await openSample('gaps.hire.yaml');
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('rate:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', gaps(), new vscode.Position(line, 1));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /What you expect to pay/);
  });

  test('a quick fix adds a missing interview question', async () => {
    const editor = await openSample('gaps.hire.yaml');
    const diagnostic = await until('a missing-question finding for management-style', () =>
      vscode.languages.getDiagnostics(gaps()).find((d) => d.code === 'missing-question' && d.message.includes("'management-style'")));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', gaps(), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const fix = actions.find((action) => action.title === "Add interview question 'management-style'");
    assert.ok(fix?.edit, `the fix is among ${titles.join(' | ')}`);
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = editor.document.getText();
    assert.match(after, /\n {2}- id: management-style\n {4}ask: What type of management style do you typically employ\?\n/);
    // Nothing of the user's text is lost: every original line is still there, in order.
    const lines = after.split('\n');
    let at = 0;
    for (const original of before.split('\n')) {
      at = lines.indexOf(original, at);
      assert.ok(at >= 0, `line kept: ${original}`);
      at++;
    }
    await until('the finding to go', () => !vscode.languages.getDiagnostics(gaps()).some((d) => d.code === 'missing-question' && d.message.includes("'management-style'")));
    assert.equal(findings(gaps()).filter((f) => f.code === 'missing-question').length, expected.get('gaps.hire.yaml')!.filter((f) => f.code === 'missing-question').length - 1);
    await revert(editor.document);
    await untilFindings(gaps(), expected.get('gaps.hire.yaml')!);
  });

  test('document symbols list the sections, skills and questions', async () => {
    await openSample('gaps.hire.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', gaps());
    const outline = Object.fromEntries(symbols.map((symbol) => [symbol.name, symbol.children.map((child) => child.name)]));
    assert.deepEqual(Object.keys(outline), ['hire', 'role', 'profile', 'engagement', 'project', 'summary', 'skills', 'rate', 'workspace', 'questions', 'waive']);
    assert.deepEqual(outline.skills, ['communication', 'problem-solving', 'coordination']);
    assert.deepEqual(outline.questions, ['conflict', 'superiors']);
  });

  test('a profile document gets its own completion, hover, outline and findings', async () => {
    const content = 'hire-profile: 1\nid: line-producer\ntitle: Line Producer\nextends: \nskills:\n  - id: budgeting\n    name: Budgeting\n    need: sometimes\n';
    const document = await vscode.workspace.openTextDocument({ language: 'hire-profile-yaml', content });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(3, 9));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('production-coordinator'), `the built-in profile among ${labels.join(', ')}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(2, 1));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /job title/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(symbols.find((symbol) => symbol.name === 'skills')?.children.map((child) => child.name), ['budgeting']);
    const found = await until('the schema finding on need', () => {
      const diagnostics = vscode.languages.getDiagnostics(document.uri);
      return diagnostics.length ? diagnostics : undefined;
    });
    assert.ok(found.some((d) => d.code === 'schema' && d.range.start.line === 7), JSON.stringify(found.map((d) => [d.code, d.range.start.line])));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('New Brief opens an untitled brief from the scaffold, whose only findings are its placeholders', async () => {
    await vscode.commands.executeCommand('hire.newBrief');
    const editor = await until('an untitled brief', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.languageId === 'hire-yaml' ? active : undefined;
    });
    assert.match(editor.document.getText(), /^# A hiring brief for the profile "Production Coordinator" \(production-coordinator\)\.\n/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.equal(symbols.find((symbol) => symbol.name === 'questions')?.children.length, 8, 'every question of the profile');
    await until('the placeholders found', () => {
      const found = findings(editor.document.uri);
      return found.length >= 5 && found.every((finding) => finding.code === 'placeholder' && finding.severity === 'warning') ? found : undefined;
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the preview opens beside the editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openSample('gaps.hire.yaml');
    await vscode.commands.executeCommand('hire.openPreviewToSide');
    const describe = () => vscode.window.tabGroups.all.map((group) => ({ column: group.viewColumn, tabs: group.tabs.map((tab) => tab.label) }));
    const tab = await until('a preview tab in the second column', () =>
      vscode.window.tabGroups.all.find((group) => group.viewColumn === vscode.ViewColumn.Two)?.tabs
        .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('hire.preview')), describe);
    assert.match(tab.label, /gaps/);
    const first = vscode.window.tabGroups.all.find((group) => group.viewColumn === vscode.ViewColumn.One);
    assert.ok(first?.tabs.some((candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === gaps().toString()), 'the brief stays in the first column');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('hire.diagnostics.severity changes the diagnostics', async () => {
    await openSample('gaps.hire.yaml');
    const want = expected.get('gaps.hire.yaml')!;
    const configuration = () => vscode.workspace.getConfiguration('hire');
    // Global: the user settings of the test profile, so the repo's samples/ gets no .vscode/settings.json.
    try {
      await configuration().update('diagnostics.severity', { 'missing-question': 'off', 'missing-skill': 'error' }, vscode.ConfigurationTarget.Global);
      await untilFindings(gaps(), want
        .filter((f) => f.code !== 'missing-question')
        .map((f) => (f.code === 'missing-skill' ? { ...f, severity: 'error' } : f)), 'the overridden severities');
    } finally {
      await configuration().update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    }
    await untilFindings(gaps(), want, 'the default severities again');
  });

  test('Restart Server starts a new server, and the diagnostics come back', async () => {
    const state = await activeExtension();
    const editor = await openSample('gaps.hire.yaml');
    const before = await untilOneServer();
    await vscode.commands.executeCommand('hire.restartServer');
    await untilOneServer('a new server process', before);
    await until('the client to run', () => state.client.isRunning());
    assert.ok(!serverPids().includes(before), 'the old server has exited');
    await untilFindings(gaps(), expected.get('gaps.hire.yaml')!);
    // The new server follows edits.
    await replaceText(editor.document, 'profile: production-coordinator', 'profile: production-coordinater');
    await until('an unknown-profile finding', () => findings(gaps()).some((f) => f.code === 'unknown-profile'), () => findings(gaps()));
    await revert(editor.document);
    await untilFindings(gaps(), expected.get('gaps.hire.yaml')!);
  });

  test('a server killed from outside is restarted four times in three minutes, then no more', async () => {
    const state = await activeExtension();
    await openSample('gaps.hire.yaml');
    let pid = await untilOneServer();
    for (let crash = 1; crash <= 4; crash++) {
      process.kill(pid, 'SIGKILL');
      pid = await untilOneServer(`a new server after crash ${crash}`, pid);
      await until('the client to run', () => state.client.isRunning());
      await untilFindings(gaps(), expected.get('gaps.hire.yaml')!, `the findings after crash ${crash}`);
    }
    // vscode-languageclient's default error handler: the fifth crash within three minutes stops the client.
    process.kill(pid, 'SIGKILL');
    await until('the client to give up', () => state.client.state === State.Stopped, () => State[state.client.state]);
    await until('no server process', () => serverPids().length === 0, () => serverPids());
    // "Restart Server" brings it back.
    await vscode.commands.executeCommand('hire.restartServer');
    await untilOneServer('a server started by the command');
    await until('the client to run', () => state.client.isRunning());
    await untilFindings(gaps(), expected.get('gaps.hire.yaml')!);
  });
});
