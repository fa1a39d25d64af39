/**
 * The shape of the code: no runtime import cycles in server/src and
 * client/src, and a language service that imports nothing outside itself
 * but its few pure dependencies (so that it runs in a browser too).
 * Imports are read with the TypeScript compiler; `import type` and
 * type-only specifiers are skipped, since they vanish from the bundles.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import MarkdownIt from 'markdown-it';
import ts from 'typescript';
import { escapeHtml } from '../../server/src/service/html';
import { sha256Base64 } from '../../server/src/service/sha256';
import { ROOT } from '../support/documents';

/** Every `.ts` file under a folder, as absolute paths. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The module specifiers a file imports or re-exports at run time. */
export function runtimeImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) found.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly)) continue;
      found.push(statement.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(statement) && !statement.isTypeOnly && ts.isExternalModuleReference(statement.moduleReference)) {
      const reference = statement.moduleReference.expression;
      if (ts.isStringLiteral(reference)) found.push(reference.text);
    }
  }
  return found;
}

/** The file a relative specifier names, or undefined for a package or an asset. */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && ts.sys.fileExists(candidate)) return candidate;
  }
  return undefined;
}

/** The runtime import graph of some files: file → files it imports. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = runtimeImports(file).flatMap((specifier) => resolveLocal(file, specifier) ?? []);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

describe('architecture', () => {
  it('reads runtime imports and skips type-only ones', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { D, type E } from './d';",
      "import * as F from './f';",
      "import './g';",
      "export { H } from './h';",
      "export type { I } from './i';",
      "export * from './j';",
    ].join('\n');
    assert.deepEqual(runtimeImports('x.ts', text), ['./d', './f', './g', './h', './j']);
  });

  it('finds a cycle, and none in a chain', () => {
    assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c']]);
    assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), []);
  });

  it('has no runtime import cycles in server/src and client/src', () => {
    const files = [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))];
    const found = cycles(importGraph(files)).map((component) => component.map(relative).join(' ↔ '));
    assert.deepEqual(found, [], `runtime import cycles:\n${found.join('\n')}`);
  });

  it('keeps the language service pure: no Node built-ins, nothing outside the service but its pure dependencies', () => {
    const service = path.join(ROOT, 'server/src/service');
    /** The packages the service may import: parsing, validation, LSP data types, Markdown. */
    const packages = new Set(['yaml', 'ajv', 'ajv-formats', 'vscode-languageserver-types', 'vscode-languageserver-textdocument', 'markdown-it']);
    /** Data the service may import (bundled as text or JSON): schemas, built-in profiles, word lists, the preview's styles. */
    const assets = [path.join(ROOT, 'schemas') + path.sep, path.join(ROOT, 'media') + path.sep];
    const offences: string[] = [];
    for (const file of sources(service)) {
      for (const specifier of runtimeImports(file)) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          if (target.startsWith(service + path.sep) || assets.some((folder) => target.startsWith(folder))) continue;
        } else {
          const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
          if (packages.has(name)) continue;
        }
        offences.push(`${relative(file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offences, [], offences.join('\n'));
  });
});

/**
 * The most the production client bundle may weigh. Nearly all of it is the
 * LSP client library (vscode-languageclient with vscode-jsonrpc, the protocol
 * and its types, minimatch and semver: about 420 KB minified); the
 * extension's own code is a few KB.
 */
const CLIENT_BUDGET = 460 * 1024;

/** The most the client's own code (client/src and what it takes from server/src) may add to the bundle. */
const CLIENT_CODE_BUDGET = 30 * 1024;

describe('the plain code the service uses in place of Node and of libraries', () => {
  it('hashes as node:crypto does', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'é€😀'.repeat(100), readFileSync(path.join(ROOT, 'media/preview.css'), 'utf8')]) {
      assert.equal(sha256Base64(text), createHash('sha256').update(text).digest('base64'), `length ${text.length}`);
    }
  });

  it("escapes as markdown-it's escaper does", () => {
    const escape = new MarkdownIt().utils.escapeHtml;
    for (const text of ['', 'plain', `<a href="x">Tom & 'Jerry'</a>`, '&amp; &lt; > "']) assert.equal(escapeHtml(text), escape(text));
  });
});

describe('the client bundles', () => {
  // The options of the client builds in esbuild.mjs, with --production: desktop (Node) and browser (web worker).
  for (const { entry, platform } of [
    { entry: 'client/src/main.ts', platform: 'node' },
    { entry: 'client/src/browserMain.ts', platform: 'browser' },
  ] as const) {
    it(`${entry} holds no renderer, yaml or markdown-it, and stays small`, async () => {
      const result = await esbuild.build({
        entryPoints: [path.join(ROOT, entry)],
        bundle: true,
        platform,
        target: platform === 'node' ? 'node20' : 'es2022',
        format: 'cjs',
        minify: true,
        legalComments: 'none',
        external: ['vscode'],
        loader: { '.yaml': 'text', '.css': 'text' },
        define: { HIRE_VERSION: '"0.0.0"' },
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const [output] = Object.values(result.metafile.outputs);
      const inputs = Object.keys(output!.inputs);
      const forbidden = inputs.filter((input) => /node_modules\/(yaml|markdown-it|ajv)\/|server\/src\/service\/(?!names\.ts$|html\.ts$|documents\.ts$)/.test(input));
      assert.deepEqual(forbidden, [], `the client bundles the server's code:\n${forbidden.join('\n')}`);
      assert.ok(output!.bytes <= CLIENT_BUDGET, `the client bundle is ${output!.bytes} bytes, over ${CLIENT_BUDGET}`);
      const own = Object.entries(output!.inputs)
        .filter(([input]) => !input.includes('node_modules/'))
        .reduce((total, [, input]) => total + input.bytesInOutput, 0);
      assert.ok(own <= CLIENT_CODE_BUDGET, `the client's own code is ${own} bytes of the bundle, over ${CLIENT_CODE_BUDGET}`);
    });
  }
});
