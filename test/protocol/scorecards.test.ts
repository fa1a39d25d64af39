import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CandidatesRequest } from '../../server/src/protocol';
import { ROOT } from '../support/documents';
import { codes, startServer, type TestServer } from '../support/lspClient';

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

const SCORECARD = `hire-score: 1
brief: ../night-market.hire.yaml
candidate: A. Rivera
interviewer: J. Smith
date: 2027-01-12
ratings:
  management-style: 4
  experience: 3
  conflict: 3
  superiors: 4
  detail-or-big-picture: 5
recommendation: yes
`;

describe('scorecards in the server', () => {
  let server: TestServer;
  let folder: string;
  let briefUri: string;
  let cardUri: string;
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hire-scorecards-'));
    mkdirSync(path.join(folder, 'scores'));
    const briefFile = path.join(folder, 'night-market.hire.yaml');
    writeFileSync(briefFile, complete);
    briefUri = pathToFileURL(briefFile).href;
    cardUri = pathToFileURL(path.join(folder, 'scores', 'rivera.hire-score.yaml')).href;
    server = await startServer({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks an open scorecard against its brief on disk', async () => {
    const published = server.nextDiagnostics(cardUri);
    void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: cardUri, languageId: 'hire-score-yaml', version: 1, text: SCORECARD } });
    assert.deepEqual((await published).diagnostics, []);
  });

  it('checks the scorecard again when its brief is opened and edited, and when it is closed', async () => {
    const renamed = server.nextDiagnostics(cardUri, (params) => params.diagnostics.length > 0);
    void server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: briefUri, languageId: 'hire-yaml', version: 1, text: complete.replace('id: conflict', 'id: conflicts') },
    });
    const found = (await renamed).diagnostics;
    assert.deepEqual(codes(found), ['unknown-question']);
    assert.deepEqual(found[0].range, { start: { line: 8, character: 2 }, end: { line: 8, character: 10 } });

    const fixed = server.nextDiagnostics(cardUri, (params) => params.diagnostics.length === 0);
    server.change(briefUri, complete, 2);
    assert.deepEqual((await fixed).diagnostics, []);

    const edited = server.nextDiagnostics(cardUri, (params) => params.diagnostics.length > 0);
    server.change(briefUri, complete.replace('id: superiors', 'id: bosses'), 3);
    assert.deepEqual(codes((await edited).diagnostics), ['unknown-question']);

    // Closed, the brief is read from disk again, where `superiors` is still a question.
    const closed = server.nextDiagnostics(cardUri, (params) => params.diagnostics.length === 0);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: briefUri } });
    assert.deepEqual((await closed).diagnostics, []);
  });

  it('completes scores and hovers over them', async () => {
    const completion: CompletionList = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: cardUri }, position: { line: 6, character: 20 } });
    assert.deepEqual(completion.items.map((item) => item.label), ['1', '2', '3', '4', '5']);
    const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: cardUri }, position: { line: 8, character: 12 } });
    assert.match((hover.contents as MarkupContent).value, /How do you handle conflict\?/);
    const definition: { uri: string }[] = await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: cardUri }, position: { line: 8, character: 4 } });
    assert.equal(definition[0].uri, briefUri);
  });

  it('reads from disk only a *.hire.yaml file as a scorecard\'s brief', async () => {
    // A brief's text under another name: a scorecard must not make the server read any file it names.
    writeFileSync(path.join(folder, 'notes.txt'), complete);
    const uri = pathToFileURL(path.join(folder, 'scores', 'other.hire-score.yaml')).href;
    const published = server.nextDiagnostics(uri);
    void server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'hire-score-yaml', version: 1, text: SCORECARD.replace('../night-market.hire.yaml', '../notes.txt') },
    });
    assert.deepEqual(codes((await published).diagnostics), ['unknown-brief']);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('writes a new scorecard for a brief (hire/newScorecard)', async () => {
    const result: { text: string } | null = await server.connection.sendRequest('hire/newScorecard', {
      brief: briefUri,
      scorecard: pathToFileURL(path.join(folder, 'scores', 'chen.hire-score.yaml')).href,
      candidate: 'B. Chen',
      interviewer: 'K. Lee',
    });
    assert.match(result!.text, /^brief: \.\.\/night-market\.hire\.yaml /m);
    assert.match(result!.text, /^candidate: B\. Chen /m);
    assert.match(result!.text, /^ {2}detail-or-big-picture: /m);
    const missing = await server.connection.sendRequest('hire/newScorecard', { brief: `${briefUri}.gone`, scorecard: cardUri, candidate: 'B', interviewer: 'K' });
    assert.equal(missing, null);
  });
});

