/**
 * The shipped artefacts: `hire check` over many briefs against its floor
 * (reading and parsing the same files with `yaml` and nothing else, on as
 * many threads) and a schema-only validator, the bundles' sizes and the
 * server's time to answer `initialize`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { platform, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PARALLEL_MIN_FILES } from '../server/src/cli/check';
import { checkThreads } from '../server/src/cli/workers';
import { generateBrief } from '../test/support/generate';
import { BenchServer } from './lsp';
import { median } from './measure';
import { serverSpecs } from './protocol';

/** `hire check --format json` over a folder of briefs, beside its floor and a schema-only validator (medians of alternating runs). */
export interface CheckCost {
  /** What the folder holds. */
  corpus: string;
  files: number;
  /** The threads `hire check` uses here for this many files (this one and its workers); the floor uses as many. */
  threads: number;
  runs: number;
  checkMs: number;
  filesPerSecond: number;
  /** CPU time of the whole process (every thread), per file; undefined where /proc is not there to read it. */
  checkCpuMsPerFile?: number;
  /** The floor: reading each file and `YAML.parseDocument` on it, nothing else, on `threads` threads (bench/parse-floor.cjs). */
  floorMs: number;
  /** The check's speed as a share of the floor's (`floorMs / checkMs`). */
  ofFloor: number;
  /** The floor on one thread. */
  floorOneThreadMs: number;
  /** A schema-only validator of the same files against schemas/hire.schema.json, for reference. */
  schemaOnly: { readonly tool: string; readonly ms?: number; readonly note?: string };
}

/** The schema-only validator measured beside the check: a C++ command line, installed into .cache/ at the first full run (not a dependency of the project). */
const SCHEMA_TOOL = '@sourcemeta/jsonschema@16.11.0';

/** Times `hire check` over generated typical briefs (one in ten with findings). */
export function runCli(root: string, files: number, runs: number, install: boolean): CheckCost {
  return withFolder((folder) => {
    for (let index = 0; index < files; index++) {
      const sub = path.join(folder, String(Math.floor(index / 1000)));
      if (index % 1000 === 0) mkdirSync(sub);
      const text = generateBrief({ questions: 8 + (index % 8), findings: index % 10 === 9, seed: index });
      writeFileSync(path.join(sub, `brief-${index}.hire.yaml`), text);
    }
    return measureCheck(root, folder, `${files} generated typical briefs`, files, runs, install);
  });
}

/** Times `hire check` over copies of one brief: the cost per brief of a sample. */
export function runPerBrief(root: string, sample: string, copies: number, runs: number, install: boolean): CheckCost {
  return withFolder((folder) => {
    for (let index = 0; index < copies; index++) copyFileSync(path.join(root, sample), path.join(folder, `copy-${index}.hire.yaml`));
    const lines = readFileSync(path.join(root, sample), 'utf8').split('\n').length - 1;
    return measureCheck(root, folder, `${copies} × ${sample} (${lines} lines)`, copies, runs, install);
  });
}

