// A multi-line value becomes one paragraph per line. docxtemplater writes the lines of a value as
// soft line breaks inside one paragraph, and a line after a soft break has no first-line indent:
// the second alinea of `isi_utama` would start flush left. Google Docs, given the same value in
// replaceAllText, starts a new paragraph at each line with the style of the one it splits; this
// does the same to a filled .docx, so both renderers lay out multi-line values alike.

const PARAGRAPH_RE = /<w:p(\s[^>]*)?>((?:(?!<\/w:p>)[\s\S])*)<\/w:p>/g;
/** A run holding only a soft line break (not a page break), as docxtemplater writes it. */
const BREAK_RUN_RE = /<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:br\/><\/w:r>/;
const PPR_RE = /^<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>/;

/** document.xml with every paragraph that holds soft line breaks split at them, each part keeping the paragraph's properties. */
export function splitLineBreaks(xml: string): string {
  return xml.replace(PARAGRAPH_RE, (whole, attrs: string | undefined, body: string) => {
    if (!BREAK_RUN_RE.test(body)) return whole;
    const pPr = PPR_RE.exec(body)?.[0] ?? '';
    const parts = body.slice(pPr.length).split(new RegExp(BREAK_RUN_RE.source, 'g'));
    return parts.map((runs) => `<w:p${attrs ?? ''}>${pPr}${runs}</w:p>`).join('');
  });
}
