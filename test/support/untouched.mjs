#!/usr/bin/env node
// Runs a command (the chain of `npm test`) and fails if it left the repository
// changed: a tracked file modified or deleted, or a new file that git does not
// ignore. It compares with the state before the command, so local edits a
// developer has not committed are not counted, only what the run changed:
// each path `git status` lists, with its status and the hash of its content.
// The check runs whether the command passed or failed (a failed run is when a
// test is most likely to leave an edit behind).
//
// Usage: node test/support/untouched.mjs <command> [args...]
// Exit:  the command's exit code when it fails; otherwise 1 if the repository
//        changed, 0 if not.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const say = (message) => console.error(`[untouched] ${message}`);

/** `git status` of the working tree: path -> "XY <content hash>" for every changed or new, not ignored, path. */
export function repositoryState() {
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], { cwd: root, encoding: 'utf8' });
  if (status.status !== 0) throw new Error(`git status failed: ${status.stderr}`);
  const state = new Map();
  for (const entry of status.stdout.split('\0').filter(Boolean)) {
    const code = entry.slice(0, 2);
    const file = entry.slice(3);
    state.set(file, `${code} ${contentHash(path.join(root, file))}`);
  }
  return state;
}

/** A hash of a file's bytes (of a symlink's target path), or what stands there instead. */
function contentHash(file) {
  let stat;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return 'absent';
  }
  if (stat.isSymbolicLink()) return `link ${fs.readlinkSync(file)}`;
  if (!stat.isFile()) return stat.isDirectory() ? 'folder' : 'other';
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
}

/** What changed between two states, one line per path. */
export function changes(before, after) {
  const lines = [];
  for (const [file, now] of after) {
    const was = before.get(file);
    if (was === undefined) lines.push(`${now.slice(0, 2) === '??' ? 'new' : 'changed'}: ${file} (${now.slice(0, 2).trim()})`);
    else if (was !== now) lines.push(`changed: ${file} (${was.slice(0, 2).trim()} before, ${now.slice(0, 2).trim()} now${was.slice(3) !== now.slice(3) ? ', other content' : ''})`);
  }
  for (const [file, was] of before) {
    if (!after.has(file)) lines.push(`back as committed after the run (a local change undone?): ${file} (was ${was.slice(0, 2).trim()})`);
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node test/support/untouched.mjs <command> [args...]');
    process.exit(2);
  }
  const before = repositoryState();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const changed = changes(before, repositoryState());
  if (changed.length) {
    say(`the run changed the repository (compared with git status before it):\n  ${changed.join('\n  ')}`);
  } else {
    say(`the repository is as it was before the run (${before.size} ${before.size === 1 ? 'path' : 'paths'} with local changes, none touched)`);
  }
  const code = run.error ? 1 : (run.status ?? 1);
  if (run.error) say(`could not run ${command}: ${run.error.message}`);
  process.exit(code !== 0 ? code : changed.length ? 1 : 0);
}
