/**
 * The `hire` command line: wiring of the commands to the language service.
 * Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CHECK_FORMATS, runCheck, type CheckOptions } from './cli/check';
import { checkText } from './cli/checkFile';
import { DIFF_FORMATS, runDiff, type DiffOptions } from './cli/diff';
import { InputError } from './cli/files';
import { runFmt, type FmtOptions } from './cli/fmt';
import { runNew, type NewOptions } from './cli/new';
import { isCheckWorker, runCheckWorker } from './cli/workers';
import { formatProfilesJson, formatProfilesText, listProfiles, loadProfiles, siblingProfiles } from './cli/profiles';
import { writeOutput } from './cli/output';
import { readText } from './cli/read';
import { formatText } from './cli/report';
import { renderInputs, renderProfiles, renderText, type RenderCommandOptions } from './cli/render';
import { COMPARE_FORMATS, runCompare, runNewScorecard, type CompareOptions, type NewScorecardOptions } from './cli/scorecards';
import { CODES, isDiagnosticCode, isSeverityLevel, type SeverityLevel } from './service/codes';
import { getLanguageService } from './service/languageService';
import { RENDER_FORMATS, RENDER_VIEWS } from './service/render';

declare const HIRE_VERSION: string | undefined;

/** The version `hire --version` prints, set by the build. */
const VERSION = typeof HIRE_VERSION === 'string' ? HIRE_VERSION : '0.0.0';

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

