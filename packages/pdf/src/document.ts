/**
 * Whole documents: one student's bilan, or many bilans in one file (each student's part starting on a new page,
 * with its own footer and page numbers). Everything printed comes from the frozen record and its hash: the
 * metadata dates are the freezing date, the producer is fixed, so the same frozen bilan gives the same bytes.
 */
import {
  type FrozenBilanFinCycle,
  FrozenBilanFinCycleSchema,
  type FrozenBilanPeriodique,
  FrozenBilanPeriodiqueSchema,
} from '@livret/domain';
import type { Content, ContentNode, DocumentDefinition, DocumentInfo, PageFunction } from './definition.js';
import { FONT_FAMILY } from './fonts.js';
import { fileNameOf, schoolYear, studentName } from './format.js';
import { bilanPeriodiqueContent } from './layouts/bilan-periodique.js';
import { bilanFinCycleContent } from './layouts/fin-de-cycle.js';

/** A frozen bilan of either kind. */
export type FrozenBilan = FrozenBilanPeriodique | FrozenBilanFinCycle;

/** A frozen bilan and the SHA-256 of its canonical JSON (the version's `contentHash`). */
export interface PrintableBilan {
  bilan: FrozenBilan;
  hash: string;
  /**
   * A preview of a bilan not locked yet (the live state frozen for a look, stored nowhere): every page carries
   * the watermark and the footer mention «Aperçu — non verrouillé», no version or hash is printed, and the
   * closing of a bilan périodique says it is not locked (instead of when and by whom it was).
   */
  draft?: boolean;
}

/** What a draft says on every page, so a preview printed or forwarded is never taken for the bilan. */
export const DRAFT_MENTION = 'Aperçu — non verrouillé';

/** What a batch document says of itself (its title, and the school as author). */
export interface BatchInfo {
  title: string;
  author: string;
}

/**
 * Validates stored content as a frozen bilan of either kind (only a real frozen bilan is printed).
 * @example const bilan = parseFrozenBilan(row.content);
 */
export function parseFrozenBilan(content: unknown): FrozenBilan {
  const format = (content as { format?: unknown } | null)?.format;
  return format === 'livret/bilan-fin-cycle'
    ? FrozenBilanFinCycleSchema.parse(content)
    : FrozenBilanPeriodiqueSchema.parse(content);
}

/** «Trimestre 1 2026-2027» or «fin de cycle 4 2026-2027». */
function periodOf(bilan: FrozenBilan): string {
  const name = bilan.format === 'livret/bilan-fin-cycle' ? `Fin de cycle ${bilan.cycle}` : bilan.period.label;
  return `${name} ${schoolYear(bilan.millesime)}`;
}

function kindOf(bilan: FrozenBilan): string {
  return bilan.format === 'livret/bilan-fin-cycle' ? 'Bilan de fin de cycle' : 'Bilan périodique';
}

/** The file name of a student's bilan: `martin-lucas-3e-a-trimestre-1-2026.pdf`. */
export function bilanFileName(bilan: FrozenBilan): string {
  const period =
    bilan.format === 'livret/bilan-fin-cycle' ? `fin-de-cycle-${bilan.cycle}` : bilan.period.label;
  return fileNameOf([
    bilan.student.lastName,
    bilan.student.firstName,
    bilan.class.label,
    period,
    String(bilan.millesime),
  ]);
}

/**
 * The footer of one student's pages: who, which bilan, which frozen version, and «page n/m» counted within the
 * student's part. pdfmake lays every page out first, then draws all headers, then all footers: the (empty)
 * header records the part's pages, so the footer knows their count.
 */
function partPaging({ bilan, hash, draft }: PrintableBilan): { header: PageFunction; footer: PageFunction } {
  let pages: number[] = [];
  const stamp = draft
    ? `${DRAFT_MENTION} : ne vaut pas bilan`
    : `version ${bilan.version} · empreinte SHA-256 ${hash.slice(0, 16)}`;
  const identity = `${bilan.school.name} · ${studentName(bilan.student)} · ${periodOf(bilan)} · ${stamp}`;
  return {
    header: (page) => {
      if (pages.length && page <= pages[pages.length - 1]!) pages = []; // a new layout pass
      pages.push(page);
      return null;
    },
    footer: (page) => {
      const index = pages.indexOf(page) + 1;
      return {
        columns: [
          { text: identity, width: '*' },
          { text: index > 0 ? `page ${index}/${pages.length}` : `page ${page}`, width: 'auto' },
        ],
        fontSize: 6.5,
        color: '#555',
        margin: [28, 12, 28, 0],
      };
    },
  };
}

