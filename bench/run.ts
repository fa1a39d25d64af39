/**
 * `npm run bench`: the language service, the server against
 * yaml-language-server, the CLI and the extension, measured in one run.
 * Prints Markdown tables and writes `bench-results/<time>.json` (and
 * `latest.json`). `--quick`: small sizes and few iterations, a few seconds.
 * `--only=service,protocol,cli,extension,workspace` runs some levels;
 * `--lines=32000` sets the protocol level's document sizes, `--briefs=20000`
 * the workspace level's.
 * Measures the bundles in dist/: build them first (`npm run bench` does,
 * with --production).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { ms, ratio, table } from './measure';
import { runProtocol, type ProtocolResult } from './protocol';
import { runService } from './service';
import { runCli, runExtension, runPerBrief, type CheckCost } from './system';
import { runProfileEditing, runWorkspace, type ProfileEditResult, type WorkspaceResult } from './workspace';

const ROOT = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const log = (line: string) => process.stderr.write(`${line}\n`);
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = new Set(option('only')?.split(',') ?? ['service', 'protocol', 'cli', 'extension', 'workspace']);

const plan = quick
  ? { service: [10, 100], serviceIterations: 3, protocol: [100, 300], protocolIterations: 2, cliFiles: 200, cliRuns: 1, copies: 200, copyRuns: 1, starts: 1, workspace: [200], profileBriefs: 100 }
  : { service: [10, 100, 1000, 5000], serviceIterations: 15, protocol: [100, 300, 32000], protocolIterations: 10, cliFiles: 10000, cliRuns: 3, copies: 1000, copyRuns: 7, starts: 5, workspace: [2000, 20000], profileBriefs: 2000 };

async function main(): Promise<void> {
  const machine = {
    node: process.version,
    cpu: cpuModel(),
    cores: cpus().length,
    commit: safe(() => execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim()),
    quick,
    /** The 1-minute load average when the run started: other work on the machine slows every figure. */
    loadAverage: loadavg()[0],
  };
  log(`Benchmark on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${quick ? ' (quick)' : ''}`);
  log('Service level…');
  const service = only.has('service') ? runService(plan.service, plan.serviceIterations) : [];
  log('Protocol level…');
  const lines = option('lines')?.split(',').map(Number) ?? plan.protocol;
  const protocol = only.has('protocol') ? await runProtocol(ROOT, lines, plan.protocolIterations, log) : [];
  log('CLI…');
  // The full run installs the schema-only validator it compares with (into .cache/); the quick one uses it only if there.
  const perBrief = only.has('cli') ? runPerBrief(ROOT, 'samples/complete.hire.yaml', plan.copies, plan.copyRuns, !quick) : undefined;
  const cli = only.has('cli') ? runCli(ROOT, plan.cliFiles, plan.cliRuns, !quick) : undefined;
  log('Extension…');
  const extension = only.has('extension') ? await runExtension(ROOT, plan.starts) : undefined;
  log('Workspace…');
  const workspace: WorkspaceResult[] = [];
  let profileEditing: ProfileEditResult | undefined;
  if (only.has('workspace')) {
    for (const briefs of option('briefs')?.split(',').map(Number) ?? plan.workspace) workspace.push(await runWorkspace(ROOT, briefs, log));
    profileEditing = await runProfileEditing(ROOT, plan.profileBriefs, log);
  }

  const finalLoad = loadavg()[0];
  const sections: string[] = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAverage.toFixed(1)} at the start, ${finalLoad.toFixed(1)} at the end${quick ? ' — quick run' : ''}`,
  ];

  const operations = [...new Set(service.flatMap((result) => Object.keys(result.operations)))];
  sections.push(
    '### Service level (median ms, and × the bare `yaml` parse of the same text)',
    table(
      ['questions', 'lines', 'findings', 'yaml parse', ...operations],
      service.map((result) => [
        String(result.questions),
        String(result.lines),
        result.findings ? 'yes' : 'no',
        ms(result.yamlMs),
        ...operations.map((name) => {
          const value = result.operations[name];
          return value === undefined ? 'n/a' : `${ms(value)} (${ratio(value / result.yamlMs)})`;
        }),
      ]),
    ),
  );

  const pairs = new Map<number, ProtocolResult[]>();
  for (const result of protocol) pairs.set(result.lines, [...(pairs.get(result.lines) ?? []), result]);
  const metrics: [string, keyof ProtocolResult][] = [
    ['initialize', 'initializeMs'],
    ['open → diagnostics', 'openMs'],
    ['edit → diagnostics', 'editMs'],
    ['completion', 'completionMs'],
    ['hover', 'hoverMs'],
    ['peak MB', 'peakMb'],
  ];
  const protocolRows: string[][] = [];
  for (const [lines, results] of pairs) {
    const ours = results.find((result) => result.server === 'hire');
    const theirs = results.find((result) => result.server !== 'hire');
    for (const [label, key] of metrics) {
      const a = ours?.[key] as number | undefined;
      const b = theirs?.[key] as number | undefined;
      const cell = (value: number | undefined) => (key === 'peakMb' ? (value === undefined ? 'n/a' : value.toFixed(0)) : ms(value));
      protocolRows.push([String(lines), label, cell(a), cell(b), a && b ? ratio(b / a) : 'n/a']);
    }
  }
  sections.push(
    '### Protocol level: hire vs yaml-language-server 2.0.0 (median ms; ratio = theirs ÷ ours)',
    table(['lines', 'measure', 'hire', 'yaml-language-server', 'ratio'], protocolRows),
  );

  const system: string[][] = [];
  for (const cost of [perBrief, cli]) if (cost) system.push(...checkCostRows(cost));
  if (extension) {
    system.push(
      ['server: spawn → initialize answered', `${ms(extension.initializeMs)} ms`],
      ['(bare `node -e 0` start, for reference)', `${ms(extension.nodeStartMs)} ms`],
      ...Object.entries(extension.bundles).map(([name, bytes]) => [`bundle dist/${name}`, `${(bytes / 1024).toFixed(0)} KiB`]),
    );
  }
  sections.push('### CLI and extension', table(['measure', 'value'], system));

  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  sections.push(
    '### Workspace: small briefs checked in the background (interactive = completion, hover, code action on an open brief)',
    table(
      ['briefs', 'all diagnostics', 'open → diagnostics', 'worst interactive', 'requests', 'peak MB'],
      workspace.map((result) => [String(result.briefs), seconds(result.allDiagnosticsMs), `${ms(result.openDiagnosticsMs)} ms`, `${ms(result.worstInteractiveMs)} ms`, String(result.interactiveRequests), result.peakMb.toFixed(0)]),
    ),
    '### Workspace: typing in a team profile its briefs use (interactive = completion in the profile, hover in a brief)',
    table(
      ['briefs', 'keystrokes', 'last keystroke → all briefs checked', 'worst interactive', 'requests', 'peak MB'],
      profileEditing
        ? [[String(profileEditing.briefs), String(profileEditing.keystrokes), seconds(profileEditing.finalMs), `${ms(profileEditing.worstInteractiveMs)} ms`, String(profileEditing.interactiveRequests), profileEditing.peakMb.toFixed(0)]]
        : [],
    ),
  );

  const report = sections.join('\n\n');
  process.stdout.write(`${report}\n`);
  const folder = path.join(ROOT, 'bench-results');
  mkdirSync(folder, { recursive: true });
  const json = JSON.stringify({ date: new Date().toISOString(), machine, service, protocol, perBrief, cli, extension, workspace, profileEditing }, null, 2);
  writeFileSync(path.join(folder, `${quick ? 'quick-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(path.join(folder, quick ? 'quick-latest.json' : 'latest.json'), json);
  writeFileSync(path.join(folder, quick ? 'quick-latest.md' : 'latest.md'), `${report}\n`);
}

