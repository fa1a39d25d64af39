/**
 * The versions of a file that the Changes view compares, read through VS
 * Code's built-in Git extension (its API, version 1): the text at HEAD or at
 * a commit, and the commits that touched the file. Outside git, in a file git
 * does not track, or with Git disabled, it says why instead.
 */
import * as vscode from 'vscode';

/** The part of the Git extension's API (`vscode.git`, `getAPI(1)`) used here. */
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD?: { readonly commit?: string; readonly name?: string }; readonly onDidChange: vscode.Event<void> };
  show(ref: string, path: string): Promise<string>;
  log(options?: { readonly maxEntries?: number; readonly path?: string }): Promise<GitCommit[]>;
}

/** A commit of a file's history. */
export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** A version of the file to compare: its text and how the view names it. */
export interface Version {
  readonly text: string;
  readonly label: string;
}

/** What the Changes view compares: a base and, between two commits, the newer one; or why there is nothing to compare. */
export type Comparison =
  | { readonly base: Version; readonly current?: Version; readonly key: string }
  | { readonly notice: string; readonly key: string };

/** Which versions to compare: HEAD against the editor's text by default, or two commits (`to` absent: the editor's text), with their labels. */
export interface CompareRefs {
  readonly from: string;
  readonly fromLabel: string;
  readonly to?: string;
  readonly toLabel?: string;
}

/** What the view says when there is nothing to compare with. */
export const GIT_NOTICES = {
  noGit: 'Git is not available (the built-in Git extension is disabled or missing): there is no history to compare this file with.',
  outside: 'This file is not in a Git repository: there is no history to compare it with.',
  untracked: 'This file is not in HEAD yet (new or untracked): commit it, then Show Changes compares your edits with it.',
  notFile: 'The Changes view reads history through the Git extension, which works on files on disk: this one is unsaved or on a virtual file system.',
} as const;

/** How long to wait for the Git extension to find its repositories, at most. */
const GIT_READY_MS = 20_000;

/** The Git extension's API once it has found its repositories; undefined when Git is disabled or missing. */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports?.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, GIT_READY_MS);
      const listener = api.onDidChangeState((state) => state === 'initialized' && done());
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
  return api;
}

/** The repository of a file: one the Git extension has open, else the one it opens for the file's folder (a parent folder's repository too). */
async function repositoryOf(api: GitApi, uri: vscode.Uri): Promise<GitRepository | null> {
  return api.getRepository(uri) ?? (await api.openRepository?.(vscode.Uri.joinPath(uri, '..'))) ?? null;
}

/** Texts read at commits, by commit and file: a commit's text never changes, and the view asks again as the user types. */
const shown = new Map<string, string | undefined>();

/** The file's text at a commit (a full hash); undefined when the commit does not hold it. */
async function textAt(repository: GitRepository, commit: string, uri: vscode.Uri): Promise<string | undefined> {
  const key = `${commit} ${uri.toString()}`;
  if (shown.has(key)) return shown.get(key);
  let text: string | undefined;
  try {
    text = await repository.show(commit, uri.fsPath);
  } catch {
    text = undefined;
  }
  if (shown.size >= 100) shown.clear();
  shown.set(key, text);
  return text;
}

/** A commit as the view names it: its short hash and subject. */
export function commitLabel(commit: Pick<GitCommit, 'hash' | 'message'>): string {
  const subject = commit.message.split('\n')[0];
  return `${commit.hash.slice(0, 7)} (${subject.length > 50 ? `${subject.slice(0, 49)}…` : subject})`;
}

/** The versions the Changes view compares for a file, or what it says instead. */
export async function comparisonFor(uri: vscode.Uri, refs: CompareRefs | undefined): Promise<Comparison> {
  if (uri.scheme !== 'file') return { notice: GIT_NOTICES.notFile, key: 'not-file' };
  const api = await gitApi();
  if (!api) return { notice: GIT_NOTICES.noGit, key: 'no-git' };
  const repository = await repositoryOf(api, uri);
  if (!repository) return { notice: GIT_NOTICES.outside, key: 'outside' };
  if (refs) {
    const base = await textAt(repository, refs.from, uri);
    if (base === undefined) return { notice: `This file is not in commit ${refs.from.slice(0, 7)}.`, key: `missing ${refs.from}` };
    const fromLabel = refs.fromLabel;
    if (refs.to === undefined) return { base: { text: base, label: fromLabel }, key: `${refs.from}` };
    const current = await textAt(repository, refs.to, uri);
    if (current === undefined) return { notice: `This file is not in commit ${refs.to.slice(0, 7)}.`, key: `missing ${refs.to}` };
    return { base: { text: base, label: fromLabel }, current: { text: current, label: refs.toLabel ?? refs.to.slice(0, 7) }, key: `${refs.from} ${refs.to}` };
  }
  const head = repository.state.HEAD?.commit;
  if (!head) return { notice: GIT_NOTICES.untracked, key: 'no-head' };
  const text = await textAt(repository, head, uri);
  if (text === undefined) return { notice: GIT_NOTICES.untracked, key: `untracked ${head}` };
  return { base: { text, label: `HEAD (${head.slice(0, 7)})` }, key: head };
}

async function history(repository: GitRepository, uri: vscode.Uri): Promise<GitCommit[]> {
  return repository.log({ path: uri.fsPath, maxEntries: 200 });
}

/** The commits that touched a file, newest first; or what to say when there are none to pick from. */
export async function historyOf(uri: vscode.Uri): Promise<GitCommit[] | { readonly notice: string }> {
  if (uri.scheme !== 'file') return { notice: GIT_NOTICES.notFile };
  const api = await gitApi();
  if (!api) return { notice: GIT_NOTICES.noGit };
  const repository = await repositoryOf(api, uri);
  if (!repository) return { notice: GIT_NOTICES.outside };
  const commits = await history(repository, uri).catch(() => []);
  return commits.length === 0 ? { notice: GIT_NOTICES.untracked } : commits;
}

/** Calls `listener` when the repository of a file changes (a commit, a checkout); nothing outside git. */
export async function onRepositoryChange(uri: vscode.Uri, listener: () => void): Promise<vscode.Disposable | undefined> {
  if (uri.scheme !== 'file') return undefined;
  const api = await gitApi();
  const repository = api && (await repositoryOf(api, uri));
  return repository ? repository.state.onDidChange(listener) : undefined;
}
