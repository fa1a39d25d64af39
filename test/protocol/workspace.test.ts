/**
 * The workspace over the protocol: team profiles found in the workspace
 * folders, their findings, briefs re-validated when a profile changes,
 * findings of briefs that are not open (pushed, or pulled with
 * `workspace/diagnostic`), go to definition, references, rename, and the
 * `hire/workspaceBriefs` and `hire/builtinProfile` requests. Each suite works
 * on its own copy of test/fixtures/workspace.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type {
  ClientCapabilities,
  Diagnostic,
  Location,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceDiagnosticReport,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { BuiltinProfileRequest, WorkspaceBriefsRequest, type WorkspaceBriefsResult } from '../../server/src/protocol';
import { builtinProfileUri } from '../../server/src/service/profiles';
import { ROOT } from '../support/documents';
import { codes, startServer, type TestServer } from '../support/lspClient';

const FIXTURES = path.join(ROOT, 'test/fixtures/workspace');

/** A fresh copy of the fixture workspace. */
function copyWorkspace(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-workspace-'));
  cpSync(FIXTURES, folder, { recursive: true });
  return folder;
}

/** Capabilities of a client that tells the server its folders and watches files for it. */
const WORKSPACE_CLIENT: ClientCapabilities = {
  workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
};

/** Tells the server about a workspace folder. */
function addFolder(server: TestServer, folder: string): void {
  void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }], removed: [] },
  });
}

/** The latest published diagnostics of a URI once they satisfy a test (now, or when they are next published). */
async function diagnosticsOf(server: TestServer, uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
  const now = server.published.get(uri);
  return (now && test(now) ? now : await server.nextDiagnostics(uri, test)).diagnostics;
}

/** `code@line:character-character text` of each diagnostic, with the text it covers. */
function pinned(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const lines = text.split('\n');
  return diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
}

/** A position inside `text` on the first line that starts with `line`. */
function positionOf(fileText: string, line: string, text: string): { line: number; character: number } {
  const lines = fileText.split('\n');
  const index = lines.findIndex((candidate) => candidate.startsWith(line));
  assert.ok(index >= 0 && lines[index].includes(text), `no line starts with ${line}`);
  return { line: index, character: lines[index].indexOf(text) + 1 };
}

function openProfile(server: TestServer, uri: string, text: string, version = 1): void {
  void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hire-profile-yaml', version, text } });
}

/** Locations as `file:line:character-character`, file relative to the workspace, sorted. */
function where(folder: string, locations: readonly Location[]): string[] {
  return locations
    .map((location) => {
      const file = location.uri.startsWith('file:') ? path.relative(folder, new URL(location.uri).pathname) : location.uri;
      return `${file}:${location.range.start.line}:${location.range.start.character}-${location.range.end.character}`;
    })
    .sort();
}

