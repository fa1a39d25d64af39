/**
 * Names the service gives to its outputs, which the client and the server
 * use too: the language ids, the scheme of the built-in profiles, the code
 * action kind and command that add what a profile asks for, and the views
 * of the renderer. Defined here, in the service, and re-exported by
 * `protocol.ts`; this file imports nothing at run time, so the client can
 * import it without bundling any of the service.
 */
import type { AddMissingScope } from './codeActions';

/** The language id of briefs. */
export const BRIEF_LANGUAGE_ID = 'hire-yaml';

/** The language id of role profiles. */
export const PROFILE_LANGUAGE_ID = 'hire-profile-yaml';

/** The language id of scorecards. */
export const SCORECARD_LANGUAGE_ID = 'hire-score-yaml';

/** The URI scheme of the built-in role profiles, which the editor shows read-only (text from `hire/builtinProfile`). */
export const BUILTIN_PROFILE_SCHEME = 'hire-builtin';

/** The kind of the source action that adds everything the profile recommends (the server advertises it in `initialize`). */
export const ADD_MISSING_KIND = 'source.addMissing.hire';

/** The server command (`workspace/executeCommand`) that adds what the profile asks for; arguments: one `AddMissingArguments`. */
export const ADD_MISSING_COMMAND = 'hire.addMissing';

/** The argument of `ADD_MISSING_COMMAND`: the brief, and whether to add its missing questions, skills or everything. */
export interface AddMissingArguments {
  readonly uri: string;
  readonly scope: AddMissingScope;
}

/** The server command (`workspace/executeCommand`) that selects a range of an open document (the placeholder a quick fix names), through `window/showDocument`; arguments: one `SelectRangeArguments`. */
export const SELECT_RANGE_COMMAND = 'hire.selectRange';

/** The argument of `SELECT_RANGE_COMMAND`: the document and the range to select. */
export interface SelectRangeArguments {
  readonly uri: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/** The views of a brief: the candidate-facing posting and the interviewers' kit. */
export const RENDER_VIEWS = ['posting', 'kit'] as const;
/** A view of a brief. */
export type RenderView = (typeof RENDER_VIEWS)[number];
