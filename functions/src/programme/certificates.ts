// Certificates without the Docs quota. The certificate template is a PDF exported ONCE (in
// production the owner's template Doc through Drive files.export, a read that costs no Docs write;
// locally and by default the built-in layout below), and each certificate is stamped onto it with
// pdf-lib: the template page embedded as a form XObject, the participant's text and a vector QR
// code drawn over it. No Google call per certificate; ~3 ms each on this machine.
//
// Rendering is deterministic (no dates or ids in the PDF's metadata), so a certificate is not
// stored as a file at all: the register in Firestore (certificates/{number}) is the record, and
// the PDF is made again, byte for byte the same, whenever it is e-mailed. That keeps 10,000
// certificates clear of Drive's write limits (a few writes per second per user) and of Cloud
// Storage's per-object rate, and needs no bucket; see README, "Bimtek programme".
import { fill, PDFDocument, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, StandardFonts, type PDFFont, type PDFOperator, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Certificate, Programme } from '../model/programme.ts';
import { rentang, tanggal } from './events.ts';

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/** The built-in template: border, title and the organiser's lines; what varies is stamped later. */
export async function defaultTemplatePdf(p: Pick<Programme, 'organiser' | 'name'>): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage(A4_LANDSCAPE);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const [w, h] = A4_LANDSCAPE;
  const blue = rgb(0.08, 0.28, 0.55);
  page.drawRectangle({ x: 18, y: 18, width: w - 36, height: h - 36, borderColor: blue, borderWidth: 5 });
  page.drawRectangle({ x: 28, y: 28, width: w - 56, height: h - 56, borderColor: rgb(0.75, 0.6, 0.2), borderWidth: 1.5 });
  center(page, winAnsi(p.organiser.toUpperCase()), h - 80, regular, 13, rgb(0.2, 0.2, 0.2));
  center(page, 'SERTIFIKAT', h - 135, bold, 44, blue);
  center(page, 'diberikan kepada', h - 220, regular, 14, rgb(0.25, 0.25, 0.25));
  return doc.save({ useObjectStreams: false });
}

function center(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = rgb(0, 0, 0)): void {
  let s = size;
  const max = page.getWidth() - 120;
  while (s > 8 && font.widthOfTextAtSize(text, s) > max) s -= 1;
  page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, s)) / 2, y, size: s, font, color });
}

/**
 * What the standard fonts can print (WinAnsi): letters with marks outside it lose the mark
 * ("Ā" -> "A"); anything else becomes "?". Names in the register keep their exact spelling.
 */
export function winAnsi(text: string): string {
  const stripped = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  return [...stripped].map((c) => (c.charCodeAt(0) < 256 || '‘’“”–—…•€™'.includes(c) ? c : '?')).join('');
}

/**
 * The QR code as PDF fill operators: one rectangle per run of dark modules in a row (vector, sharp
 * at any print size). Written as raw operators: pdf-lib's drawSvgPath parsed the same shape about
 * five times slower, most of a certificate's rendering time.
 */
export function qrOperators(text: string, x: number, top: number, side: number): PDFOperator[] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = side / n;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && qr.modules.get(row, end)) end++;
      ops.push(rectangle(x + col * m, top - (row + 1) * m, (end - col) * m, m));
      col = end;
    }
  }
  ops.push(fill(), popGraphicsState());
  return ops;
}

export interface CertificateRenderer {
  /** The certificate as PDF bytes, and the text its QR code carries. */
  render(c: Certificate): Promise<{ bytes: Uint8Array; qr: string }>;
}

export async function createCertificateRenderer(opts: { template: Uint8Array; programme: Programme; verifyUrl: (number: string) => string }): Promise<CertificateRenderer> {
  const source = await PDFDocument.load(opts.template, { updateMetadata: false });
  const p = opts.programme;
  return {
    async render(c) {
      const doc = await PDFDocument.create({ updateMetadata: false });
      const [tpl] = await doc.embedPdf(source, [0]);
      const page = doc.addPage(A4_LANDSCAPE);
      // The owner's Doc should be A4 landscape; another size is fitted in, never cut off.
      const scale = Math.min(A4_LANDSCAPE[0] / tpl!.width, A4_LANDSCAPE[1] / tpl!.height);
      const [tw, th] = [tpl!.width * scale, tpl!.height * scale];
      page.drawPage(tpl!, { x: (A4_LANDSCAPE[0] - tw) / 2, y: (A4_LANDSCAPE[1] - th) / 2, width: tw, height: th });
      const bold = await doc.embedFont(StandardFonts.HelveticaBold);
      const regular = await doc.embedFont(StandardFonts.Helvetica);
      const h = page.getHeight();
      const grey = rgb(0.25, 0.25, 0.25);
      center(page, `Nomor: ${c.number}`, h - 170, regular, 12, grey);
      center(page, winAnsi(c.name), h - 270, bold, 30, rgb(0.05, 0.05, 0.05));
      center(page, winAnsi(c.library), h - 300, regular, 14, grey);
      center(page, winAnsi(`telah mengikuti ${c.programmeName}`), h - 345, regular, 14);
      center(page, winAnsi(`${c.eventLabel}, ${rentang(c.start, c.end)}, sebanyak ${c.jp} jam pelajaran (JP)`), h - 367, regular, 13);
      // The signature block, right.
      const x = 560;
      page.drawText(winAnsi(tanggal(c.date)), { x, y: 165, size: 11, font: regular });
      page.drawText(winAnsi(p.signer.jabatan), { x, y: 148, size: 11, font: regular, maxWidth: 240, lineHeight: 13 });
      page.drawText(winAnsi(p.signer.name), { x, y: 80, size: 12, font: bold });
      if (p.signer.nip) page.drawText(`NIP ${p.signer.nip}`, { x, y: 65, size: 10, font: regular });
      // The QR code, left, with the address spelled out for those without a camera.
      const url = opts.verifyUrl(c.number);
      const side = 96;
      page.drawRectangle({ x: 60, y: 70, width: side + 12, height: side + 12, color: rgb(1, 1, 1) });
      page.pushOperators(...qrOperators(url, 66, 70 + 6 + side, side));
      page.drawText('Periksa keabsahan:', { x: 60, y: 56, size: 8, font: regular, color: grey });
      page.drawText(winAnsi(url), { x: 60, y: 46, size: 7, font: regular, color: grey });
      return { bytes: await doc.save({ useObjectStreams: false }), qr: url };
    },
  };
}
