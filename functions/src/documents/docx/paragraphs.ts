// A multi-line value becomes one paragraph per line. docxtemplater writes the lines of a value as
// soft line breaks inside one paragraph, and a line after a soft break has no first-line indent:
// the second alinea of `isi_utama` would start flush left. Google Docs, given the same value in
// replaceAllText, starts a new paragraph at each line with the style of the one it splits; this
// does the same to a filled .docx, so both renderers lay out multi-line values alike.
//
// "Keep with next" stays on every line of a short value (a closing alinea, the last row of a table
// before the signature: they move to the next page with it). A list longer than KEEP_WHOLE_MAX
// lines keeps it on its last line only: kept whole it would push itself onto the next page and
// leave this one nearly empty (LibreOffice keeps a table row with the next by its first line).

const PARAGRAPH_RE = /<w:p(\s[^>]*)?>((?:(?!<\/w:p>)[\s\S])*)<\/w:p>/g;
/** A run holding only a soft line break (not a page break), as docxtemplater writes it. */
const BREAK_RUN_RE = /<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:br\/><\/w:r>/;
const PPR_RE = /^<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>/;
export const KEEP_WHOLE_MAX = 20;
const KEEP_NEXT_RE = /<w:keepNext(?:\s+w:val="(?:true|1|on)")?\s*\/>/;

/** document.xml with every paragraph that holds soft line breaks split at them, each part keeping the paragraph's properties. */
export function splitLineBreaks(xml: string): string {
  return xml.replace(PARAGRAPH_RE, (whole, attrs: string | undefined, body: string) => {
    if (!BREAK_RUN_RE.test(body)) return whole;
    const pPr = PPR_RE.exec(body)?.[0] ?? '';
    const parts = body.slice(pPr.length).split(new RegExp(BREAK_RUN_RE.source, 'g'));
    const loose = parts.length > KEEP_WHOLE_MAX ? pPr.replace(KEEP_NEXT_RE, '') : pPr;
    return parts.map((runs, i) => `<w:p${attrs ?? ''}>${i < parts.length - 1 ? loose : pPr}${runs}</w:p>`).join('');
  });
}
