/**
 * Names shared by the client and the server, defined once: the settings and
 * the custom requests between them, each request declared as a typed
 * `RequestType` that the client, the server and the tests all use. Nothing
 * here brings the service's code into the client: its imports from the
 * service are types, and the few names in `service/names.ts`.
 */
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { SeverityOverrides } from './service/codes';
import type { ChangesParams, ChangesResult } from './service/diff';
import { ADD_MISSING_COMMAND, SELECT_RANGE_COMMAND } from './service/names';
import type { CandidatesOptions, CandidatesView } from './service/languageService';
import type { BriefOverview } from './service/overview';
import type { RenderedBrief, RenderOptions } from './service/render';

// The names the service gives its outputs are defined in the service (which never imports this module).
export {
  ADD_MISSING_KIND,
  BRIEF_LANGUAGE_ID,
  BUILTIN_PROFILE_SCHEME,
  PROFILE_LANGUAGE_ID,
  RENDER_VIEWS,
  SCORECARD_LANGUAGE_ID,
  type AddMissingArguments,
  type RenderView,
  type SelectRangeArguments,
} from './service/names';

/** The configuration section the server reads. */
export const SETTINGS_SECTION = 'hire';

/** The settings under `hire.` that the server uses. */
export interface HireSettings {
  readonly diagnostics?: {
    /** Per-code severity: `error | warning | information | hint | off`. */
    readonly severity?: SeverityOverrides;
  };
  readonly profiles?: {
    /** Extra folders (searched for `*.hire-profile.yaml`) and profile files; relative to each workspace folder. */
    readonly paths?: readonly string[];
  };
}

/** Command ids, contributed in package.json and used by both sides. */
export const COMMANDS = {
  restartServer: 'hire.restartServer',
  openPreview: 'hire.openPreview',
  openPreviewToSide: 'hire.openPreviewToSide',
  togglePreviewView: 'hire.togglePreviewView',
  togglePreviewLock: 'hire.togglePreviewLock',
  exportHtml: 'hire.exportHtml',
  exportMarkdown: 'hire.exportMarkdown',
  /** Reloads the "Hiring Briefs" view. */
  refreshBriefs: 'hire.refreshBriefs',
  /** Opens the preview of a brief of the "Hiring Briefs" view (its inline button); argument: the view's item. */
  previewBrief: 'hire.previewBrief',
  /** Opens a new, untitled brief for a profile (the server's scaffold). */
  newBrief: 'hire.newBrief',
  /** Writes a new scorecard for the active brief (the server's scaffold) and opens it; argument: optional `NewScorecardArguments` of the client. */
  newScorecard: 'hire.newScorecard',
  /** Shows what changed in a brief since HEAD, by meaning, in the preview panel (argument: the brief's URI, else the active editor's). */
  showChanges: 'hire.showChanges',
  /** Shows what changed in a brief between two commits of its history, picked from a list. */
  compareCommits: 'hire.compareCommits',
  /** A server command (`workspace/executeCommand`): adds what the profile asks for; arguments: one `AddMissingArguments`. */
  addMissing: ADD_MISSING_COMMAND,
  /** A server command: selects a range of an open document (the placeholder a quick fix names), through `window/showDocument`; arguments: one `SelectRangeArguments`. */
  selectRange: SELECT_RANGE_COMMAND,
} as const;

/** The setting, under `hire.`, that shows the rate in the job posting (the client sends it with each render). */
export const SHOW_RATE_SETTING = 'preview.showRate';


/** The parameters of `hire/render`: the brief, and what to render. */
export interface RenderParams extends RenderOptions {
  readonly uri: string;
}

/** The result of `hire/render`: null when the server does not have the brief or can read nothing of it. */
export type RenderResult = RenderedBrief | null;

/** The parameters of `hire/candidates`: the brief, and the format (an HTML fragment for the preview; the page or Markdown to export). */
export interface CandidatesParams extends CandidatesOptions {
  readonly uri: string;
}

/** The result of `hire/candidates`: null when the server does not have the brief or it is no brief. */
export type CandidatesResult = CandidatesView | null;

/** The parameters of `hire/changes`: the document, the base text and its label, and optionally another text to compare instead of the document's. */
export interface ChangesRequestParams extends ChangesParams {
  readonly uri: string;
}

/** The result of `hire/changes`: null when the server does not have the document. */
export type ChangesRequestResult = ChangesResult | null;

/** The parameters of `hire/newBrief`: the profile (the built-in one by default) and the role's title. */
export interface NewBriefParams {
  readonly profile?: string;
  readonly role?: string;
}

/** The result of `hire/newBrief`: null when the server knows no such profile. */
export type NewBriefResult = { readonly text: string; readonly profile: string } | null;


