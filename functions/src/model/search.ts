// How cases are found by what people type: the case number, the partner, the title and the SOP's
// title, as words in lower case without diacritics, each word matched as a prefix. The store keeps
// every prefix of every word on the case (an array Firestore indexes for `array-contains`), so a
// search reads only the cases that match its most selective word; the words themselves are kept
// too, to check the other words of a multi-word search. Pure, shared by the store adapter (which
// writes them) and the case service (which reads the query the same way).

export const SEARCH_LIMITS = {
  /** Prefixes are stored up to this length; a longer query word is matched on its stored prefix, then checked whole. */
  maxPrefix: 24,
  /** A query: at most this many characters and words. */
  queryChars: 100,
  queryWords: 8,
  /** Words kept per case (the first ones: number, partner, title, SOP). */
  caseWords: 60,
} as const;

/** Lower case, diacritics removed ("Ā" -> "a"), NFKD so ligatures and full-width forms fold too. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The words of a text. "/" stays inside a word, so a case number is one word ("pusling/2026/0001");
 * it also yields its tails ("2026/0001", "0001") and parts, so any part of a number can be typed.
 */
export function searchWords(text: string, expand = true): string[] {
  const out: string[] = [];
  for (const raw of normalizeText(text).split(/[^\p{L}\p{N}/]+/u)) {
    const w = raw.replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/');
    if (!w) continue;
    out.push(w);
    if (expand && w.includes('/')) {
      const parts = w.split('/');
      for (let i = 1; i < parts.length; i++) out.push(parts.slice(i).join('/'));
      out.push(...parts.slice(0, -1));
    }
  }
  return [...new Set(out)];
}

/** What is stored on a case: its words (capped) and every prefix of each, up to maxPrefix characters. */
export function searchIndex(texts: string[]): { words: string[]; prefixes: string[] } {
  const words = [...new Set(texts.flatMap((t) => searchWords(t)))].slice(0, SEARCH_LIMITS.caseWords);
  const prefixes = new Set<string>();
  for (const w of words) {
    const chars = [...w];
    for (let n = 1; n <= Math.min(chars.length, SEARCH_LIMITS.maxPrefix); n++) prefixes.add(chars.slice(0, n).join(''));
  }
  return { words, prefixes: [...prefixes] };
}

/**
 * The words of a query, without those another word already implies (a prefix of it), longest
 * first: the first is the one the store queries by.
 */
export function queryWords(query: string): string[] {
  const words = searchWords(query, false);
  const kept = words.filter((w) => !words.some((o) => o !== w && o.startsWith(w)));
  return kept.sort((a, b) => [...b].length - [...a].length || a.localeCompare(b));
}

/** The stored prefix a query word is looked up by. */
export function lookupPrefix(word: string): string {
  return [...word].slice(0, SEARCH_LIMITS.maxPrefix).join('');
}

/** Whether a case with these stored words matches every query word. */
export function matchesAll(caseWords: string[], words: string[]): boolean {
  return words.every((q) => caseWords.some((w) => w.startsWith(q)));
}

/** A query that is one whole case number ("pusling/2026/0001"), as stored (upper case); null otherwise. */
export function wholeNumber(query: string): string | null {
  const q = query.trim();
  return /^[A-Za-z][A-Za-z0-9-]*\/\d{4}\/\d{4,8}$/.test(q) ? q.toUpperCase() : null;
}
