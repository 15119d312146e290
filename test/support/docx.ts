// Reads a .docx back as text, the way a person would see it, for assertions on rendered letters.
import PizZip from 'pizzip';

export function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function documentXml(bytes: Buffer): string {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText();
  if (!xml) throw new Error('word/document.xml tidak ada');
  return xml;
}

/** The document's text: paragraphs and line breaks as newlines, tabs as tabs, tags stripped. */
export function docxText(bytes: Buffer): string {
  return decode(
    documentXml(bytes)
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