/** The rows of one check's cost: the check, its floor on as many threads and on one, and the schema-only reference. */
function checkCostRows(cost: CheckCost): string[][] {
  const threads = (count: number) => `${count} thread${count === 1 ? '' : 's'}`;
  const cpu = cost.checkCpuMsPerFile === undefined ? '' : `, ${ms(cost.checkCpuMsPerFile)} ms of CPU a brief`;
  const runs = `median of ${cost.runs}`;
  return [
    [`hire check, ${cost.corpus}, ${threads(cost.threads)}`, `${ms(cost.checkMs)} ms (${runs}), ${cost.filesPerSecond.toFixed(0)} briefs/s${cpu}`],
    [`floor: read + \`YAML.parseDocument\` of the same files, ${threads(cost.threads)}`, `${ms(cost.floorMs)} ms: the check runs at ${(cost.ofFloor * 100).toFixed(0)}% of the floor`],
    ['floor on 1 thread', `${ms(cost.floorOneThreadMs)} ms`],
    [`schema only: ${cost.schemaOnly.tool} \`validate\` (C++), same files`, cost.schemaOnly.ms === undefined ? `n/a: ${cost.schemaOnly.note}` : `${ms(cost.schemaOnly.ms)} ms`],
  ];
}

function cpuModel(): string {
  return safe(() => /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]) ?? cpus()[0]?.model ?? 'unknown CPU';
}

function safe<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
