import { describe, expect, it } from 'vitest';
import {
  bilanDocument,
  bilanFileName,
  bilansDocument,
  mergePdfs,
  parseFrozenBilan,
  renderPdf,
} from './index.js';
import {
  collegeBilan,
  ecoleBilan,
  finDeCycle4Bilan,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfText,
  sampleHash,
  schoolBilans,
} from './testing/index.js';

describe('a printed bilan', () => {
  it('is byte-identical every time it is printed from the same frozen bilan', async () => {
    for (const bilan of [collegeBilan(), ecoleBilan(), finDeCycle4Bilan()]) {
      const first = await renderPdf(bilanDocument({ bilan, hash: sampleHash }));
      const second = await renderPdf(bilanDocument({ bilan: structuredClone(bilan), hash: sampleHash }));
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    }
  });

  it('carries the school, student, period and hash in its metadata, dated by the freezing', async () => {
    const bilan = collegeBilan();
    const info = pdfInfo(await renderPdf(bilanDocument({ bilan, hash: sampleHash })));
    expect(info.Title).toBe('Bilan périodique — Lucas MARTIN — Trimestre 1 2026-2027');
    expect(info.Author).toBe('Collège Jean Moulin');
    expect(info.Producer).toBe('Livret');
    expect(info.Creator).toBe('Livret');
    expect(info.LivretSha256).toBe(sampleHash);
    expect(info.LivretSchool).toBe('Collège Jean Moulin (0382032C)');
    expect(info.LivretStudent).toBe('Lucas MARTIN');
    expect(info.LivretPeriod).toBe('Trimestre 1 2026-2027');
    expect(info.Subject).toContain(`SHA-256 ${sampleHash}`);
    expect(info.CreationDate).toContain('Nov 27 17:30:00 2026');
    expect(info.ModDate).toContain('Nov 27 17:30:00 2026');
  });

  it('embeds its fonts, which have every French character', async () => {
    const bilan = collegeBilan({
      synthese: 'Œuvre, cœur, « guillemets », l’apostrophe, où, ça, Noël, maïs, Ÿ.',
    });
    const bytes = await renderPdf(bilanDocument({ bilan, hash: sampleHash }));
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.name.includes('LiberationSans'))).toBe(true);
    expect(pdfText(bytes)).toContain('Œuvre, cœur, « guillemets », l’apostrophe, où, ça, Noël, maïs, Ÿ.');
  });

  it('prints emoji and symbols Liberation Sans lacks in a fallback font, and every other character in it', async () => {
    const synthese = 'Bravo 🎉 ! Objectifs ✓ ★, famille 👨‍👩‍👧 et 👍🏽, 𝔸 ; fin.';
    const bilan = collegeBilan({ synthese });
    const bytes = await renderPdf(bilanDocument({ bilan, hash: sampleHash }));
    const names = pdfFonts(bytes).map((f) => f.name);
    expect(names.some((n) => n.includes('NotoEmoji'))).toBe(true);
    expect(names.some((n) => n.includes('DejaVuSans'))).toBe(true);
    expect(pdfFonts(bytes).every((f) => f.embedded)).toBe(true);
    const text = pdfText(bytes);
    for (const part of ['Bravo 🎉 !', '✓ ★', '𝔸 ; fin.']) expect(text).toContain(part);
    // Same bytes every time, fallbacks included.
    const again = await renderPdf(bilanDocument({ bilan: structuredClone(bilan), hash: sampleHash }));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads stored content of either kind and refuses anything else', () => {
    expect(parseFrozenBilan(JSON.parse(JSON.stringify(collegeBilan()))).format).toBe(
      'livret/bilan-periodique',
    );
    expect(parseFrozenBilan(JSON.parse(JSON.stringify(finDeCycle4Bilan()))).format).toBe(
      'livret/bilan-fin-cycle',
    );
    expect(() => parseFrozenBilan({ format: 'livret/bilan-periodique' })).toThrow();
    expect(bilanFileName(collegeBilan())).toBe('martin-lucas-3e-a-trimestre-1-2026.pdf');
  });

  it('marks a draft on every page and in its title, without version or hash', async () => {
    const bilan = collegeBilan();
    const bytes = await renderPdf(bilanDocument({ bilan, hash: sampleHash, draft: true }));
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toContain('Aperçu — non verrouillé : ne vaut pas bilan');
    expect(pdfText(bytes)).not.toContain(`empreinte SHA-256 ${sampleHash.slice(0, 16)}`);
    expect(pdfText(bytes)).toContain('bilan non verrouillé, non publié.');
    expect(pdfText(bytes)).not.toContain('Bilan verrouillé le');
    expect(pdfInfo(bytes).Title).toBe(
      'Aperçu — non verrouillé — Bilan périodique — Lucas MARTIN — Trimestre 1 2026-2027',
    );
    const locked = pdfText(await renderPdf(bilanDocument({ bilan, hash: sampleHash })));
    expect(locked).not.toContain('Aperçu');
    expect(locked).toContain('Bilan verrouillé le');
    expect(locked).toContain(`empreinte SHA-256 ${sampleHash.slice(0, 16)}`);
  });
});