/** The result of `hire/workspaceBriefs`: each brief's role, profile and what it lacks, sorted by URI. */
export type WorkspaceBriefsResult = BriefOverview[];


/** The parameters of `hire/builtinProfile`: the profile's `hire-builtin:` URI. */
export interface BuiltinProfileParams {
  readonly uri: string;
}

/** The result of `hire/builtinProfile`: null for a URI that names no built-in profile. */
export type BuiltinProfileResult = string | null;

/** The parameters of `hire/newScorecard`: the brief's URI and the new scorecard's, who is interviewed and by whom. */
export interface NewScorecardParams {
  readonly brief: string;
  readonly scorecard: string;
  readonly candidate: string;
  readonly interviewer: string;
  readonly stage?: string;
}

/** The result of `hire/newScorecard`: null when the brief cannot be read as one. */
export type NewScorecardResult = { readonly text: string } | null;

/** `hire/render`: the server renders a brief it has open, for the preview and the exports. */
export namespace RenderRequest {
  export const method = 'hire/render';
  export const type = new RequestType<RenderParams, RenderResult, void>(method);
}

/**
 * `hire/candidates`: the Candidates view of a brief, from the scorecards that
 * name it (the open ones first, then those of the workspace on disk): the
 * comparison of `hire compare`.
 */
export namespace CandidatesRequest {
  export const method = 'hire/candidates';
  export const type = new RequestType<CandidatesParams, CandidatesResult, void>(method);
}

/** `hire/newBrief`: the text of a new brief for a profile (the scaffold of `hire new`). */
export namespace NewBriefRequest {
  export const method = 'hire/newBrief';
  export const type = new RequestType<NewBriefParams | undefined, NewBriefResult, void>(method);
}

/** `hire/workspaceBriefs`: every brief of the workspace, for the "Hiring Briefs" view; no parameters. */
export namespace WorkspaceBriefsRequest {
  export const method = 'hire/workspaceBriefs';
  export const type = new RequestType0<WorkspaceBriefsResult, void>(method);
}

/** `hire/builtinProfile`: the text of a built-in profile, for the read-only document of its `hire-builtin:` URI. */
export namespace BuiltinProfileRequest {
  export const method = 'hire/builtinProfile';
  export const type = new RequestType<BuiltinProfileParams, BuiltinProfileResult, void>(method);
}

/** `hire/newScorecard`: the text of a new scorecard for a brief the server can read (the scaffold of `hire new --scorecard`). */
export namespace NewScorecardRequest {
  export const method = 'hire/newScorecard';
  export const type = new RequestType<NewScorecardParams, NewScorecardResult, void>(method);
}

/** `hire/changes`: the Changes view of a brief or profile the server has open, against a base text (from git), or between two texts. */
export namespace ChangesRequest {
  export const method = 'hire/changes';
  export const type = new RequestType<ChangesRequestParams, ChangesRequestResult, void>(method);
}

/**
 * `hire/findFiles`, sent by the server to the client: the briefs and profiles
 * of the workspace folders, and the profiles of `hire.profiles.paths`. Only
 * the browser's server sends it (it cannot read a disk); the client finds
 * them with `vscode.workspace.findFiles`.
 */
export namespace FindFilesRequest {
  export const method = 'hire/findFiles';
  export const type = new RequestType<FindFilesParams, FindFilesResult, void>(method);
}

/** The parameters of `hire/findFiles`: the workspace folders (URIs) and the `hire.profiles.paths` setting. */
export interface FindFilesParams {
  readonly folders: readonly string[];
  readonly paths: readonly string[];
}

/** The result of `hire/findFiles`: URIs, sorted, of the files of the folders and of the profiles outside them, and a line for each search cut short or path not used. */
export interface FindFilesResult {
  readonly files: readonly string[];
  readonly external: readonly string[];
  readonly notes: readonly string[];
}

/** `hire/readFile`, sent by the server to the client (the browser's server only): a file's text, read with `vscode.workspace.fs`. */
export namespace ReadFileRequest {
  export const method = 'hire/readFile';
  export const type = new RequestType<ReadFileParams, ReadFileResult, void>(method);
}

/** The parameters of `hire/readFile`: the file's URI, and the sizes beyond which it is not read or not kept. */
export interface ReadFileParams {
  readonly uri: string;
  /** A larger file is not read: its size in bytes is the answer. */
  readonly maxBytes: number;
  /** A longer text is not kept: its length in UTF-16 code units is the answer. */
  readonly maxLength: number;
}

/**
 * The result of `hire/readFile`: the text (without a BOM); its size when it
 * is too large to read (bytes, over `maxBytes`) or to keep (UTF-16 code
 * units, over `maxLength`); null when it is not a file or cannot be read.
 */
export type ReadFileResult = string | number | null;