describe('workspace profiles and briefs over stdio (pushed diagnostics)', () => {
  let server: TestServer;
  let folder: string;
  const uriOf = (relative: string) => pathToFileURL(path.join(folder, relative)).href;
  const textOf = (relative: string) => readFileSync(path.join(folder, relative), 'utf8');

  before(async () => {
    folder = copyWorkspace();
    server = await startServer(WORKSPACE_CLIENT);
    addFolder(server, folder);
    // The scan is done when a closed brief's findings arrive.
    await diagnosticsOf(server, uriOf('briefs/lp-harbour-lights.hire.yaml'));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('registers file watchers for profiles, briefs and scorecards', () => {
    const registration = server.received.find((message) => message.method === 'client/registerCapability');
    const watchers = (registration?.params as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] }).registrations[0];
    assert.equal(watchers.method, 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watchers.registerOptions.watchers.map((watcher) => watcher.globPattern), ['**/*.hire-profile.yaml', '**/*.hire.yaml', '**/*.hire-score.yaml']);
  });

  it('publishes the findings of briefs that are not open, checked against the workspace profiles', async () => {
    const harbour = 'briefs/lp-harbour-lights.hire.yaml';
    assert.deepEqual(pinned(textOf(harbour), await diagnosticsOf(server, uriOf(harbour))), [
      'missing-section@3:9-22 line-producer',
      'missing-question@11:0-9 questions',
      'missing-question@11:0-9 questions',
    ]);
    assert.deepEqual(await diagnosticsOf(server, uriOf('briefs/lp-night-market.hire.yaml')), []);
    assert.deepEqual(await diagnosticsOf(server, uriOf('briefs/apoc-night-market.hire.yaml')), []);
    assert.deepEqual(codes(await diagnosticsOf(server, uriOf('briefs/misspelled-profile.hire.yaml'))), ['unknown-profile']);
    assert.deepEqual(await diagnosticsOf(server, uriOf('profiles/line-producer.hire-profile.yaml')), []);
    const wording = 'briefs/poc-wording.hire.yaml';
    const coded = (await diagnosticsOf(server, uriOf(wording))).filter((d) => d.code === 'coded-wording');
    assert.deepEqual(pinned(textOf(wording), coded), [
      'coded-wording@5:4-15 competitive',
      'coded-wording@5:17-26 ambitious',
      'coded-wording@5:42-46 lead',
      'coded-wording@5:67-74 support',
      'coded-wording@9:9-17 decisive',
      'coded-wording@10:11-15 warm',
    ]);
  });

  it('re-validates an open brief at once when its profile is opened with other text, and changed', async () => {
    const brief = uriOf('briefs/apoc-festival.hire.yaml');
    const profile = uriOf('profiles/assistant-production-coordinator.hire-profile.yaml');
    server.open(brief, textOf('briefs/apoc-festival.hire.yaml'), 1);
    const before = await server.nextDiagnostics(brief, (params) => params.version === 1);
    assert.ok(before.diagnostics.some((d) => (d.data as { id?: string } | undefined)?.id === 'filing-system'));

    const withoutFiling = textOf('profiles/assistant-production-coordinator.hire-profile.yaml').replace(/  - id: filing-system\n(    .*\n)+/, '');
    const reopened = server.nextDiagnostics(brief, (params) => !params.diagnostics.some((d) => (d.data as { id?: string } | undefined)?.id === 'filing-system'));
    openProfile(server, profile, withoutFiling, 1);
    assert.equal((await reopened).version, 1);

    const changed = server.nextDiagnostics(brief, (params) => params.diagnostics.some((d) => (d.data as { id?: string } | undefined)?.id === 'call-times'));
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: profile, version: 2 },
      contentChanges: [{ text: `${withoutFiling}  - id: call-times\n    ask: How do you send out call times?\n    priority: required\n` }],
    });
    const found = (await changed).diagnostics.find((d) => (d.data as { id?: string } | undefined)?.id === 'call-times')!;
    assert.equal(found.code, 'missing-question');
    assert.equal(found.severity, 2);

    // Closed, the profile is read from its file again.
    const restored = server.nextDiagnostics(brief, (params) => params.diagnostics.some((d) => (d.data as { id?: string } | undefined)?.id === 'filing-system'));
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: profile } });
    assert.ok(!(await restored).diagnostics.some((d) => (d.data as { id?: string } | undefined)?.id === 'call-times'));
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: brief } });
  });

  it('reports an unknown parent and a cycle on the extends value', async () => {
    const stray = uriOf('profiles/stray.hire-profile.yaml');
    const text = 'hire-profile: 1\nid: stray\ntitle: Stray\nextends: line-produce\n';
    openProfile(server, stray, text);
    const unknown = await diagnosticsOf(server, stray, (params) => params.diagnostics.length > 0);
    assert.deepEqual(pinned(text, unknown), ['profile-extends@3:9-21 line-produce']);
    assert.match(String(unknown[0].message), /Did you mean 'line-producer'\?/);

    const a = uriOf('profiles/a.hire-profile.yaml');
    const b = uriOf('profiles/b.hire-profile.yaml');
    const textA = 'hire-profile: 1\nid: loop-a\ntitle: A\nextends: loop-b\n';
    const textB = 'hire-profile: 1\nid: loop-b\ntitle: B\nextends: loop-a\n';
    openProfile(server, a, textA);
    openProfile(server, b, textB);
    // Until B is open, A's parent is unknown: wait for the cycle.
    const isCycle = (params: PublishDiagnosticsParams) => params.diagnostics.some((d) => (d.data as { problem?: string } | undefined)?.problem === 'cycle');
    const cycleA = await diagnosticsOf(server, a, isCycle);
    const cycleB = await diagnosticsOf(server, b, isCycle);
    assert.deepEqual(pinned(textA, cycleA), ['profile-extends@3:9-15 loop-b']);
    assert.deepEqual(pinned(textB, cycleB), ['profile-extends@3:9-15 loop-a']);
    assert.deepEqual((cycleA[0].data as { chain: string[] }).chain, ['loop-a', 'loop-b', 'loop-a']);
    for (const uri of [stray, a, b]) void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('reports two profiles with one id on both id values, from a file created on disk', async () => {
    const copy = 'profiles/copy.hire-profile.yaml';
    const text = 'hire-profile: 1\nid: line-producer\ntitle: Line Producer (copy)\n';
    writeFileSync(path.join(folder, copy), text);
    const original = uriOf('profiles/line-producer.hire-profile.yaml');
    const duplicate = server.nextDiagnostics(original, (params) => params.diagnostics.length > 0);
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(copy), type: 1 }] });
    const onOriginal = (await duplicate).diagnostics;
    assert.deepEqual(pinned(textOf('profiles/line-producer.hire-profile.yaml'), onOriginal), ['duplicate-profile@2:4-17 line-producer']);
    assert.deepEqual((onOriginal[0].data as { others: string[] }).others, [uriOf(copy)]);
    assert.deepEqual(pinned(text, await diagnosticsOf(server, uriOf(copy), (params) => params.diagnostics.length > 0)), ['duplicate-profile@1:4-17 line-producer']);

    rmSync(path.join(folder, copy));
    const cleared = server.nextDiagnostics(original, (params) => params.diagnostics.length === 0);
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(copy), type: 3 }] });
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('goes from a brief\'s profile value to the workspace profile, and to the built-in one', async () => {
    const night = 'briefs/lp-night-market.hire.yaml';
    const toTeam: Location[] = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf(night) },
      position: positionOf(textOf(night), 'profile: ', 'line-producer'),
    });
    assert.deepEqual(where(folder, toTeam), ['profiles/line-producer.hire-profile.yaml:2:4-17']);

    const poc = 'briefs/poc-gaps.hire.yaml';
    const toBuiltin: Location[] = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf(poc) },
      position: positionOf(textOf(poc), 'profile: ', 'production-coordinator'),
    });
    assert.equal(toBuiltin.length, 1);
    assert.equal(toBuiltin[0].uri, builtinProfileUri('production-coordinator'));
    const builtinText: string | null = await server.connection.sendRequest(BuiltinProfileRequest.type, { uri: toBuiltin[0].uri });
    assert.equal(builtinText!.split('\n')[toBuiltin[0].range.start.line].slice(toBuiltin[0].range.start.character, toBuiltin[0].range.end.character), 'production-coordinator');
    assert.equal(await server.connection.sendRequest(BuiltinProfileRequest.type, { uri: 'hire-builtin:/nothing.hire-profile.yaml' }), null);
  });

  it('goes from question and skill ids to their nearest definition up the extends chain', async () => {
    const apoc = 'briefs/apoc-night-market.hire.yaml';
    const definition = (relative: string, position: { line: number; character: number }): Promise<Location[]> =>
      server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(relative) }, position });
    // `conflict` is redefined by the child profile; `experience` only by the built-in parent.
    assert.deepEqual(where(folder, await definition(apoc, positionOf(textOf(apoc), '  - id: conflict', 'conflict'))), [
      'profiles/assistant-production-coordinator.hire-profile.yaml:17:8-16',
    ]);
    const experience = await definition(apoc, positionOf(textOf(apoc), '  - id: experience', 'experience'));
    assert.deepEqual(experience.map((location) => location.uri), [builtinProfileUri('production-coordinator')]);
    assert.deepEqual(where(folder, await definition(apoc, positionOf(textOf(apoc), '  - filing', 'filing'))), [
      'profiles/assistant-production-coordinator.hire-profile.yaml:11:8-14',
    ]);
    const lp = 'briefs/lp-commercial.hire.yaml';
    assert.deepEqual(where(folder, await definition(lp, positionOf(textOf(lp), '  vendors:', 'vendors'))), ['profiles/line-producer.hire-profile.yaml:44:8-15']);
  });

  it('finds every reference of a skill across the profile and the briefs that use it', async () => {
    const profile = 'profiles/line-producer.hire-profile.yaml';
    const references = (includeDeclaration: boolean): Promise<Location[]> =>
      server.connection.sendRequest('textDocument/references', {
        textDocument: { uri: uriOf(profile) },
        position: positionOf(textOf(profile), '  - id: budgeting', 'budgeting'),
        context: { includeDeclaration },
      });
    const withoutDeclaration = [
      'briefs/lp-commercial.hire.yaml:9:4-13',
      'briefs/lp-harbour-lights.hire.yaml:8:4-13',
      'briefs/lp-night-market.hire.yaml:17:4-13',
      'profiles/line-producer.hire-profile.yaml:28:15-24',
    ];
    assert.deepEqual(where(folder, await references(false)), withoutDeclaration);
    assert.deepEqual(where(folder, await references(true)), [...withoutDeclaration, 'profiles/line-producer.hire-profile.yaml:10:8-17'].sort());
  });

  it('finds the briefs that name a profile, and the profiles that extend it', async () => {
    const brief = 'briefs/apoc-short.hire.yaml';
    const references: Location[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf(brief) },
      position: positionOf(textOf(brief), 'profile: ', 'assistant'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(where(folder, references), [
      'briefs/apoc-festival.hire.yaml:3:9-41',
      'briefs/apoc-night-market.hire.yaml:4:9-41',
      'briefs/apoc-short.hire.yaml:3:9-41',
      'profiles/assistant-production-coordinator.hire-profile.yaml:2:4-36',
    ]);
  });

  it('renames a question in the profile and in every brief that asks or waives it, in one edit', async () => {
    const profile = 'profiles/line-producer.hire-profile.yaml';
    const position = positionOf(textOf(profile), '  - id: vendors', 'vendors');
    const prepared: { range: unknown; placeholder: string } = await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uriOf(profile) }, position });
    assert.equal(prepared.placeholder, 'vendors');
    const edit: WorkspaceEdit = await server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriOf(profile) }, position, newName: 'suppliers' });
    const changes = Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map((e: TextEdit) => ({ uri, range: e.range, newText: e.newText })));
    assert.ok(changes.every((change) => change.newText === 'suppliers'));
    assert.deepEqual(where(folder, changes), [
      'briefs/lp-commercial.hire.yaml:21:2-9',
      'briefs/lp-night-market.hire.yaml:31:8-15',
      'profiles/line-producer.hire-profile.yaml:44:8-15',
    ]);
  });

  it('renames a skill in assesses too, and refuses ids of the built-in profile and invalid names', async () => {
    const brief = 'briefs/lp-night-market.hire.yaml';
    const edit: WorkspaceEdit = await server.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: uriOf(brief) },
      position: positionOf(textOf(brief), '  - scheduling', 'scheduling'),
      newName: 'schedules',
    });
    assert.deepEqual(where(folder, Object.entries(edit.changes ?? {}).flatMap(([uri, edits]) => edits.map((e) => ({ uri, range: e.range })))), [
      'briefs/lp-commercial.hire.yaml:10:4-14',
      'briefs/lp-harbour-lights.hire.yaml:9:8-18',
      'briefs/lp-night-market.hire.yaml:18:4-14',
      'profiles/line-producer.hire-profile.yaml:15:8-18',
      'profiles/line-producer.hire-profile.yaml:38:15-25',
    ]);

    const poc = 'briefs/poc-gaps.hire.yaml';
    await assert.rejects(
      server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uriOf(poc) }, position: positionOf(textOf(poc), '  - id: conflict', 'conflict') }),
      /built-in profile/,
    );
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriOf(brief) }, position: positionOf(textOf(brief), '  - scheduling', 'scheduling'), newName: 'Bad Name' }),
      /kebab-case/,
    );
  });

  it('answers hire/workspaceBriefs with every brief and what it lacks', async () => {
    const briefs: WorkspaceBriefsResult = await server.connection.sendRequest(WorkspaceBriefsRequest.type);
    assert.equal(briefs.length, 12);
    assert.deepEqual(briefs.map((brief) => path.basename(new URL(brief.uri).pathname)), [
      'apoc-festival.hire.yaml',
      'apoc-night-market.hire.yaml',
      'apoc-short.hire.yaml',
      'lp-commercial.hire.yaml',
      'lp-harbour-lights.hire.yaml',
      'lp-night-market.hire.yaml',
      'misspelled-profile.hire.yaml',
      'poc-gaps.hire.yaml',
      'poc-night-market.hire.yaml',
      'poc-wording.hire.yaml',
      'role-only.hire.yaml',
      'typo.hire.yaml',
    ]);
    const harbour = briefs.find((brief) => brief.uri.endsWith('/lp-harbour-lights.hire.yaml'));
    assert.deepEqual(harbour, {
      uri: uriOf('briefs/lp-harbour-lights.hire.yaml'),
      role: 'Line Producer',
      profile: 'line-producer',
      missing: { sections: 1, skills: 0, questions: 2 },
      errors: 0,
      warnings: 2,
    });
    assert.deepEqual(briefs.find((brief) => brief.uri.endsWith('/typo.hire.yaml'))?.errors, 1);
  });
});