function parseSeverity(value: string, previous: Record<string, SeverityLevel> = {}): Record<string, SeverityLevel> {
  const match = /^([a-z-]+)=([a-z]+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected code=level, such as missing-question=off');
  const [, code, level] = match;
  if (!isDiagnosticCode(code)) throw new InvalidArgumentError(`unknown code '${code}'; codes: ${Object.keys(CODES).join(', ')}`);
  if (!isSeverityLevel(level)) throw new InvalidArgumentError(`unknown level '${level}'; levels: error, warning, information, hint, off`);
  return { ...previous, [code]: level };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0 or 10');
  return Number(value);
}

function program(): Command {
  const hire = new Command('hire')
    .description('Check and render hiring briefs (*.hire.yaml).')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  hire
    .command('check')
    .description(
      'Check briefs: files, folders searched for *.hire.yaml (and profiles and *.hire-score.yaml scorecards; skipping node_modules and .git), quoted glob patterns, ' +
        'or - for one brief on standard input. A file named by itself also loads the profiles (*.hire-profile.yaml) beside it, and checks them. Exits 0 without errors, 1 with errors (or too many warnings), 2 on a usage error or unreadable input.',
    )
    .argument('<paths...>', 'files, folders, glob patterns such as \'briefs/**/*.hire.yaml\', or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .option('--severity <code=level>', 'change a code\'s severity or turn it off (repeatable)', parseSeverity)
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--stdin-filename <name>', 'the path to show for a brief read from standard input')
    .option('--profiles <dir>', 'load team profiles (*.hire-profile.yaml) from this folder')
    .action((paths: string[], options: CheckOptions) => {
      process.exitCode = runCheck(paths, options, VERSION, __filename);
    });

  hire
    .command('new')
    .description(
      'Write a new brief for a profile, with every section, skill and question and TODO comments to fill in; ' +
        'or, with --scorecard BRIEF, a new scorecard for one interview that lists every question of the brief to rate. Never overwrites a file without --force.',
    )
    .option('--profile <id>', 'the profile to follow (hire profiles lists them)', 'production-coordinator')
    .option('--scorecard <brief>', 'write a scorecard for this brief instead of a brief (with --candidate and --interviewer)')
    .option('--candidate <name>', 'the candidate the scorecard is for: a name or a code')
    .option('--interviewer <name>', 'who holds the interview')
    .option('--stage <id>', 'the interview stage, such as interview or phone-screen')
    .option('--role <title>', 'the role\'s title (default: the profile\'s title)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--force', 'overwrite --out if it exists')
    .option('--profiles <dir>', 'load team profiles (*.hire-profile.yaml) from this folder')
    .action((options: NewOptions & Partial<NewScorecardOptions>) => {
      if (options.scorecard !== undefined) {
        const service = getLanguageService({ profiles: loadProfiles(options.profiles, siblingProfiles([options.scorecard])) });
        process.exitCode = runNewScorecard(service, { ...options, scorecard: options.scorecard });
        return;
      }
      process.exitCode = runNew(options);
    });

  hire
    .command('compare')
    .description(
      'Compare the candidates of a brief from the scorecards (*.hire-score.yaml) that name it: recommendations, scores and means by question and skill, ' +
        'quotes against the ceiling, the questions interviewers scored 2 or more apart, and the scorecards still missing a required rating. Exits 0, or 2 on a usage error or a brief that cannot be read.',
    )
    .argument('<brief>', 'the brief (*.hire.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(COMPARE_FORMATS).default('text'))
    .option('--scores <dirs...>', 'folders to search for scorecards (default: the brief\'s folder and those below it)')
    .option('--out <file>', 'write to this file instead of stdout (an existing file only with --force)')
    .option('--force', 'overwrite --out if it exists')
    .option('--profiles <dir>', 'load team profiles (*.hire-profile.yaml) from this folder; those beside the brief always load')
    .action((brief: string, options: CompareOptions & { profiles?: string }) => {
      const service = getLanguageService({ profiles: loadProfiles(options.profiles, siblingProfiles([brief])) });
      process.exitCode = runCompare(service, brief, options);
    });

  hire
    .command('fmt')
    .description('Lay briefs out canonically, keeping every comment and value. Without --check or --write, prints the result.')
    .argument('<paths...>', 'files, folders searched for *.hire.yaml, or quoted glob patterns')
    .addOption(new Option('--check', 'list the files that would change; exit 1 if any would').conflicts('write'))
    .option('--write', 'rewrite the files that change, in place')
    .action((paths: string[], options: FmtOptions) => {
      process.exitCode = runFmt(paths, options);
    });

  hire
    .command('profiles')
    .description('List the role profiles briefs can name: id, title and where each comes from.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--profiles <dir>', 'load team profiles (*.hire-profile.yaml) from this folder')
    .action((options: { format: 'text' | 'json'; profiles?: string }) => {
      const entries = listProfiles(loadProfiles(options.profiles));
      process.stdout.write(options.format === 'json' ? formatProfilesJson(entries) : formatProfilesText(entries));
      process.exitCode = EXIT.ok;
    });

  hire
    .command('diff')
    .description(
      'Compare two versions of a brief or of a profile by meaning: skills and questions matched by id, comments and layout ignored, ' +
        'with the findings that appear or disappear and, for a profile, the briefs that follow it. Exits 0 without changes, 1 with changes, 2 on an error. ' +
        'As git\'s diff driver: git config diff.hire.command "hire diff --git" and, in .gitattributes, *.hire.yaml diff=hire.',
    )
    .argument('[files...]', 'OLD NEW; with --base, the paths to compare (default: all); with --git, the arguments git passes')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .addOption(new Option('--git', 'run as git\'s external diff driver (always exits 0, as git expects)').conflicts('base'))
    .option('--base <ref>', 'compare the working tree with this git ref (a branch, tag or commit)')
    .option('--profiles <dir>', 'load team profiles (*.hire-profile.yaml) from this folder; those beside the file always load')
    .option('--briefs <dir>', 'where to look for the briefs a changed profile affects (default: the new file\'s folder; with --git or --base, the repository)')
    .action((files: string[], options: DiffOptions) => {
      process.exitCode = runDiff(files, options);
    });

  hire
    .command('render')
    .description(
      'Render a brief as a job posting and/or an interview kit: HTML (a standalone page) or Markdown. ' +
        'Without --view, both views, the posting first. The team profiles beside the brief and in --profiles are loaded. A brief with errors renders what can be read (exit 0, a note on stderr); ' +
        'one whose root is not a mapping renders nothing and exits 1 with its errors.',
    )
    .argument('<file>', 'the brief to render')
    .addOption(new Option('--format <format>', 'output format').choices(RENDER_FORMATS).makeOptionMandatory())
    .addOption(new Option('--view <view>', 'one view only').choices(RENDER_VIEWS))
    .option('--out <file>', 'write to this file instead of stdout (never the brief or a profile it reads; an existing file only with --force)')
    .option('--force', 'overwrite --out if it exists')
    .option('--show-rate', 'show the rate in the job posting (the kit always shows it)')
    .option('--findings', "list the brief's findings in the interview kit (left out by default: the kit is for interviewers)")
    .option('--profiles <dir>', 'load team profiles (*.hire-profile.yaml) from this folder; those beside the brief always load')
    .action((file: string, options: RenderCommandOptions) => {
      const service = getLanguageService({ profiles: renderProfiles(file, options) });
      const text = readText(file);
      const rendered = renderText(service, file, text, options);
      if (!rendered) {
        process.stderr.write(`hire: ${file}: nothing to render\n${formatText([checkText(service, file, text, {})], false)}`);
        process.exitCode = EXIT.findings;
        return;
      }
      writeOutput(rendered.content, { out: options.out, force: options.force, inputs: renderInputs(file, options) });
      if (rendered.errors > 0) {
        process.stderr.write(`hire: ${file} has ${rendered.errors} error${rendered.errors === 1 ? '' : 's'}; rendered what could be read (hire check ${file} lists them)\n`);
      }
      process.exitCode = EXIT.ok;
    });

  return hire;
}

/** Runs the CLI with the given arguments (without `node` and the script). */
export function main(argv: readonly string[]): void {
  try {
    program().parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (error instanceof InputError) {
      process.stderr.write(`hire: ${error.message}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`hire: unexpected error: ${(error as Error).message}\n`);
      process.exitCode = EXIT.usage;
    }
  }
}

// The bundle also runs as the worker thread of a large `hire check`.
if (isCheckWorker()) runCheckWorker();
else main(process.argv.slice(2));
