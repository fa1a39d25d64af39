/**
 * The kinds of documents the service reads, told apart by language id or
 * file name: briefs (`*.hire.yaml`), role profiles (`*.hire-profile.yaml`)
 * and scorecards (`*.hire-score.yaml`).
 */
import { PROFILE_LANGUAGE_ID, SCORECARD_LANGUAGE_ID } from './names';

/** File name ending of briefs. */
export const BRIEF_SUFFIX = '.hire.yaml';

/** File name ending of role profiles. */
export const PROFILE_SUFFIX = '.hire-profile.yaml';

/** File name ending of scorecards. */
export const SCORECARD_SUFFIX = '.hire-score.yaml';

/** Whether a document is a role profile rather than a brief. */
export function isProfileDocument(document: { readonly uri: string; readonly languageId?: string }): boolean {
  return document.languageId === PROFILE_LANGUAGE_ID || document.uri.endsWith(PROFILE_SUFFIX);
}

/** Whether a document is a scorecard. */
export function isScorecardDocument(document: { readonly uri: string; readonly languageId?: string }): boolean {
  return document.languageId === SCORECARD_LANGUAGE_ID || document.uri.endsWith(SCORECARD_SUFFIX);
}
