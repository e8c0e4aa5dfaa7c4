/** The API shapes of the éditions (PDF of the locked bilans): what a client sends and what it reads back. */
import { z } from 'zod';

/** One merged PDF, or a zip of one PDF per student. */
export const EditionFormatSchema = z.enum(['pdf', 'zip']);
export type EditionFormat = z.infer<typeof EditionFormatSchema>;

/**
 * What to print: a class and a period, a period for the whole school (`periodId` only), or the whole school's
 * current year with the bilans de fin de cycle (neither) — the same scopes as the LSU export.
 */
export const StartEditionSchema = z.object({
  classId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  format: EditionFormatSchema,
});
export type StartEdition = z.infer<typeof StartEditionSchema>;

/** An édition as the API shows it. */
export interface EditionJob {
  id: string;
  format: EditionFormat;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0–1. */
  progress: number;
  /** What the job does now, in French. */
  step: string;
  /** Number of bilans. */
  total: number;
  /** «3e A — Trimestre 1», «Trimestre 1 — tout l'établissement», «Tout l'établissement». */
  scope: string;
  fileName: string;
  /** The size of the file made, when done. */
  size: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string;
}
