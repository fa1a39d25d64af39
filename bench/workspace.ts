/**
 * The server on a large workspace: how long until every brief has its
 * diagnostics, how long interactive requests on an open brief wait while the
 * workspace is checked, and the server's peak memory; and, with briefs that
 * use a team profile, typing in the profile: the interactive requests' wait
 * while its briefs are checked again, and the time from the last keystroke
 * until every brief shows the final profile's findings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { generateBrief } from '../test/support/generate';
import { BenchServer } from './lsp';
import { serverSpecs } from './protocol';

/** What a workspace run measured. */
export interface WorkspaceResult {
  readonly briefs: number;
  /** From spawning the server until every brief's diagnostics were published. */
  readonly allDiagnosticsMs: number;
  /** From opening a brief (right after `initialize`) until its diagnostics. */
  readonly openDiagnosticsMs: number;
  /** The longest a completion, hover or code action on the open brief waited while the workspace was checked. */
  readonly worstInteractiveMs: number;
  /** How many such requests were timed. */
  readonly interactiveRequests: number;
  readonly peakMb: number;
}

/** What a profile-typing run measured. */
export interface ProfileEditResult {
  readonly briefs: number;
  readonly keystrokes: number;
  /** The longest a completion in the profile or a hover in an open brief waited while typing and until every brief was checked again. */
  readonly worstInteractiveMs: number;
  readonly interactiveRequests: number;
  /** From the last keystroke until every brief shows the final profile's findings. */
  readonly finalMs: number;
  readonly peakMb: number;
}

/** A small brief (one to three questions; one in ten with findings planted). */
function smallBrief(index: number, profile?: string): string {
  const text = generateBrief({ questions: 1 + (index % 3), findings: index % 10 === 9, seed: index });
  return profile ? text.replace('profile: production-coordinator', `profile: ${profile}`) : text;
}

/** Writes `count` briefs into a new folder (a thousand a subfolder); returns the folder. */
function writeWorkspace(count: number, profile?: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-bench-workspace-'));
  for (let index = 0; index < count; index++) {
    const sub = path.join(folder, `part-${Math.floor(index / 1000)}`);
    if (index % 1000 === 0) mkdirSync(sub);
    writeFileSync(path.join(sub, `brief-${index}.hire.yaml`), smallBrief(index, profile));
  }
  return folder;
}

/** Sends interactive requests one after another until `stop` resolves; returns each one's milliseconds. */
async function keepAsking(requests: readonly (() => Promise<{ ms: number }>)[], stop: Promise<unknown>): Promise<number[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const times: number[] = [];
  for (let turn = 0; !stopped; turn++) {
    times.push((await requests[turn % requests.length]()).ms);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times;
}

/** The position of the first line starting with `prefix`, at its end. */
function endOf(text: string, prefix: string): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.startsWith(prefix));
  return { line, character: lines[line].length };
}

