/**
 * The two kinds of documents the service reads, told apart by language id
 * or file name: briefs (`*.hire.yaml`) and role profiles (`*.hire-profile.yaml`).
 */
import { PROFILE_LANGUAGE_ID } from './names';

/** File name ending of briefs. */
export const BRIEF_SUFFIX = '.hire.yaml';

/** File name ending of role profiles. */
export const PROFILE_SUFFIX = '.hire-profile.yaml';

/** Whether a document is a role profile rather than a brief. */
export function isProfileDocument(document: { readonly uri: string; readonly languageId?: string }): boolean {
  return document.languageId === PROFILE_LANGUAGE_ID || document.uri.endsWith(PROFILE_SUFFIX);
}
