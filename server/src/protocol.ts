/**
 * Names shared by the client and the server, defined once: the settings and
 * the custom requests between them.
 */
import type { AddMissingScope } from './service/codeActions';
import type { SeverityOverrides } from './service/codes';
import type { BriefOverview } from './service/overview';
import type { RenderedBrief, RenderOptions } from './service/render';

/** The language id of briefs. */
export const BRIEF_LANGUAGE_ID = 'hire-yaml';

/** The language id of role profiles. */
export const PROFILE_LANGUAGE_ID = 'hire-profile-yaml';

/** The URI scheme of the built-in role profiles, which the editor shows read-only (text from `hire/builtinProfile`). */
export const BUILTIN_PROFILE_SCHEME = 'hire-builtin';

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

/** The kind of the source action that adds everything the profile recommends (the server advertises it in `initialize`). */
export const ADD_MISSING_KIND = 'source.addMissing.hire';

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
  /** A server command (`workspace/executeCommand`): adds what the profile asks for; arguments: one `AddMissingArguments`. */
  addMissing: 'hire.addMissing',
  /** A server command: selects a range of an open document (the placeholder a quick fix names), through `window/showDocument`; arguments: one `SelectRangeArguments`. */
  selectRange: 'hire.selectRange',
} as const;

/** The argument of `COMMANDS.selectRange`: the document and the range to select. */
export interface SelectRangeArguments {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/** The argument of `COMMANDS.addMissing`: the brief, and whether to add its missing questions, skills or everything. */
export interface AddMissingArguments {
  readonly uri: string;
  readonly scope: AddMissingScope;
}

/** The setting, under `hire.`, that shows the rate in the job posting (the client sends it with each render). */
export const SHOW_RATE_SETTING = 'preview.showRate';

/** `hire/render`: the server renders a brief it has open, for the preview and the exports. */
export const RENDER_REQUEST = 'hire/render';

/** The parameters of `hire/render`: the brief, and what to render. */
export interface RenderParams extends RenderOptions {
  readonly uri: string;
}

/** The result of `hire/render`: null when the server does not have the brief or can read nothing of it. */
export type RenderResult = RenderedBrief | null;

/** `hire/newBrief`: the text of a new brief for a profile (the scaffold of `hire new`). */
export const NEW_BRIEF_REQUEST = 'hire/newBrief';

/** The parameters of `hire/newBrief`: the profile (the built-in one by default) and the role's title. */
export interface NewBriefParams {
  readonly profile?: string;
  readonly role?: string;
}

/** The result of `hire/newBrief`: null when the server knows no such profile. */
export type NewBriefResult = { readonly text: string; readonly profile: string } | null;

/** `hire/workspaceBriefs`: every brief of the workspace, for the "Hiring Briefs" view; no parameters. */
export const WORKSPACE_BRIEFS_REQUEST = 'hire/workspaceBriefs';

/** The result of `hire/workspaceBriefs`: each brief's role, profile and what it lacks, sorted by URI. */
export type WorkspaceBriefsResult = BriefOverview[];

/** `hire/builtinProfile`: the text of a built-in profile, for the read-only document of its `hire-builtin:` URI. */
export const BUILTIN_PROFILE_REQUEST = 'hire/builtinProfile';

/** The parameters of `hire/builtinProfile`: the profile's `hire-builtin:` URI. */
export interface BuiltinProfileParams {
  readonly uri: string;
}

/** The result of `hire/builtinProfile`: null for a URI that names no built-in profile. */
export type BuiltinProfileResult = string | null;