/** Opens a server on a workspace of `count` small briefs and times it until every brief has diagnostics. */
export async function runWorkspace(root: string, count: number, log: (line: string) => void): Promise<WorkspaceResult> {
  const folder = writeWorkspace(count);
  try {
    const spec = serverSpecs(root)[0];
    const start = performance.now();
    const server = await BenchServer.start(spec, pathToFileURL(folder).href);
    const seen = new Set<string>();
    let allSeen: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (allSeen = resolve));
    let allDiagnosticsMs = Number.NaN;
    const openUri = pathToFileURL(path.join(folder, 'open.hire.yaml')).href;
    server.onDiagnostics = (params) => {
      if (params.uri === openUri) return;
      seen.add(params.uri);
      if (seen.size === count && Number.isNaN(allDiagnosticsMs)) {
        allDiagnosticsMs = performance.now() - start;
        allSeen();
      }
    };
    const text = smallBrief(1);
    const opened = await server.open(openUri, text);
    const rate = endOf(text, '  amount:');
    const top = { line: 0, character: 0 };
    const finding: Diagnostic = opened.diagnostics.diagnostics[0] ?? { range: { start: top, end: top }, message: '' };
    const requests = [
      () => server.time('textDocument/completion', openUri, { line: rate.line + 1, character: 2 }),
      () => server.time('textDocument/hover', openUri, { line: rate.line, character: 4 }),
      // As an editor asks at the cursor: the range of a finding, with that finding.
      () => server.timeRequest('textDocument/codeAction', { textDocument: { uri: openUri }, range: finding.range, context: { diagnostics: [finding] } }),
    ];
    const times = await keepAsking(requests, all);
    const result: WorkspaceResult = {
      briefs: count,
      allDiagnosticsMs,
      openDiagnosticsMs: opened.ms,
      worstInteractiveMs: Math.max(...times),
      interactiveRequests: times.length,
      peakMb: server.peakMemoryMb(),
    };
    log(`  ${count} briefs: all diagnostics after ${(allDiagnosticsMs / 1000).toFixed(1)} s, worst interactive ${result.worstInteractiveMs.toFixed(0)} ms, peak ${result.peakMb.toFixed(0)} MB`);
    await server.stop();
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The team profile the briefs of a profile-typing run use, with a required question whose id is being typed. */
function teamProfile(questionId: string): string {
  return [
    'hire-profile: 1',
    'id: team-coordinator',
    'title: Team Coordinator',
    'extends: production-coordinator',
    'questions:',
    `  - id: ${questionId}`,
    '    ask: What would you change in our production office first?',
    '    priority: required',
    '',
  ].join('\n');
}

/** Types a question id into a team profile that `count` briefs use, one keystroke every `intervalMs`, and times the briefs' re-check. */
export async function runProfileEditing(root: string, count: number, log: (line: string) => void, intervalMs = 100): Promise<ProfileEditResult> {
  const folder = writeWorkspace(count, 'team-coordinator');
  const finalId = 'first-change';
  const profileFile = path.join(folder, 'team.hire-profile.yaml');
  writeFileSync(profileFile, teamProfile('q'));
  try {
    const spec = serverSpecs(root)[0];
    const server = await BenchServer.start(spec, pathToFileURL(folder).href);
    const profileUri = pathToFileURL(profileFile).href;
    const briefUri = pathToFileURL(path.join(folder, 'part-0', 'brief-0.hire.yaml')).href;
    // Every brief checked against the profile as it is on disk first.
    const asks = (diagnostics: readonly Diagnostic[], id: string) => diagnostics.some((d) => d.code === 'missing-question' && (d.data as { id?: string } | undefined)?.id === id);
    const latest = new Map<string, readonly Diagnostic[]>();
    let waiting: { id: string; resolve: () => void } | undefined;
    let finalAt = Number.NaN;
    const finalCount = () => [...latest.values()].filter((diagnostics) => asks(diagnostics, waiting!.id)).length;
    server.onDiagnostics = (params) => {
      if (params.uri === profileUri) return;
      latest.set(params.uri, params.diagnostics);
      if (waiting && asks(params.diagnostics, waiting.id) && finalCount() === count) {
        finalAt = performance.now();
        waiting.resolve();
        waiting = undefined;
      }
    };
    const until = (id: string) => new Promise<void>((resolve) => (waiting = { id, resolve }));
    await until('q');
    const briefText = smallBrief(0, 'team-coordinator');
    await server.open(briefUri, briefText);
    await server.open(profileUri, teamProfile(''), 'hire-profile-yaml');
    const idLine = 5;
    const rate = endOf(briefText, '  amount:');
    const requests = [
      () => server.time('textDocument/completion', profileUri, { line: idLine + 1, character: 4 }),
      () => server.time('textDocument/hover', briefUri, { line: rate.line, character: 4 }),
    ];
    const final = until(finalId);
    let lastKeystroke = Number.NaN;
    const typing = (async () => {
      for (let length = 1; length <= finalId.length; length++) {
        await server.notify('textDocument/didChange', {
          textDocument: { uri: profileUri, version: length + 1 },
          contentChanges: [{ text: teamProfile(finalId.slice(0, length)) }],
        });
        lastKeystroke = performance.now();
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
    const times = await keepAsking(requests, Promise.all([typing, final]));
    const result: ProfileEditResult = {
      briefs: count,
      keystrokes: finalId.length,
      worstInteractiveMs: Math.max(...times),
      interactiveRequests: times.length,
      finalMs: finalAt - lastKeystroke,
      peakMb: server.peakMemoryMb(),
    };
    log(`  ${count} briefs, ${result.keystrokes} keystrokes in their profile: final after ${(result.finalMs / 1000).toFixed(1)} s, worst interactive ${result.worstInteractiveMs.toFixed(0)} ms`);
    await server.stop();
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
