/**
 * Names shared by the client and the server, defined once: the settings and
 * the custom requests between them.
 */
import type { AddMissingScope } from './service/codeActions';
import type { SeverityOverrides } from './service/codes';
import type { RenderedBrief, RenderOptions } from './service/render';

/** The language id of briefs. */
export const BRIEF_LANGUAGE_ID = 'hire-yaml';

/** The language id of role profiles. */
export const PROFILE_LANGUAGE_ID = 'hire-profile-yaml';

/** The configuration section the server reads. */
export const SETTINGS_SECTION = 'hire';

/** The settings under `hire.` that the server uses. */
export interface HireSettings {
  readonly diagnostics?: {
    /** Per-code severity: `error | warning | information | hint | off`. */
    readonly severity?: SeverityOverrides;
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
  /** A server command (`workspace/executeCommand`): adds what the profile asks for; arguments: one `AddMissingArguments`. */
  addMissing: 'hire.addMissing',
} as const;

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
