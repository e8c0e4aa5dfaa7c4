/**
 * Attestations (domain reference §6): dated per student, always visible to staff of later years.
 */

/** Attestations, code → label. */
export const attestations = {
  ASSR1: 'Attestation scolaire de sécurité routière de niveau 1',
  ASSR2: 'Attestation scolaire de sécurité routière de niveau 2',
  AER: 'Attestation de première éducation à la route',
  PSC1: 'Prévention et secours civiques de niveau 1',
  ASSN: 'Attestation scolaire « savoir-nager »',
  PIX: 'Certification Pix',
} as const;
/** Code of an attestation. */
export type CodeAttestation = keyof typeof attestations;