describe('a batch of bilans in one document', () => {
  it('starts each student on a new page, with its own footer and page numbers', async () => {
    const bilans = schoolBilans(3);
    const bytes = await renderPdf(
      bilansDocument(
        bilans.map((bilan) => ({ bilan, hash: sampleHash })),
        { title: 'Bilans — 3e A — Trimestre 1', author: 'Collège Jean Moulin' },
      ),
    );
    const pages = pdfPages(bytes);
    let page = 0;
    for (const bilan of bilans) {
      const name = `${bilan.student.firstName} ${bilan.student.lastName.toUpperCase()}`;
      // The first page of the student's part: the heading block, and «page 1/n» in its footer.
      expect(pages[page]).toContain(`Bilan périodique — Trimestre 1`);
      expect(pages[page]).toContain(name);
      const count = Number(/page 1\/(\d+)/.exec(pages[page]!)?.[1]);
      expect(count).toBeGreaterThanOrEqual(2);
      for (let i = 1; i <= count; i++) {
        expect(pages[page + i - 1]).toContain(`${name} · Trimestre 1 2026-2027`);
        expect(pages[page + i - 1]).toContain(`page ${i}/${count}`);
      }
      page += count;
    }
    expect(page).toBe(pages.length);
    expect(pdfInfo(bytes).Title).toBe('Bilans — 3e A — Trimestre 1');
  });
});

describe('merged parts', () => {
  it('keep every page in order, and the same parts give the same bytes', async () => {
    const bilans = schoolBilans(4);
    const render = (part: typeof bilans) =>
      renderPdf(
        bilansDocument(
          part.map((bilan) => ({ bilan, hash: sampleHash })),
          { title: 'x', author: 'y' },
        ),
      );
    const parts = [await render(bilans.slice(0, 2)), await render(bilans.slice(2))];
    const info = {
      title: 'Bilans — 3e A',
      author: 'Collège Jean Moulin',
      date: new Date('2026-11-27T17:30:00Z'),
    };
    const merged = await mergePdfs(parts, info);
    const pages = pdfPages(merged);
    expect(pages.length).toBe(pdfPages(parts[0]!).length + pdfPages(parts[1]!).length);
    const firsts = pages.filter((page) => page.includes('page 1/'));
    bilans.forEach((bilan, i) => {
      expect(firsts[i]).toContain(`${bilan.student.firstName} ${bilan.student.lastName.toUpperCase()}`);
    });
    expect(pdfInfo(merged)).toMatchObject({ Title: 'Bilans — 3e A', Producer: 'Livret', Creator: 'Livret' });
    expect(pdfInfo(merged).CreationDate).toContain('Nov 27 17:30:00 2026');
    expect(Buffer.from(await mergePdfs(parts, info)).equals(Buffer.from(merged))).toBe(true);
  });
});
