/**
 * `@livret/domain`: the LSU model — nomenclatures, schemas of the bilans and of their frozen records, rules,
 * program element suggestions, freeze and canonical JSON. Pure, no I/O. The live document layout is
 * `@livret/domain/doc`, test fixtures `@livret/domain/testing`.
 */
export { canonicalJson } from './canonical-json.js';
export { draftBilan, type FreezeContext, freeze } from './freeze.js';
export * from './nomenclatures/index.js';
export { type NamedPerson, personName } from './person-name.js';
export type { CollegeSuggestionKey } from './programmes/siecle-disciplines.js';
export { type SuggestionQuery, suggestionsFor } from './programmes/suggestions.js';
export { millesimeOf, parisDay, readOnlyReason } from './rules/calendar.js';
export { type CellValueScope, cellValueError, textLimitOf } from './rules/cell-values.js';
export { type CompletenessInput, completenessReasons } from './rules/completeness.js';
export {
  type BilanSource,
  canLock,
  canUnlock,
  canWriteCell,
  type ReadOnlyReason,
  type StaffRole,
  type WriteDecision,
  type WriteRefusal,
  type Writer,
  type WriteScope,
} from './rules/permissions.js';
export { isVisibleToStaff, visiblePeriodicNiveaux } from './rules/visibility.js';
export * from './schemas/index.js';
