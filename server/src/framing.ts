/**
 * A check of the LSP base protocol's framing on a byte stream (`--stdio`,
 * `--socket`, `--pipe`): each message is header lines, a blank line, then
 * `Content-Length` bytes of body. vscode-jsonrpc's reader stops reading for
 * good at a header it cannot use (`Content-Length: abc`, `-5`, no length),
 * and after that no message can be told from the next. This watches the same
 * bytes beside it and reports the first such header, so that the server can
 * end with an error (the client restarts it) instead of never answering again.
 */
import type { Readable } from 'node:stream';

/** The longest header block read before it counts as malformed. */
const MAX_HEADER_BYTES = 8 * 1024;

const SEPARATOR = Buffer.from('\r\n\r\n');

/** The body length a header block (its text without the blank line) gives, or what is wrong with it. */
export function readHeader(header: string): { readonly length: number } | { readonly problem: string } {
  let length: string | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return { problem: `a header line without ':' (${JSON.stringify(line.slice(0, 80))})` };
    // As vscode-jsonrpc reads it: the key as written (lower-cased), the value trimmed.
    if (line.slice(0, colon).toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
  }
  if (length === undefined) return { problem: 'a header without Content-Length' };
  // vscode-jsonrpc reads the length with parseInt: accept what it reads as a length, nothing else.
  const value = Number.parseInt(length, 10);
  if (!Number.isSafeInteger(value) || value < 0) return { problem: `Content-Length: ${JSON.stringify(length.slice(0, 80))} is not a length` };
  return { length: value };
}

/** Calls `onMalformed` once, at the first header on the stream that the protocol reader cannot use. */
export function watchFraming(stream: Readable, onMalformed: (problem: string) => void): void {
  let pending: Buffer = Buffer.alloc(0);
  /** Body bytes still to skip. */
  let body = 0;
  let failed = false;
  stream.on('data', (chunk: Buffer | string) => {
    if (failed) return;
    let data: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (;;) {
      if (body > 0) {
        const skipped = Math.min(body, data.length);
        body -= skipped;
        data = data.subarray(skipped);
        if (body > 0) return;
      }
      if (data.length === 0) return;
      pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
      data = Buffer.alloc(0);
      const end = pending.indexOf(SEPARATOR);
      if (end < 0) {
        if (pending.length <= MAX_HEADER_BYTES) return;
        failed = true;
        return onMalformed(`no blank line after ${MAX_HEADER_BYTES} bytes of header`);
      }
      const header = readHeader(pending.subarray(0, end).toString('ascii'));
      if ('problem' in header) {
        failed = true;
        return onMalformed(header.problem);
      }
      body = header.length;
      data = pending.subarray(end + SEPARATOR.length);
      pending = Buffer.alloc(0);
    }
  });
}
