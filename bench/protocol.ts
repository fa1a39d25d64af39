/**
 * The protocol level: our server and yaml-language-server side by side on
 * the same documents, alternating A B A B in one run.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { generateBriefOfLines } from '../test/support/generate';
import { BenchServer, type ServerSpec } from './lsp';
import { median } from './measure';

/** What one server measured on one document. */
export interface ProtocolResult {
  server: string;
  lines: number;
  initializeMs: number;
  openMs: number;
  editMs: number;
  completionMs: number;
  hoverMs: number;
  peakMb: number;
  /** Diagnostics after the first edit, to show both servers validate. */
  diagnostics: number;
}

/** Our server and Red Hat's, configured with our schema. */
export function serverSpecs(root: string): ServerSpec[] {
  const schemaUri = pathToFileURL(path.join(root, 'schemas/hire.schema.json')).href;
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { [schemaUri]: ['*.hire.yaml'] },
  };
  return [
    {
      name: 'hire',
      command: [process.execPath, path.join(root, 'dist/server.js'), '--stdio'],
      languageId: 'hire-yaml',
      configuration: { hire: {} },
      settings: { hire: {} },
    },
    {
      name: 'yaml-language-server',
      command: [process.execPath, path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
      languageId: 'yaml',
      configuration: { yaml: yamlSettings, http: {}, '[yaml]': {}, editor: {} },
      settings: { yaml: yamlSettings },
    },
  ];
}

/** Where in a document the edits, completions and hovers happen: the middle question. */
export function probes(text: string): { edit: Position; completion: Position; hover: Position } {
  const lines = text.split('\n');
  const asks = lines.flatMap((line, index) => (/^ {4}ask: /.test(line) ? [index] : []));
  const ask = asks[asks.length >> 1];
  return {
    edit: { line: ask, character: lines[ask].length - 1 },
    completion: { line: ask + 1, character: 4 },
    hover: { line: ask, character: 5 },
  };
}

/** Measures each server on documents of the given line counts. */
export async function runProtocol(root: string, sizes: readonly number[], iterations: number, log: (line: string) => void): Promise<ProtocolResult[]> {
  const specs = serverSpecs(root).filter((spec) => existsSync(spec.command[1]));
  const results: ProtocolResult[] = [];
  const folder = pathToFileURL(path.join(root, 'bench-results')).href;
  for (const lines of sizes) {
    const text = generateBriefOfLines(lines, true);
    const uri = `${folder}/generated-${lines}.hire.yaml`;
    const where = probes(text);
    const servers: BenchServer[] = [];
    for (const spec of specs) servers.push(await BenchServer.start(spec, folder));
    const samples = servers.map(() => ({ open: 0, edit: [] as number[], completion: [] as number[], hover: [] as number[], diagnostics: 0 }));
    for (const [index, server] of servers.entries()) samples[index].open = (await server.open(uri, text)).ms;
    await settle();
    for (let iteration = 0; iteration < iterations; iteration++) {
      // Type a character at the end of a question, then delete it: the text stays valid.
      const insert = iteration % 2 === 0;
      const range: Range = insert
        ? { start: where.edit, end: where.edit }
        : { start: where.edit, end: { line: where.edit.line, character: where.edit.character + 1 } };
      for (const [index, server] of servers.entries()) {
        const edit = await server.edit(uri, iteration + 2, range, insert ? 'x' : '');
        samples[index].edit.push(edit.ms);
        if (iteration === 0) samples[index].diagnostics = edit.diagnostics.diagnostics.length;
        samples[index].completion.push((await server.time('textDocument/completion', uri, where.completion)).ms);
        samples[index].hover.push((await server.time('textDocument/hover', uri, where.hover)).ms);
      }
    }
    for (const [index, server] of servers.entries()) {
      const sample = samples[index];
      const result: ProtocolResult = {
        server: server.spec.name,
        lines: text.split('\n').length,
        initializeMs: server.initializeMs,
        openMs: sample.open,
        editMs: median(sample.edit),
        completionMs: median(sample.completion),
        hoverMs: median(sample.hover),
        peakMb: server.peakMemoryMb(),
        diagnostics: sample.diagnostics,
      };
      results.push(result);
      log(`  ${result.server} at ${result.lines} lines: edit → diagnostics ${result.editMs.toFixed(1)} ms, ${result.diagnostics} diagnostics, ${result.peakMb.toFixed(0)} MB`);
      await server.stop();
    }
  }
  return results;
}

/** Lets late messages of the previous step arrive before the next is timed. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}
