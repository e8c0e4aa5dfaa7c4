/**
 * `@livret/lsu-xml`: the official LSU exchange format, both ways. `readLsuFile` decodes a file safely, validates
 * it against the official XSD and reads it into typed records; `writeLsuFile` writes records back. The mapping
 * between records and frozen bilans lives in `./mapping`.
 */
export type { CollegeFile } from './college/records.js';
export * as collegeRecords from './college/records.js';
export type { EcoleFile } from './ecole/records.js';
export * as ecoleRecords from './ecole/records.js';
export { DEFAULT_MAX_BYTES, decodeLsuText } from './envelope.js';
export { formatIssue, type LsuIssue } from './errors.js';
export { type CollegeExportInput, collegeFileFromFrozen, markToXml } from './mapping/college-export.js';
export { bilansOfCollegeFile, markOfXml } from './mapping/college-import.js';
export { bilansOfEcoleFile, type EcoleExportInput, ecoleFileFromFrozen } from './mapping/ecole.js';
export * from './mapping/imported-bilan.js';
export { type LsuFile, type ReadResult, readLsuFile, readLsuRecords } from './read.js';
export {
  COLLEGE_VERSIONS,
  type Degre,
  ECOLE_VERSIONS,
  LSU_NAMESPACE,
  validateAgainstSchema,
  xsdPath,
} from './validation/schema-validation.js';
export { writeLsuFile } from './write.js';
