/**
 * A scorecard with its brief: what every scorecard feature reads. The brief
 * comes from the host (an open document or a file), through `BriefReader`:
 * the service reads nothing itself.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { briefForScoring, readScorecard, resolveBriefUri, type BriefForScoring, type Scorecard } from '../model/scorecard';
import type { ParsedDocument } from '../parse';
import type { ProfileRegistry } from '../profiles';

/** Gives the service the document of a brief by URI (an open document, else the file), or undefined when there is none to read. */
export type BriefReader = (uri: string) => TextDocument | undefined;

/** The brief of a scorecard, as far as it could be found. */
export interface ScorecardBrief {
  /** The URI `brief` resolves to; undefined when it cannot be resolved (an untitled scorecard). */
  readonly uri?: string;
  /** The brief's document; undefined when nothing could be read there. */
  readonly document?: TextDocument;
  readonly parsed?: ParsedDocument;
  /** What the scorecard reads of it; undefined when it is no brief (its root is not a mapping). */
  readonly facts?: BriefForScoring;
}

/** A scorecard document, its model and its brief. */
export interface ScorecardContext {
  readonly document: TextDocument;
  readonly parsed: ParsedDocument;
  /** Undefined when the root is not a mapping. */
  readonly card?: Scorecard;
  /** Undefined when the scorecard names no brief. */
  readonly brief?: ScorecardBrief;
}

/** Builds the context of a scorecard: its model, and its brief read through `readBrief` and parsed with `parse`. */
export function scorecardContext(
  document: TextDocument,
  parse: (document: TextDocument) => ParsedDocument,
  readBrief: BriefReader | undefined,
  profiles: ProfileRegistry,
): ScorecardContext {
  const parsed = parse(document);
  const card = readScorecard(parsed);
  if (!card?.brief) return { document, parsed, card };
  const uri = resolveBriefUri(document.uri, card.brief.path);
  const briefDocument = uri === undefined || uri === document.uri ? undefined : readBrief?.(uri);
  if (!briefDocument) return { document, parsed, card, brief: { uri } };
  const briefParsed = parse(briefDocument);
  return { document, parsed, card, brief: { uri, document: briefDocument, parsed: briefParsed, facts: briefForScoring(briefParsed, profiles) } };
}