function contentOf(bilan: FrozenBilan, draft: boolean): Content[] {
  return bilan.format === 'livret/bilan-fin-cycle'
    ? bilanFinCycleContent(bilan)
    : bilanPeriodiqueContent(bilan, { draft });
}

/** One student's part: a pdfmake section, so it starts on a new page and has its own footer. */
function part(item: PrintableBilan): ContentNode {
  return { section: contentOf(item.bilan, item.draft === true), ...partPaging(item) };
}

const styles = {};
const defaultStyle = { font: FONT_FAMILY, fontSize: 7.5, lineHeight: 1.05 };

function frame(info: DocumentInfo, content: Content): DocumentDefinition {
  return { info, pageSize: 'A4', pageMargins: [28, 28, 28, 34], content, styles, defaultStyle };
}

/**
 * The document of one student's bilan, with the school, student, period and hash in its metadata and footer.
 * @example const bytes = await renderPdf(bilanDocument({ bilan, hash }));
 */
export function bilanDocument(item: PrintableBilan): DocumentDefinition {
  const { bilan, hash } = item;
  const frozenAt = new Date(bilan.frozenAt);
  const student = studentName(bilan.student);
  const definition = frame(
    {
      title: `${item.draft ? `${DRAFT_MENTION} — ` : ''}${kindOf(bilan)} — ${student} — ${periodOf(bilan)}`,
      author: bilan.school.name,
      subject: `${kindOf(bilan)} de ${student} (${bilan.class.label}), ${periodOf(bilan)}, ${bilan.school.name} (UAI ${bilan.school.uai}), version ${bilan.version}, SHA-256 ${hash}`,
      keywords: `LSU; livret scolaire; ${bilan.school.uai}; ${bilan.student.ine}; sha256:${hash}`,
      creator: 'Livret',
      producer: 'Livret',
      creationDate: frozenAt,
      modDate: frozenAt,
      LivretSchool: `${bilan.school.name} (${bilan.school.uai})`,
      LivretStudent: student,
      LivretPeriod: periodOf(bilan),
      LivretVersion: String(bilan.version),
      LivretSha256: hash,
    },
    [part(item)],
  );
  if (!item.draft) return definition;
  // A draft is no version: its metadata names no version and no hash either.
  const { LivretVersion: _version, LivretSha256: _hash, ...info } = definition.info;
  return {
    ...definition,
    info: {
      ...info,
      subject: `${DRAFT_MENTION} : ${kindOf(bilan)} de ${student} (${bilan.class.label}), ${periodOf(bilan)}, ${bilan.school.name} (UAI ${bilan.school.uai})`,
      keywords: `LSU; livret scolaire; ${bilan.school.uai}; aperçu`,
    },
    watermark: { text: DRAFT_MENTION.toUpperCase(), color: '#b00020', opacity: 0.12, bold: true },
  };
}

/**
 * One document of many bilans (a class, a period, a school), each student's part on its own pages. The dates
 * of the file are the latest freezing date among them, so the same bilans give the same bytes.
 * @example const bytes = await renderPdf(bilansDocument(items, { title: 'Bilans — 3e A', author: school }));
 */
export function bilansDocument(items: readonly PrintableBilan[], meta: BatchInfo): DocumentDefinition {
  const at = new Date(Math.max(0, ...items.map(({ bilan }) => Date.parse(bilan.frozenAt))));
  return frame(
    {
      title: meta.title,
      author: meta.author,
      subject: `${items.length} bilan${items.length > 1 ? 's' : ''}`,
      keywords: 'LSU; livret scolaire',
      creator: 'Livret',
      producer: 'Livret',
      creationDate: at,
      modDate: at,
    },
    items.map(part),
  );
}
