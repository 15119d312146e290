// The kop's lambang daerah and multi-line values, at the .docx level: the placeholder image swapped
// for the agency's PNG with its aspect ratio kept, or removed with its cell; a value's lines as
// paragraphs of their own keeping the paragraph's properties.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { CONTENT_WIDTH } from '../../functions/src/documents/docx/blocks.ts';
import { applyLambang, LAMBANG_NAME } from '../../functions/src/documents/docx/lambang.ts';
import { KEEP_WHOLE_MAX, splitLineBreaks } from '../../functions/src/documents/docx/paragraphs.ts';
import { encodePng, readPng } from '../../functions/src/documents/docx/png.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { TEST_LAMBANG } from '../support/letter-pages.ts';

const template = async (id: string) => new PizZip(await readFile(join(TEMPLATES_DIR, `${id}.docx`)));
const documentOf = (zip: PizZip) => zip.file('word/document.xml')!.asText();
const extentOf = (xml: string) => /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.slice(1).map(Number) as [number, number];

describe('lambang daerah in the kop', () => {
  it('is a placeholder image in every template with a kop', async () => {
    for (const spec of Object.values(TEMPLATES)) {
      const xml = documentOf(await template(spec.id));
      expect(xml.includes(`name="${LAMBANG_NAME}"`), spec.id).toBe(spec.blocks.some((b) => b.kind === 'kop'));
    }
  });

  it("is replaced by the agency's PNG, fitted into the placeholder's box with its aspect ratio", async () => {
    const zip = await template('surat_dinas');
    const [boxW, boxH] = extentOf(documentOf(zip));
    applyLambang(zip, TEST_LAMBANG);
    const xml = documentOf(zip);
    const [w, h] = extentOf(xml);
    // 240 x 300 px is taller than the box: the height fills it, the width follows.
    expect(h).toBe(boxH);
    expect(w).toBe(Math.round((240 * boxH) / 300));
    expect(w).toBeLessThanOrEqual(boxW);
    expect(xml).toContain(`<a:ext cx="${w}" cy="${h}"/>`);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(zip.file(media[0]!)!.asNodeBuffer().equals(TEST_LAMBANG)).toBe(true);

    const wide = await template('surat_dinas');
    applyLambang(wide, encodePng(400, 100, () => [0, 0, 0, 255]));
    const [ww, wh] = extentOf(documentOf(wide));
    expect(ww).toBe(boxW);
    expect(wh).toBe(Math.round((100 * boxW) / 400));
  });

  it('is removed with its cell when the agency has none, the kop text then spanning the line', async () => {
    const zip = await template('surat_dinas');
    applyLambang(zip, null);
    const xml = documentOf(zip);
    expect(xml).not.toContain('<w:drawing>');
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(zip.file('word/_rels/document.xml.rels')!.asText()).not.toContain('media/');
    const kop = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(kop).toContain(`<w:tblGrid><w:gridCol w:w="${CONTENT_WIDTH}"/></w:tblGrid>`);
    expect(kop.match(/<w:tc>/g)).toHaveLength(1);
    expect(kop).toContain('{{kop_dinas}}');
  });

  it('leaves a template without the placeholder alone', async () => {
    const zip = await template('draft_pks');
    const before = documentOf(zip);
    applyLambang(zip, TEST_LAMBANG);
    applyLambang(zip, null);
    expect(documentOf(zip)).toBe(before);
  });

  it('refuses what is not a usable PNG', () => {
    expect(() => readPng(Buffer.from('GIF89a not a png at all, really not'))).toThrow(/bukan gambar PNG/);
    expect(readPng(TEST_LAMBANG)).toEqual({ width: 240, height: 300 });
    const huge = Buffer.from(TEST_LAMBANG);
    huge.writeUInt32BE(10_000, 16);
    huge.writeUInt32BE(10_000, 20);
    expect(() => readPng(huge)).toThrow(/10000 x 10000/);
  });
});

describe('multi-line values', () => {
  const pPr = '<w:pPr><w:keepNext/><w:spacing w:before="120"/><w:ind w:firstLine="709"/><w:jc w:val="both"/></w:pPr>';
  const run = (t: string) => `<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;

  it('become one paragraph per line, each with the paragraph properties (the alinea indent, kept with the next)', () => {
    const xml = `<w:body><w:p>${pPr}${run('Satu')}<w:r><w:br/></w:r>${run('Dua')}<w:r><w:br/></w:r>${run('Tiga')}</w:p></w:body>`;
    expect(splitLineBreaks(xml)).toBe(`<w:body><w:p>${pPr}${run('Satu')}</w:p><w:p>${pPr}${run('Dua')}</w:p><w:p>${pPr}${run('Tiga')}</w:p></w:body>`);
  });

  it('of a long list keep with the next by the last line only', () => {
    const lines = Array.from({ length: KEEP_WHOLE_MAX + 1 }, (_, i) => run(`Baris ${i + 1}`));
    const out = splitLineBreaks(`<w:p>${pPr}${lines.join('<w:r><w:br/></w:r>')}</w:p>`);
    const loose = pPr.replace('<w:keepNext/>', '');
    expect(out).toBe(lines.map((l, i) => `<w:p>${i === lines.length - 1 ? pPr : loose}${l}</w:p>`).join(''));
  });

  it('leave page breaks, line breaks inside a run of the layout, and single lines alone', () => {
    const page = `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`;
    const title = `<w:p>${pPr}${run('Pasal 1')}<w:r><w:rPr><w:b/></w:rPr><w:br/><w:t>MAKSUD</w:t></w:r></w:p>`;
    const single = `<w:p>${pPr}${run('Satu baris')}</w:p>`;
    expect(splitLineBreaks(page + title + single)).toBe(page + title + single);
  });
});