describe('workspace diagnostics pulled with workspace/diagnostic', () => {
  let server: TestServer;
  let folder: string;
  before(async () => {
    folder = copyWorkspace();
    server = await startServer({ ...WORKSPACE_CLIENT, textDocument: { diagnostic: { dynamicRegistration: false } } });
    addFolder(server, folder);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports every closed file, then only what changed', async () => {
    assert.deepEqual(server.initialized.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
    let report: WorkspaceDiagnosticReport = { items: [] };
    // The folder is scanned after the notification; pull until its files are there.
    while (report.items.length < 14) report = await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const harbour = report.items.find((item) => item.uri.endsWith('/lp-harbour-lights.hire.yaml'));
    assert.equal(harbour?.kind, 'full');
    assert.deepEqual(codes(harbour.kind === 'full' ? harbour.items : []), ['missing-section', 'missing-question', 'missing-question']);

    const again: WorkspaceDiagnosticReport = await server.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: report.items.map((item) => ({ uri: item.uri, value: item.resultId })),
    });
    assert.deepEqual(new Set(again.items.map((item) => item.kind)), new Set(['unchanged']));
  });
});

describe('reading a large workspace', () => {
  it('shows progress while it reads and checks the files', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hire-large-'));
    const brief = readFileSync(path.join(FIXTURES, 'briefs/lp-harbour-lights.hire.yaml'), 'utf8');
    for (let index = 0; index < 120; index++) writeFileSync(path.join(folder, `brief-${index}.hire.yaml`), brief);
    const server = await startServer({ ...WORKSPACE_CLIENT, window: { workDoneProgress: true } });
    const kinds: string[] = [];
    // The test client answers `window/workDoneProgress/create`; the progress itself arrives as unhandled `$/progress`.
    server.connection.onUnhandledProgress((params) => kinds.push((params.value as { kind: string }).kind));
    try {
      const ended = new Promise<void>((resolve) => server.connection.onUnhandledProgress((params) => (params.value as { kind: string }).kind === 'end' && resolve()));
      addFolder(server, folder);
      await ended;
      const created = server.received.filter((message) => message.method === 'window/workDoneProgress/create');
      assert.equal(created.length, 1);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds.at(-1), 'end');
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
