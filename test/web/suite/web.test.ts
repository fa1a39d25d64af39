/**
 * The extension in VS Code's web worker extension host, as on vscode.dev and
 * github.dev: it proves where it runs, and the core of the desktop suite
 * works there: findings (of open files, and of those not open, which the
 * server reads through the client), a team profile of the workspace,
 * completion, hover, a quick fix, code lenses, the Hiring Briefs view and
 * the preview.
 */
import * as vscode from 'vscode';
import { RenderRequest, type RenderParams, type RenderResult } from '../../../server/src/protocol';
import { activeExtension, checkedByCli, file, findings, labels, ok, open, replaceText, revert, same, until, untilFindings, type Finding } from './util';

/** The web worker API this code may see (the root tsconfig has no DOM types). */
declare const importScripts: unknown;

suite('Hiring Briefs in the web worker extension host', () => {
  let expected: Map<string, Finding[]>;
  const harbour = 'briefs/lp-harbour-lights.hire.yaml';

  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    expected = await checkedByCli();
  });

  test('runs in a web worker: no Node, and the extension says so', async () => {
    await open(harbour);
    const state = await activeExtension();
    ok(typeof process === 'undefined', `no Node process in the test's host (typeof process: ${typeof process})`);
    ok(typeof importScripts === 'function', 'a web worker (importScripts)');
    same(vscode.env.uiKind, vscode.UIKind.Web, 'the UI kind');
    same(state.host, 'webworker', "the extension's host");
    await until('the language client to run', () => state.client.isRunning());
  });

  test('briefs not opened have the findings of `hire check`, their files found and read through the editor', async () => {
    ok(expected.size >= 10, `the expected findings of the workspace's files (${[...expected.keys()].join(', ')})`);
    ok([...expected.values()].some((list) => list.length > 0), 'some files have findings');
    // Never opened in this run: their findings come from the server's scan of the workspace.
    for (const name of ['briefs/typo.hire.yaml', 'briefs/poc-gaps.hire.yaml', 'briefs/misspelled-profile.hire.yaml', 'briefs/lp-night-market.hire.yaml']) {
      await untilFindings(file(name), expected.get(name)!);
    }
  });

  test('a team profile of the workspace is used: its questions are asked for, and it is offered for `profile:`', async () => {
    const editor = await open(harbour);
    const want = expected.get(harbour)!;
    ok(want.some((finding) => finding.code === 'missing-question'), `the CLI finds a missing question of the team profile in ${harbour}`);
    await untilFindings(editor.document.uri, want);
    ok(!findings(editor.document.uri).some((finding) => finding.code === 'unknown-profile'), 'line-producer is known');
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('profile:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 'profile: '.length));
    ok(labels(list).includes('line-producer'), `the team profile among ${labels(list).join(', ')}`);
  });

  test('diagnostics follow edits', async () => {
    const name = 'briefs/lp-night-market.hire.yaml';
    const editor = await open(name);
    await untilFindings(editor.document.uri, expected.get(name)!);
    await replaceText(editor.document, 'engagement: contract', 'engagement: contrakt');
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('engagement:'));
    await untilFindings(editor.document.uri, [{ code: 'schema', severity: 'error', line, character: 12 }]);
    await revert(editor.document);
    await untilFindings(editor.document.uri, expected.get(name)!);
  });

  test('completion offers the values of engagement, and hover explains a key', async () => {
    const editor = await open('briefs/lp-night-market.hire.yaml');
    const lines = editor.document.getText().split('\n');
    const engagement = lines.findIndex((text) => text.startsWith('engagement:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(engagement, 12));
    for (const value of ['freelance', 'contract', 'part-time', 'full-time']) ok(labels(list).includes(value), `${value} in ${labels(list).join(', ')}`);
    const rate = lines.findIndex((text) => text.startsWith('rate:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(rate, 1));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    ok(/What you expect to pay/.test(text), `the hover of rate: ${text}`);
  });

  test("a quick fix adds the team profile's missing question, keeping every line", async () => {
    const editor = await open(harbour);
    const uri = editor.document.uri;
    const isSlip = (d: vscode.Diagnostic) => d.code === 'missing-question' && d.message.includes("'schedule-slip'");
    const diagnostic = await until("a missing-question finding for 'schedule-slip'", () => vscode.languages.getDiagnostics(uri).find(isSlip), () => findings(uri));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === "Add interview question 'schedule-slip'");
    ok(fix?.edit, `the fix is among ${actions.map((action) => action.title).join(' | ')}`);
    const before = editor.document.getText();
    ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    const after = editor.document.getText();
    ok(/\n {2}- id: schedule-slip\n {4}ask: The schedule slips by a day in week two\. What happens next\?\n/.test(after), `the question added:\n${after}`);
    const lines = after.split('\n');
    let at = 0;
    for (const original of before.split('\n')) {
      at = lines.indexOf(original, at);
      ok(at >= 0, `line kept: ${original}`);
      at++;
    }
    await until('the finding to go', () => !vscode.languages.getDiagnostics(uri).some(isSlip), () => findings(uri));
    await revert(editor.document);
    await untilFindings(uri, expected.get(harbour)!);
  });

  test('code lenses show what the brief covers', async () => {
    const editor = await open(harbour);
    const lenses = await until('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found.length > 0 ? found : undefined;
    });
    ok(lenses.some((lens) => lens.command?.title), `titled lenses: ${JSON.stringify(lenses.map((lens) => lens.command?.title))}`);
  });

  test('the Hiring Briefs view lists the briefs of the workspace, by profile', async () => {
    const state = await activeExtension();
    const briefs = [...expected.keys()].filter((name) => name.endsWith('.hire.yaml')).length;
    const groups = await until(`the view to list ${briefs} briefs`, () => {
      const now = state.briefs.getChildren();
      return now.flatMap((group) => state.briefs.getChildren(group)).length === briefs ? now : undefined;
    }, () => state.briefs.getChildren().map((group) => state.briefs.getTreeItem(group).label));
    const names = groups.map((group) => state.briefs.getTreeItem(group).label);
    ok(names.includes('line-producer'), `a group for the team profile among ${names.join(', ')}`);
  });

  test('the preview opens beside the editor, and renders the brief', async () => {
    const state = await activeExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await open(harbour);
    await vscode.commands.executeCommand('hire.openPreviewToSide');
    const previewTab = () => vscode.window.tabGroups.all.find((group) => group.viewColumn === vscode.ViewColumn.Two)?.tabs
      .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('hire.preview'));
    await until('a preview tab of the brief in the second column', () => previewTab()?.label.includes('lp-harbour-lights'), () => previewTab()?.label);
    const params: RenderParams = { uri: editor.document.uri.toString(), format: 'html', view: 'posting', standalone: true };
    // By method name: the suite's bundle has its own copy of vscode-jsonrpc, whose RequestType the client's copy does not recognise.
    const page = await state.client.sendRequest<RenderResult>(RenderRequest.method, params);
    ok(page && /<title>Line Producer/.test(page.content) && /Content-Security-Policy/.test(page.content), `a standalone page: ${page?.content.slice(0, 300)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Export Preview to HTML writes the page through the editor', async () => {
    await open(harbour);
    await vscode.commands.executeCommand('hire.openPreviewToSide');
    const target = file('lp-harbour-lights.exported.html');
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const showSaveDialog = window.showSaveDialog;
    // The save dialog answers with the target (a test cannot click it).
    window.showSaveDialog = async () => target;
    try {
      await vscode.commands.executeCommand('hire.exportHtml');
      const html = await until('the exported page', async () => {
        const bytes = await Promise.resolve(vscode.workspace.fs.readFile(target)).catch(() => undefined);
        return bytes && new TextDecoder().decode(bytes);
      });
      ok(/^<!DOCTYPE html>/.test(html) && /Harbour Lights/.test(html), `an HTML page of the brief: ${html.slice(0, 300)}`);
    } finally {
      window.showSaveDialog = showSaveDialog;
      await Promise.resolve(vscode.workspace.fs.delete(target)).catch(() => undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('hire.profiles.paths: a folder of profiles outside the workspace, found and read through the editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'hire-yaml', content: 'hire: 1\nrole: Outside Coordinator\nprofile: web-outside-team\n' });
    await vscode.window.showTextDocument(document);
    const messages = () => vscode.languages.getDiagnostics(document.uri).map((d) => `${d.code}: ${d.message}`);
    await until('an unknown-profile finding', () => findings(document.uri).some((f) => f.code === 'unknown-profile'), messages);
    const configuration = () => vscode.workspace.getConfiguration('hire');
    // Global: the user settings of the test profile, so that the fixture folder gets no .vscode/settings.json.
    try {
      await configuration().update('profiles.paths', ['../web-profiles'], vscode.ConfigurationTarget.Global);
      await until("the outside team's question asked for", () => messages().some((m) => m.startsWith('missing-question') && m.includes("'outside-question'")), messages);
      ok(!findings(document.uri).some((f) => f.code === 'unknown-profile'), 'the profile is known');
    } finally {
      await configuration().update('profiles.paths', undefined, vscode.ConfigurationTarget.Global);
    }
    await until('the profile unknown again', () => findings(document.uri).some((f) => f.code === 'unknown-profile'), messages);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Restart Server starts a new server, which follows edits', async () => {
    const state = await activeExtension();
    const editor = await open(harbour);
    await untilFindings(editor.document.uri, expected.get(harbour)!);
    const before = state.client.initializeResult;
    ok(before, 'the server answered initialize');
    await vscode.commands.executeCommand('hire.restartServer');
    // A new server answers initialize anew.
    await until('a new server to run', () => state.client.isRunning() && state.client.initializeResult !== before);
    await replaceText(editor.document, 'profile: line-producer', 'profile: line-produce');
    await until('an unknown-profile finding from the new server', () => findings(editor.document.uri).some((f) => f.code === 'unknown-profile'), () => findings(editor.document.uri));
    await revert(editor.document);
    await untilFindings(editor.document.uri, expected.get(harbour)!);
  });
});
