/**
 * The model layer, between the parse and the features: a brief and a profile
 * document as typed data that keeps its YAML nodes. Start at `brief.ts`:
 * which profile a brief uses, and its skills and questions over that profile's;
 * `scorecard.ts` is a scorecard and what it reads of its brief; `shown.ts` is a
 * brief as the renderer shows it, read leniently by `values.ts`.
 */
export * from './brief';
export * from './nodes';
export * from './profile';
export * from './scorecard';
export * from './shown';
export * from './values';
