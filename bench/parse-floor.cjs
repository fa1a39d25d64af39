/**
 * The floor of `hire check`: what reading and parsing the same files costs
 * with nothing else. `node bench/parse-floor.cjs <folder> <threads>` reads
 * every `*.hire.yaml` under the folder and runs `YAML.parseDocument` on it,
 * on this thread and `threads - 1` worker threads that take the next file
 * from a shared counter, as `hire check` shares its files.
 */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { isMainThread, Worker, workerData } = require('node:worker_threads');
const YAML = require('yaml');

/** Parses the files this thread takes from the shared counter until none is left. */
function parseFiles({ files, next }) {
  for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) YAML.parseDocument(readFileSync(files[index], 'utf8'));
}

/** The briefs under a folder. */
function briefsUnder(folder, files = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) briefsUnder(full, files);
    else if (entry.name.endsWith('.hire.yaml')) files.push(full);
  }
  return files;
}

if (isMainThread) {
  const [folder, threads = '1'] = process.argv.slice(2);
  const job = { files: briefsUnder(folder), next: new Int32Array(new SharedArrayBuffer(4)) };
  for (let worker = 1; worker < Number(threads); worker++) new Worker(__filename, { workerData: job });
  parseFiles(job);
} else {
  parseFiles(workerData);
}
