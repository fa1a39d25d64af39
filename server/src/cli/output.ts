/**
 * Where a command's output goes: stdout, or the `--out` file. A command
 * never writes over one of its own inputs (`hire render x.hire.yaml --out
 * x.hire.yaml` would lose the brief), nor over any existing file unless
 * `--force` says to.
 */
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './files';

/** Where to write, and what must not be written over. */
export interface OutputOptions {
  /** The file to write; stdout when absent. */
  readonly out?: string;
  /** Write over `out` if it exists (never if it is an input). */
  readonly force?: boolean;
  /** The files the command read. */
  readonly inputs: readonly string[];
}

/** Writes the output to `out`, or to stdout. Throws InputError for an input file, an existing file without `force`, or a file that cannot be written. */
export function writeOutput(content: string, options: OutputOptions): void {
  const { out } = options;
  if (out === undefined) {
    process.stdout.write(content);
    return;
  }
  const input = options.inputs.find((file) => sameFile(file, out));
  if (input !== undefined) throw new InputError(`${out}: is a file this command reads${input === out ? '' : ` (${input})`}; it is never written over: choose another --out`);
  try {
    writeFileSync(out, content, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(`${out}: already exists; use --force to overwrite it`);
    throw new InputError(`${out}: cannot be written (${code ?? (error as Error).message})`);
  }
}

/** Whether two paths name one file: the same path, or the same file through a link (device and inode). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const one = statSync(a, { throwIfNoEntry: false });
  const other = statSync(b, { throwIfNoEntry: false });
  return !!one && !!other && one.dev === other.dev && one.ino === other.ino;
}
