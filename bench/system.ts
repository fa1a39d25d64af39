/**
 * The shipped artefacts: `hire check` over many briefs (against just reading
 * and parsing them), the bundles' sizes and the server's time to answer
 * `initialize`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateBrief } from '../test/support/generate';
import { BenchServer } from './lsp';
import { median } from './measure';
import { serverSpecs } from './protocol';

/** `hire check` over a folder of briefs. */
export interface CliResult {
  files: number;
  checkMs: number;
  filesPerSecond: number;
  /** Reading and parsing the same files with `yaml`, in a process of its own. */
  readParseMs: number;
  ratio: number;
}

/** Times `hire check --format json` over generated typical briefs (one in ten with findings). */
export function runCli(root: string, files: number): CliResult {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-bench-'));
  try {
    for (let index = 0; index < files; index++) {
      const sub = path.join(folder, String(Math.floor(index / 1000)));
      if (index % 1000 === 0) mkdirSync(sub);
      const text = generateBrief({ questions: 8 + (index % 8), findings: index % 10 === 9, seed: index });
      writeFileSync(path.join(sub, `brief-${index}.hire.yaml`), text);
    }
    const checkMs = timeProcess([path.join(root, 'dist/cli.js'), 'check', '--format', 'json', folder]);
    const readParse = `
      const fs = require('node:fs'), path = require('node:path'), YAML = require(${JSON.stringify(require.resolve('yaml'))});
      const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full); else YAML.parseDocument(fs.readFileSync(full, 'utf8'));
      } };
      walk(process.argv[1]);`;
    const readParseMs = timeProcess(['-e', readParse, folder]);
    return { files, checkMs, filesPerSecond: (files / checkMs) * 1000, readParseMs, ratio: checkMs / readParseMs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 });
  const elapsed = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  return elapsed;
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
  for (let run = 0; run < starts; run++) nodeStarts.push(timeProcess(['-e', '0']));
  return { bundles, initializeMs: median(times), nodeStartMs: median(nodeStarts) };
}
