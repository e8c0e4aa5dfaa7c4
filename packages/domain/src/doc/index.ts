/**
 * `@livret/domain/doc`: the layout of a class's live document (Contract 1 of the brief) and its typed helpers.
 * Components and the server never touch raw keys: they go through these functions. One module per part.
 */
export { appreciationText, getAppreciation, setAppreciation } from './appreciations.js';
export {
  type Cell,
  type CellSection,
  cellKey,
  cellOf,
  classDocName,
  parseClassDocName,
  roots,
  type VieScolaireField,
  vieScolaireFields,
} from './cells.js';
export {
  type InvalidValueCode,
  InvalidValueError,
  limits,
  syntheseLimit,
  textLength,
} from './limits.js';
export { clearLock, getLock, isLockInfo, type LockInfo, lockedStudentIds, setLock } from './locks.js';
export { observeClassDoc } from './observe.js';
export {
  getPositionnement,
  isPositionnementValue,
  type PositionnementValue,
  positionnementsOf,
  setPositionnement,
} from './positioning.js';
export {
  type PresenceFocus,
  type PresenceState,
  presenceColorOf,
  presenceColors,
  presenceFocusOf,
} from './presence.js';
export {
  getProgramElements,
  insertProgramElement,
  moveProgramElement,
  removeProgramElement,
  updateProgramElement,
} from './program-elements.js';
export { readRefusal, refusalReason, type SyncRefusal } from './refusal.js';
export { getSynthese, setSynthese, syntheseText } from './synthese.js';
export { insertWithinLimit, replaceText } from './text-edit.js';
export { getVieScolaire, isVieScolaireValue, setVieScolaireField, type VieScolaire } from './vie-scolaire.js';
