/**
 * The shapes of the LSU import API (menu Bilans > Import): the request, the job's progress and the report
 * (synthèse d'import) kept in the database. One source of truth for the server, the web app and the e2e suite.
 */
import { z } from 'zod';

/** Sconet-Notes (partial data, completed in the app) or Éditeurs (complete bilans, imported locked). */
export const ImportModeSchema = z.enum(['sconet-notes', 'editeurs']);
export type ImportMode = z.infer<typeof ImportModeSchema>;

/** One problem found in the file itself (then nothing is imported). */
export const FileIssueSchema = z.object({
  element: z.string(),
  line: z.number().int().optional(),
  reason: z.string(),
});

/** What happened to one student's bilan (periodic, or de fin de cycle). */
export const StudentOutcomeSchema = z.object({
  /** «NOM Prénom» as the file gives it. */
  eleve: z.string(),
  /** Division (2D) or classe (1D) as the file gives it. */
  division: z.string(),
  /** «Trimestre 1» / «Fin de cycle 4». */
  bilan: z.string(),
  status: z.enum(['integre', 'rejete']),
  /** Why it was rejected (French). */
  reasons: z.array(z.string()),
  /** What the team should know (French); a warning never blocks. */
  warnings: z.array(z.string()),
});
export type StudentOutcome = z.infer<typeof StudentOutcomeSchema>;

/** The synthèse d'import. */
export const ImportReportSchema = z.object({
  summary: z.object({
    integrated: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
  }),
  /** Warnings about the file as a whole (periods, subjects, teachers without a teaching service…). */
  warnings: z.array(z.string()),
  /** Problems that made the whole file unreadable: nothing was imported. */
  fileIssues: z.array(FileIssueSchema),
  students: z.array(StudentOutcomeSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** An import job, as listed and polled by the UI. */
export const ImportJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mode: ImportModeSchema,
  status: z.enum(['running', 'done', 'failed']),
  /** 0..1, with the current step in French («Lecture du fichier», «Intégration des bilans 120/600»…). */
  progress: z.number().min(0).max(1),
  step: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdBy: z.string(),
  /** Present once the job is over (done or failed). */
  report: ImportReportSchema.nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
