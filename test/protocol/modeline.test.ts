/**
 * The README's `$schema` modeline for other YAML tools, as written, with Red
 * Hat's yaml-language-server: in a project that installs the package, a brief
 * in a folder of its own gets the schema's errors, at the places `hire`
 * reports them.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BenchServer, type ServerSpec } from '../../bench/lsp';
import { getLanguageService } from '../../server/src/service/languageService';
import { brief, ROOT } from '../support/documents';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** The README's example: a brief's path in the project, and the modeline its first line holds. */
const example = /For\s+`([^`]+\.hire\.yaml)`[^`]*?```yaml\n(# yaml-language-server: \$schema=(\S+))\n```/.exec(README);
const errors = readFileSync(path.join(ROOT, 'samples/errors.hire.yaml'), 'utf8');

const settings = { validate: true, hover: false, completion: false, format: { enable: false }, schemaStore: { enable: false } };
const yamlLanguageServer: ServerSpec = {
  name: 'yaml-language-server',
  command: [process.execPath, path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
  languageId: 'yaml',
  configuration: { yaml: settings, http: {}, '[yaml]': {}, editor: {} },
  settings: { yaml: settings },
};

/** `line:character` of each diagnostic, sorted. */
function places(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character}`).sort();
}

/** yaml-language-server's schema findings for a brief's text, once it has read the schema (within a minute). */
async function schemaFindings(server: BenchServer, uri: string, text: string): Promise<Diagnostic[]> {
  const fromSchema = (params: PublishDiagnosticsParams) => params.diagnostics.filter((diagnostic) => String(diagnostic.source).startsWith('yaml-schema'));
  let { diagnostics } = await server.open(uri, text);
  const deadline = Date.now() + 60_000;
  while (!fromSchema(diagnostics).length && !diagnostics.diagnostics.some((diagnostic) => /schema/i.test(String(diagnostic.message))) && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([server.nextDiagnostics(uri), new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deadline - Date.now())))]);
    clearTimeout(timer);
    if (!next) break;
    diagnostics = next;
  }
  return fromSchema(diagnostics);
}

describe("the README's $schema modeline, read by yaml-language-server", () => {
  let project: string;
  let server: BenchServer;
  before(async () => {
    project = mkdtempSync(path.join(os.tmpdir(), 'hire-modeline-'));
    // What the package installs: its schemas folder as this repository has it (test/package checks it ships whole).
    cpSync(path.join(ROOT, 'schemas'), path.join(project, 'node_modules/hiring-briefs/schemas'), { recursive: true });
    server = await BenchServer.start(yamlLanguageServer, pathToFileURL(project).href);
  });
  after(async () => {
    await server?.stop();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('gives a brief in a folder below the project the schema errors, where `hire` reports them', { timeout: 120_000 }, async () => {
    assert.ok(example, "the README's 'Other editors' names a brief's path and shows its modeline in a yaml block");
    const [, file, modeline] = example;
    const text = `${modeline}\n${errors}`;
    const found = await schemaFindings(server, pathToFileURL(path.join(project, file)).href, text);
    const ours = getLanguageService().validate(brief(text)).filter((diagnostic) => diagnostic.code === 'schema');
    assert.ok(ours.length > 0);
    assert.deepEqual(places(found), places(ours));
  });

  it('works from any depth with one `../` for each folder, and with an absolute path', { timeout: 120_000 }, async () => {
    assert.ok(example);
    const [, file, , schema] = example;
    const deeper = pathToFileURL(path.join(project, path.dirname(file), 'team', 'night.hire.yaml')).href;
    const absolute = path.resolve(project, path.dirname(file), schema);
    for (const [uri, modeline] of [[deeper, `../${schema}`], [pathToFileURL(path.join(project, 'elsewhere.hire.yaml')).href, absolute]]) {
      const text = `# yaml-language-server: $schema=${modeline}\n${errors}`;
      const found = await schemaFindings(server, uri, text);
      assert.deepEqual(places(found), places(getLanguageService().validate(brief(text)).filter((diagnostic) => diagnostic.code === 'schema')), modeline);
    }
  });

  it('a path from the project root instead finds no schema below it (the form the README no longer gives)', { timeout: 120_000 }, async () => {
    const text = `# yaml-language-server: $schema=./node_modules/hiring-briefs/schemas/hire.schema.json\n${errors}`;
    const found = await schemaFindings(server, pathToFileURL(path.join(project, 'briefs', 'other.hire.yaml')).href, text);
    assert.deepEqual(found, []);
  });
});
