/**
 * The `hire` command line: wiring of the commands to the language service.
 * Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkText, formatJson, formatText, readText, summarize } from './cli/check';
import { findFiles, InputError } from './cli/files';
import { CODES, isDiagnosticCode, isSeverityLevel, type SeverityLevel } from './service/codes';
import { getLanguageService } from './service/languageService';

declare const HIRE_VERSION: string | undefined;

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

function program(): Command {
  const hire = new Command('hire')
    .description('Check and render hiring briefs (*.hire.yaml).')
    .version(typeof HIRE_VERSION === 'string' ? HIRE_VERSION : '0.0.0', '-v, --version')
    .showHelpAfterError()
    .exitOverride();

  hire
    .command('check')
    .description('Check briefs: files, or folders searched for *.hire.yaml (skipping node_modules and .git).')
    .argument('<paths...>', 'files and folders to check')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--severity <code=level>', 'change a code\'s severity or turn it off (repeatable)', parseSeverity)
    .action((paths: string[], options: { format: 'text' | 'json'; severity?: Record<string, SeverityLevel> }) => {
      const service = getLanguageService();
      const files = findFiles(paths).map((file) => checkText(service, file, readText(file), { severity: options.severity }));
      const color = options.format === 'text' && !!process.stdout.isTTY && !process.env.NO_COLOR;
      process.stdout.write(options.format === 'json' ? formatJson(files) : formatText(files, color));
      process.exitCode = summarize(files).errors > 0 ? EXIT.findings : EXIT.ok;
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

main(process.argv.slice(2));
