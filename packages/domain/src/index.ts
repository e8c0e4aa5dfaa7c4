/** `@livret/domain`: the LSU model — nomenclatures, schemas of the bilans, rules, freeze. Pure, no I/O. */
export { canonicalJson } from './canonical-json.js';
export { draftBilan, type FreezeContext, freeze } from './freeze.js';
export * from './frozen/schemas.js';
export * from './nomenclatures/domaines-1d.js';
export * from './nomenclatures/lsu.js';
export * from './nomenclatures/positioning.js';
export { suggestionsFor } from './programmes/suggestions.js';
export { canEnterData, isPastYear, millesimeOf } from './rules/calendar.js';
export { completenessReasons, isComplete } from './rules/completeness.js';
export {
  canLock,
  canUnlock,
  canWriteCell,
  type StaffRole,
  type WriteDecision,
  type Writer,
  type WriteScope,
} from './rules/permissions.js';
export { isVisibleToStaff, visiblePeriodicNiveaux } from './rules/visibility.js';
