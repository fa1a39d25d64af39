/**
 * `hire check --format sarif` validated against the official SARIF 2.1.0
 * JSON Schema (2.1.0-rtm.5, as shipped in the npm package
 * @microsoft/jest-sarif), with regions checked against the JSON report; and
 * `--format github` annotation lines, exactly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { CODES } from '../../server/src/service/codes';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
}

function sarif(args: string[], input?: string): SarifLog {
  const run = hire(['check', '--format', 'sarif', ...args], { input });
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as SarifLog;
}

describe('hire check --format sarif', () => {
  // The schema's `language` pattern has a stray `]`, legal only without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is valid SARIF 2.1.0 for every sample, stdin included', () => {
    for (const log of [sarif(['samples']), sarif(['-'], 'hire: [1\n'), sarif(['samples/complete.hire.yaml'])]) {
      assert.ok(validate(log), ajv.errorsText(validate.errors));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs[0].columnKind, 'utf16CodeUnits', 'columns count UTF-16 code units, and say so');
    }
    assert.equal(hire(['check', '--format', 'sarif', 'samples']).status, 1, 'the exit code does not depend on the format');
  });

  it('names the tool and has one rule per code, with its help and default level', () => {
    const driver = sarif(['samples/complete.hire.yaml']).runs[0].tool.driver;
    assert.equal(driver.name, 'hire');
    assert.equal(driver.version, version);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((rule) => rule.id), Object.keys(CODES));
    const levels = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    for (const rule of driver.rules) {
      const code = CODES[rule.id as keyof typeof CODES];
      assert.equal(rule.fullDescription.text, code.help);
      assert.equal(rule.help.text, code.help);
      assert.ok(code.help.startsWith(rule.shortDescription.text));
      assert.equal(rule.defaultConfiguration.level, levels[code.severity]);
    }
  });

  it('has one result per finding, with 1-based regions from the JSON report\'s ranges', () => {
    const report = JSON.parse(hire(['check', '--format', 'json', 'samples']).stdout) as { files: { path: string; diagnostics: { code: string; severity: string; message: string; range: Range }[] }[] };
    const expected = report.files.flatMap((file) =>
      file.diagnostics.map((d) => ({
        ruleId: d.code,
        level: d.severity === 'information' || d.severity === 'hint' ? 'note' : d.severity,
        message: d.message,
        uri: file.path,
        region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
      })),
    );
    const run = sarif(['samples']).runs[0];
    const actual = run.results.map((result) => ({
      ruleId: result.ruleId,
      level: result.level,
      message: result.message.text,
      uri: result.locations[0].physicalLocation.artifactLocation.uri,
      region: result.locations[0].physicalLocation.region,
    }));
    assert.ok(expected.length > 30);
    assert.deepEqual(actual, expected);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  it('counts columns in UTF-16 code units, as LSP does', () => {
    const emoji = 'hire: 1\nrole: "🎬🎬" \nengagement: [x]\nnotes: 🎬 x\nduties: 🎬\n';
    const duties = sarif(['-'], emoji).runs[0].results.find((r) => r.message.text.includes("'duties'"))!;
    assert.deepEqual(duties.locations[0].physicalLocation.region, { startLine: 5, startColumn: 9, endLine: 5, endColumn: 11 });
  });

  it('encodes the stdin name as a relative URI', () => {
    const location = sarif(['-'], 'hire: [1\n').runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' });
  });
});

describe('hire check --format github', () => {
  it('prints one workflow command per finding, exactly', () => {
    const text = [
      'hire: 1',
      'role: Production Coordinator',
      'profile: production-coordinator',
      'engagement: freelanse',
      'rate:',
      '  amount: 450',
      '  currency: USD',
      '  per: day',
      '  hours: 10',
      '  max: 400',
      '',
    ].join('\n');
    const run = hire(['check', '--format', 'github', '--stdin-filename', 'briefs/a,b:c.hire.yaml', '--severity', 'missing-section=off', '--severity', 'missing-skill=off', '--severity', 'missing-question=off', '-'], { input: text });
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        "::error file=briefs/a%2Cb%3Ac.hire.yaml,line=4,col=13,endLine=4,endColumn=22,title=schema::'freelanse' is not a valid value for 'engagement'. Did you mean 'freelance'? Allowed: freelance, contract, part-time, full-time.",
        '::warning file=briefs/a%2Cb%3Ac.hire.yaml,line=6,col=11,endLine=6,endColumn=14,title=rate-over-max::The rate 450 is above the most you will pay (max: 400).',
        '',
      ].join('\n'),
    );
  });

  it('uses notice for information and hints, and paths relative to the working folder', () => {
    const run = hire(['check', '--format', 'github', path.join(ROOT, 'samples/gaps.hire.yaml')]);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.every((line) => /^::(error|warning|notice) file=samples\/gaps\.hire\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/.test(line)), run.stdout);
    assert.ok(lines.includes("::notice file=samples/gaps.hire.yaml,line=22,col=5,endLine=22,endColumn=17,title=unassessed-skill::Nothing assesses the required skill 'coordination': add 'evidence' (how you will know), or a question whose 'assesses' lists it."));
    assert.equal(run.status, 0);
  });

  it('escapes %, CR and LF in messages, and also , and : in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext%3A a%2C b');
  });
});
