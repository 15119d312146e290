// The lambang daerah (regional coat of arms) in a letter's kop. Every template's kop carries a
// placeholder image named LAMBANG_NAME in a cell at its left; before a letter is shown this either
// swaps in the agency's PNG, fitted into the placeholder's box with its aspect ratio kept, or, for
// an agency without one, removes the image and its cell so the kop text is centred across the page.
// The local renderer applies it to every filled letter; the Google backend applies it to the
// templates it uploads, so Google Docs letters carry the lambang without any call per letter.
import type PizZip from 'pizzip';
import { readPng } from './png.ts';

/** The name (wp:docPr) of the kop's placeholder image. */
export const LAMBANG_NAME = 'lambang_daerah';

const DOCUMENT = 'word/document.xml';
const RELS = 'word/_rels/document.xml.rels';
const DRAWING_RE = /<w:drawing>(?:(?!<\/w:drawing>)[\s\S])*<\/w:drawing>/g;

/** Puts `png` (or, when null, nothing) where the template's lambang placeholder is. */
export function applyLambang(zip: PizZip, png: Buffer | null): void {
  const xml = zip.file(DOCUMENT)?.asText();
  if (!xml || !xml.includes(`name="${LAMBANG_NAME}"`)) return;
  zip.file(DOCUMENT, png ? replaceImage(zip, xml, png) : removeImage(zip, xml));
}

function isLambang(drawing: string): boolean {
  return new RegExp(`<wp:docPr\\b[^>]*\\bname="${LAMBANG_NAME}"`).test(drawing);
}

function mediaPath(zip: PizZip, drawing: string): string | null {
  const id = /r:embed="([^"]+)"/.exec(drawing)?.[1];
  const rels = zip.file(RELS)?.asText();
  if (!id || !rels) return null;
  const target = new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)?.[0].match(/\bTarget="([^"]+)"/)?.[1];
  return target ? `word/${target.replace(/^\/?word\//, '')}` : null;
}

function replaceImage(zip: PizZip, xml: string, png: Buffer): string {
  const { width, height } = readPng(png);
  return xml.replace(DRAWING_RE, (drawing) => {
    if (!isLambang(drawing)) return drawing;
    const box = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(drawing);
    const path = mediaPath(zip, drawing);
    if (!box || !path) return drawing;
    // Fit into the placeholder's box: a tall shield keeps the box's height, a wide emblem its width.
    const scale = Math.min(Number(box[1]) / width, Number(box[2]) / height);
    const cx = Math.round(width * scale);
    const cy = Math.round(height * scale);
    zip.file(path, png);
    return drawing.replace(/<wp:extent cx="\d+" cy="\d+"\/>/, `<wp:extent cx="${cx}" cy="${cy}"/>`).replace(/<a:ext cx="\d+" cy="\d+"\/>/, `<a:ext cx="${cx}" cy="${cy}"/>`);
  });
}

function removeImage(zip: PizZip, xml: string): string {
  let out = xml;
  for (const drawing of xml.match(DRAWING_RE) ?? []) {
    if (!isLambang(drawing)) continue;
    const at = out.indexOf(drawing);
    const path = mediaPath(zip, drawing);
    out = collapseCell(out, at) ?? removeRun(out, at);
    if (path && !out.includes('r:embed=')) {
      // The placeholder was the only image: drop its file and relationship as well.
      zip.remove(path);
      const rels = zip.file(RELS)?.asText();
      const target = path.replace(/^word\//, '');
      if (rels) zip.file(RELS, rels.replace(new RegExp(`<Relationship\\b[^>]*\\bTarget="${target}"[^>]*/>`), ''));
    }
  }
  return out;
}

/** Removes the run holding the image at `at`. */
function removeRun(xml: string, at: number): string {
  const start = xml.lastIndexOf('<w:r>', at);
  const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
  return xml.slice(0, start) + xml.slice(end);
}

/**
 * Removes the kop's lambang cell (a two-cell, one-row table) and gives its width to the text cell.
 * Null when the table is not shaped like that (a template edited by hand): then only the image goes.
 */
function collapseCell(xml: string, at: number): string | null {
  const tbl = xml.lastIndexOf('<w:tbl>', at);
  const tblEnd = xml.indexOf('</w:tbl>', at) + '</w:tbl>'.length;
  if (tbl < 0 || tblEnd < at) return null;
  const table = xml.slice(tbl, tblEnd);
  const grid = /<w:tblGrid><w:gridCol w:w="(\d+)"\/><w:gridCol w:w="(\d+)"\/><\/w:tblGrid>/.exec(table);
  const cells = table.match(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*<\/w:tc>/g) ?? [];
  if (!grid || cells.length !== 2 || (table.match(/<w:tr\b/g) ?? []).length !== 1) return null;
  const [image, text] = cells as [string, string];
  if (!image.includes(`name="${LAMBANG_NAME}"`)) return null;
  const total = Number(grid[1]) + Number(grid[2]);
  const widened = text.replace(/<w:tcW\b[^>]*\/>/, `<w:tcW w:type="dxa" w:w="${total}"/>`);
  const collapsed = table
    .replace(grid[0], `<w:tblGrid><w:gridCol w:w="${total}"/></w:tblGrid>`)
    .replace(image, '')
    .replace(text, widened);
  return xml.slice(0, tbl) + collapsed + xml.slice(tblEnd);
}
