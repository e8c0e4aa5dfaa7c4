/** The LSU nomenclatures with their official labels, one module per concept. */
export * from './attestations.js';
export * from './class-settings.js';
export * from './competences-numeriques.js';
export * from './domaines-1d.js';
export * from './enseignements-complement.js';
export * from './epi.js';
export * from './langues-regionales.js';
export * from './modalites.js';
export * from './niveaux.js';
export * from './parcours.js';
export * from './positioning.js';
export * from './socle.js';