function withFolder<T>(run: (folder: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-bench-'));
  try {
    return run(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the check, the floor on as many threads, the floor on one thread and the schema-only validator in turn, `runs` times. */
function measureCheck(root: string, folder: string, corpus: string, files: number, runs: number, install: boolean): CheckCost {
  const threads = files >= PARALLEL_MIN_FILES ? checkThreads() : 1;
  const floor = path.join(root, 'bench/parse-floor.cjs');
  const validator = schemaValidator(root, install);
  const times = { check: [] as number[], cpu: [] as number[], floor: [] as number[], floorOne: [] as number[], schema: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const check = timeProcess(process.execPath, [path.join(root, 'dist/cli.js'), 'check', '--format', 'json', folder]);
    times.check.push(check.ms);
    if (check.cpuMs !== undefined) times.cpu.push(check.cpuMs);
    times.floor.push(timeProcess(process.execPath, [floor, folder, String(threads)]).ms);
    times.floorOne.push(threads === 1 ? times.floor[run] : timeProcess(process.execPath, [floor, folder, '1']).ms);
    // Every file, also after one that fails (exit 2).
    const schemaArgs = ['validate', path.join(root, 'schemas/hire.schema.json'), folder, '--extension', '.hire.yaml', '--continue'];
    if (validator.command) times.schema.push(timeProcess(validator.command, schemaArgs, [0, 2]).ms);
  }
  const checkMs = median(times.check);
  const floorMs = median(times.floor);
  return {
    corpus,
    files,
    threads,
    runs,
    checkMs,
    filesPerSecond: (files / checkMs) * 1000,
    checkCpuMsPerFile: times.cpu.length ? median(times.cpu) / files : undefined,
    floorMs,
    ofFloor: floorMs / checkMs,
    floorOneThreadMs: median(times.floorOne),
    schemaOnly: { tool: SCHEMA_TOOL, ...(validator.command ? { ms: median(times.schema) } : { note: validator.note }) },
  };
}

/** The schema-only validator's executable (the platform's binary in its npm package), installing it first when `install`; otherwise why there is none. */
function schemaValidator(root: string, install: boolean): { command?: string; note?: string } {
  const prefix = path.join(root, '.cache/bench-tools');
  const binaries = path.join(prefix, 'node_modules/@sourcemeta/jsonschema/build/github-releases');
  if (!existsSync(binaries) && install) {
    const installed = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', SCHEMA_TOOL], { encoding: 'utf8', timeout: 300_000 });
    if (installed.status !== 0) return { note: `could not be installed: ${(installed.stderr || String(installed.error)).trim().split('\n').pop()}` };
  }
  if (!existsSync(binaries)) return { note: `not installed (the full benchmark installs it into .cache/bench-tools)` };
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch;
  const name = `jsonschema-${platform() === 'win32' ? 'windows' : platform()}-${arch}${platform() === 'win32' ? '.exe' : ''}`;
  return existsSync(path.join(binaries, name)) ? { command: path.join(binaries, name) } : { note: `no ${name} in the package` };
}

/** A process's wall time, and its CPU time (every thread) where /proc tells the time its children used. Throws for an exit status not in `ok`. */
function timeProcess(command: string, args: string[], ok: readonly number[] = [0, 1]): { ms: number; cpuMs?: number } {
  const before = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (!ok.includes(result.status ?? -1)) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  const after = childrenCpuMs();
  return { ms, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}

/** User and system time of this process's waited-for children, in milliseconds (Linux), from /proc/self/stat. */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: cutime and cstime are fields 14 and 15 (from 1), in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** The extension's bundles and the server's start. */
export interface ExtensionResult {
  bundles: Record<string, number>;
  /** Median milliseconds from spawning the server to its `initialize` answer. */
  initializeMs: number;
  /** Median milliseconds of `node -e 0` on this machine, the floor of any start. */
  nodeStartMs: number;
}

/** Measures bundle sizes (build with --production first) and our server's `initialize`. */
export async function runExtension(root: string, starts: number): Promise<ExtensionResult> {
  const dist = path.join(root, 'dist');
  const bundles: Record<string, number> = {};
  for (const name of readdirSync(dist).filter((file) => file.endsWith('.js') && !file.includes('.tmp')).sort()) bundles[name] = statSync(path.join(dist, name)).size;
  const spec = serverSpecs(root)[0];
  const times: number[] = [];
  for (let run = 0; run < starts; run++) {
    const server = await BenchServer.start(spec, 'file:///bench');
    times.push(server.initializeMs);
    await server.stop();
  }
  const nodeStarts: number[] = [];
  for (let run = 0; run < starts; run++) nodeStarts.push(timeProcess(process.execPath, ['-e', '0']).ms);
  return { bundles, initializeMs: median(times), nodeStartMs: median(nodeStarts) };
}