describe('scorecards of the workspace that are not open', () => {
  let server: TestServer;
  let folder: string;
  let briefUri: string;
  let cardUri: string;
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hire-scorecards-workspace-'));
    mkdirSync(path.join(folder, 'scores'));
    writeFileSync(path.join(folder, 'night-market.hire.yaml'), complete);
    writeFileSync(path.join(folder, 'scores', 'rivera.hire-score.yaml'), SCORECARD.replace('  superiors: 4\n', ''));
    briefUri = pathToFileURL(path.join(folder, 'night-market.hire.yaml')).href;
    cardUri = pathToFileURL(path.join(folder, 'scores', 'rivera.hire-score.yaml')).href;
    server = await startServer({ workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(folder).href, name: 'hiring' }], removed: [] },
    });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes their findings, and publishes them again when their brief changes', async () => {
    const first = server.published.get(cardUri) ?? (await server.nextDiagnostics(cardUri));
    assert.deepEqual(codes(first.diagnostics), ['unrated-question']);

    const renamed = server.nextDiagnostics(cardUri, (params) => codes(params.diagnostics).includes('unknown-question'));
    void server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: briefUri, languageId: 'hire-yaml', version: 1, text: complete.replace('id: conflict', 'id: conflicts') },
    });
    assert.deepEqual(codes((await renamed).diagnostics), ['unrated-question', 'unknown-question']);

    const back = server.nextDiagnostics(cardUri, (params) => !codes(params.diagnostics).includes('unknown-question'));
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: briefUri } });
    assert.deepEqual(codes((await back).diagnostics), ['unrated-question']);

    // The brief's file changes on disk.
    writeFileSync(path.join(folder, 'night-market.hire.yaml'), complete.replace('id: experience', 'id: background'));
    const saved = server.nextDiagnostics(cardUri, (params) => codes(params.diagnostics).includes('unknown-question'));
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: briefUri, type: 2 }] });
    assert.deepEqual(codes((await saved).diagnostics), ['unrated-question', 'unknown-question']);
  });

  it('does not list scorecards among the briefs', async () => {
    const briefs: { uri: string }[] = await server.connection.sendRequest('hire/workspaceBriefs');
    assert.deepEqual(briefs.map((brief) => brief.uri), [briefUri]);
  });

  it('renders the Candidates view from the scorecards on disk and the open ones, open first (hire/candidates)', async () => {
    void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: briefUri, languageId: 'hire-yaml', version: 1, text: complete } });
    const fromDisk = await server.connection.sendRequest(CandidatesRequest.type, { uri: briefUri, format: 'html' });
    assert.equal(fromDisk!.scorecards, 1);
    assert.equal(fromDisk!.title, 'Candidates for night-market.hire.yaml');
    assert.match(fromDisk!.content, /^<section class="hire-candidates">/);
    assert.match(fromDisk!.content, /<th scope="row">A\. Rivera<\/th>/);
    assert.match(fromDisk!.content, /A\. Rivera: scores\/rivera\.hire-score\.yaml \(J\. Smith\): superiors/, 'the missing required rating, with the scorecard\'s path from the brief');
    assert.doesNotMatch(fromDisk!.content, /<!DOCTYPE/, 'the preview gets a fragment');

    // A second interviewer's scorecard, open and not saved: counted, and its edits show at once.
    const chenUri = pathToFileURL(path.join(folder, 'scores', 'rivera-chen.hire-score.yaml')).href;
    const chen = SCORECARD.replace('J. Smith', 'M. Chen').replace('conflict: 3', 'conflict: 5').replace('recommendation: yes', 'quote:\n  amount: 450\n  currency: USD\n  per: day\nrecommendation: strong-yes');
    void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: chenUri, languageId: 'hire-score-yaml', version: 1, text: chen } });
    const both = await server.connection.sendRequest(CandidatesRequest.type, { uri: briefUri, format: 'html' });
    assert.equal(both!.scorecards, 2);
    assert.match(both!.content, /A\. Rivera: conflict \(3 to 5\)/, 'the spread to settle at the debrief');
    assert.match(both!.content, /<td class="over">450 USD a day \(ceiling 400 USD a day\), over the ceiling<\/td>/);
    server.change(chenUri, chen.replace('conflict: 5', 'conflict: 4'), 2);
    const edited = await server.connection.sendRequest(CandidatesRequest.type, { uri: briefUri, format: 'html' });
    assert.match(edited!.content, /Every question&#39;s scores are within 1 of each other\./);

    // Exported: the page of `hire compare --format html`, and Markdown.
    const page = await server.connection.sendRequest(CandidatesRequest.type, { uri: briefUri, format: 'html', standalone: true });
    assert.match(page!.content, /^<!DOCTYPE html>/);
    assert.ok(page!.content.includes(edited!.content), 'the page holds the same fragment');
    const markdown = await server.connection.sendRequest(CandidatesRequest.type, { uri: briefUri, format: 'md' });
    assert.match(markdown!.content, /^# Candidates for night-market\.hire\.yaml/);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: chenUri } });
  });

  it('says how to write a scorecard when none names the brief, and answers null for a brief it does not have', async () => {
    const otherUri = pathToFileURL(path.join(folder, 'other.hire.yaml')).href;
    server.open(otherUri, complete);
    const none = await server.connection.sendRequest(CandidatesRequest.type, { uri: otherUri, format: 'html' });
    assert.equal(none!.scorecards, 0);
    assert.match(none!.content, /No scorecards name this brief yet\./);
    assert.match(none!.content, /Hiring Briefs: New Scorecard/);
    assert.equal(await server.connection.sendRequest(CandidatesRequest.type, { uri: `${otherUri}.gone`, format: 'html' }), null);
  });
});
