/**
 * `@livret/domain/doc`: the layout of a class's live document and its typed helpers. Components and the
 * server never touch raw keys: they go through these functions.
 */
export {
  type Cell,
  cellOf,
  classDocName,
  parseClassDocName,
  roots,
  type VieScolaireField,
  vieScolaireFields,
} from './cells.js';
export { InvalidValueError, limits } from './limits.js';
export { clearLock, getLock, type LockInfo, lockedStudentIds, setLock } from './locks.js';
export { observeClassDoc } from './observe.js';
export {
  getPositionnement,
  isPositionnementValue,
  type PositionnementValue,
  positionnementsOf,
  setPositionnement,
} from './positioning.js';
export {
  getProgramElements,
  insertProgramElement,
  moveProgramElement,
  removeProgramElement,
  updateProgramElement,
} from './program-elements.js';
export { appreciationText, syntheseText } from './texts.js';
export { getVieScolaire, isVieScolaireValue, setVieScolaireField, type VieScolaire } from './vie-scolaire.js';
