/**
 * Names shared by the client and the server, defined once: the settings and
 * the custom requests between them.
 */
import type { SeverityOverrides } from './service/codes';

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
} as const;
