/** Runtime schemas of the bilans and of their frozen records (zod 4), with the inferred types. */
export * from './bilan-fin-cycle.js';
export * from './bilan-periodique.js';
export type { Person, Teacher } from './common.js';
