/**
 * `hire check DIR` and the language server's workspace index search a
 * folder the same way (server/src/folders.ts): the same files found, with
 * symbolic links in and out of the folder, folders that are never searched,
 * and a file too large to read. Build first (`npm run build`).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { MAX_FILE_BYTES } from '../../server/src/service/limits';
import { diskFiles } from '../../server/src/diskFiles';
import { WorkspaceIndex } from '../../server/src/workspace';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'hire-folders-')));
after(() => rmSync(base, { recursive: true, force: true }));

const brief = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
const profile = 'id: team-role\ntitle: Team role\nextends: production-coordinator\n';

/** The folder searched, with a folder beside it that links lead out to. */
const folder = path.join(base, 'briefs');
const outside = path.join(base, 'outside');
for (const dir of [folder, outside, path.join(folder, 'nested'), path.join(folder, 'node_modules/pkg'), path.join(folder, '.git')]) mkdirSync(dir, { recursive: true });
writeFileSync(path.join(folder, 'a.hire.yaml'), brief);
writeFileSync(path.join(folder, 'nested/b.hire.yaml'), brief);
writeFileSync(path.join(folder, 'team.hire-profile.yaml'), profile);
writeFileSync(path.join(folder, 'notes.yaml'), 'not: a brief\n');
writeFileSync(path.join(folder, 'node_modules/pkg/skipped.hire.yaml'), brief);
writeFileSync(path.join(folder, '.git/skipped.hire.yaml'), brief);
writeFileSync(path.join(outside, 'away.hire.yaml'), brief);
// A file over the byte bound: found by both, read by neither (sparse, so cheap to make).
writeFileSync(path.join(folder, 'huge.hire.yaml'), '');
truncateSync(path.join(folder, 'huge.hire.yaml'), MAX_FILE_BYTES + 1);
// Links: to a file inside (followed), to a file outside, to a folder inside and to one outside (none followed), dangling.
symlinkSync(path.join(folder, 'a.hire.yaml'), path.join(folder, 'inside-link.hire.yaml'));
symlinkSync(path.join(outside, 'away.hire.yaml'), path.join(folder, 'outside-link.hire.yaml'));
symlinkSync(path.join(folder, 'nested'), path.join(folder, 'nested-link'));
symlinkSync(outside, path.join(folder, 'outside-folder-link'));
symlinkSync(path.join(folder, 'gone.hire.yaml'), path.join(folder, 'dangling.hire.yaml'));

/** What `hire check --format json DIR` reports: absolute paths, sorted, and the code of each file's first finding. */
function checked(): Map<string, string | undefined> {
  const run = hire(['check', '--format', 'json', folder]);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] };
  return new Map(report.files.map((file) => [path.resolve(file.path), file.diagnostics.find((diagnostic) => /too large/.test(diagnostic.message))?.code]));
}

describe('hire check and the workspace index search folders alike', () => {
  it('find the same briefs and profiles', async () => {
    const cli = checked();
    const server = await diskFiles.find([pathToFileURL(folder).href], []);
    const expected = ['a.hire.yaml', 'huge.hire.yaml', 'inside-link.hire.yaml', 'nested/b.hire.yaml', 'team.hire-profile.yaml'].map((file) => path.join(folder, file)).sort();
    assert.deepEqual([...cli.keys()].sort(), expected);
    assert.deepEqual(server.files.map((uri) => fileURLToPath(uri)).sort(), expected);
    assert.deepEqual(server.notes, []);
  });

  it('read neither the file over the byte bound', async () => {
    assert.match(String(checked().get(path.join(folder, 'huge.hire.yaml'))), /./);
    const index = new WorkspaceIndex({ get: () => undefined, all: () => [] }, diskFiles);
    const found = await index.find([pathToFileURL(folder).href]);
    await index.replace(found);
    const huge = pathToFileURL(path.join(folder, 'huge.hire.yaml')).href;
    assert.equal(index.oversizedFile(huge)?.size, MAX_FILE_BYTES + 1);
    assert.equal(index.onDisk(huge), undefined);
    assert.equal(index.onDisk(pathToFileURL(path.join(folder, 'inside-link.hire.yaml')).href)?.getText(), brief.replace(/^\uFEFF/, ''));
  });
});
