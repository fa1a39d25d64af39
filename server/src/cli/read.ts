/**
 * Reading the files a command is given: UTF-8 text, never more than
 * MAX_FILE_BYTES of it, from a file or from standard input (`-`).
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES, tooLargeMessage } from '../service/limits';
import { InputError } from './files';

/** The path argument that stands for standard input. */
export const STDIN_ARGUMENT = '-';

/** The path a brief read from standard input is shown under, unless named. */
export const STDIN_PATH = '<stdin>';

/** A file (or standard input) over MAX_FILE_BYTES, refused before it is read: its size in bytes, or at least that many when not `exact`. */
export class FileTooLargeError extends InputError {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly exact: boolean,
  ) {
    super(`${file}: ${tooLargeMessage(size, exact)}`);
  }
}

/**
 * Reads a file (or standard input, `-`) as UTF-8 text without a BOM; throws
 * InputError when it cannot, and FileTooLargeError for one over
 * MAX_FILE_BYTES: a file by its size before anything is read, a stream as
 * soon as it passes the bound.
 */
export function readText(file: string): string {
  const name = file === STDIN_ARGUMENT ? 'standard input' : file;
  let bytes: Buffer;
  try {
    bytes = readBounded(file === STDIN_ARGUMENT ? 0 : file, name);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw error;
    throw new InputError(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Validated, then decoded: a few times quicker than a fatal TextDecoder, with the same result. A leading BOM
  // (also one written twice) is not text.
  if (!isUtf8(bytes)) throw new InputError(`${name}: is not UTF-8 text; save it as UTF-8`);
  return bytes.toString('utf8').replace(/^\uFEFF\uFEFF?/, '');
}

/** Where reads after a file's first one (and every read of a pipe) land before they are kept. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/** The bytes of a file or a file descriptor, never more than MAX_FILE_BYTES of them (FileTooLargeError). */
function readBounded(file: string | number, name: string): Buffer {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > MAX_FILE_BYTES) throw new FileTooLargeError(name, stats.size, true);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A file is read in one call (a byte more than its size, to see it grow); a pipe or a device in pieces.
      const first = chunks.length === 0 && stats.isFile();
      const target = first ? Buffer.allocUnsafe(stats.size + 1) : scratch;
      const read = readSync(fd, target, 0, target.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_FILE_BYTES) throw new FileTooLargeError(name, total, false);
      chunks.push(first ? target.subarray(0, read) : Buffer.from(target.subarray(0, read)));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
}
