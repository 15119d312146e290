// The reading desk's monthly recap as the panel shows it, read defensively from GET .../desk/recap.
import { VISIT_CATEGORIES } from './desk.ts';

/** The main DDC classes, as the monthly report names them. */
export const DDC_CLASSES: Record<string, string> = {
  '000': 'Karya umum, komputer dan informasi',
  '100': 'Filsafat dan psikologi',
  '200': 'Agama',
  '300': 'Ilmu sosial',
  '400': 'Bahasa',
  '500': 'Ilmu murni (sains dan matematika)',
  '600': 'Ilmu terapan (teknologi)',
  '700': 'Kesenian, hiburan dan olahraga',
  '800': 'Kesusastraan',
  '900': 'Sejarah dan geografi',
};
export const NO_CLASS = 'tanpa klasifikasi';

export const RECAP_TOP_TITLES = 10;

export interface RecapView {
  month: string;
  visits: number;
  booksRead: number;
  /** The four categories in the form's order (zeros included), then any other the API counted. */
  byCategory: { id: string; label: string; count: number }[];
  /** DDC classes with books read, by class, "tanpa klasifikasi" last. */
  byClass: { id: string; label: string; count: number }[];
  /** The most read titles, at most RECAP_TOP_TITLES, in the API's order (most read first). */
  topTitles: { title: string; count: number }[];
  /** How many different titles were read. */
  titleCount: number;
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function categoryRows(cats: Record<string, unknown>): RecapView['byCategory'] {
  return [
    ...VISIT_CATEGORIES.map((c) => ({ id: c.id, label: c.label, count: count(cats[c.id]) })),
    ...Object.entries(cats)
      .filter(([id, n]) => !VISIT_CATEGORIES.some((c) => c.id === id) && count(n) > 0)
      .map(([id, n]) => ({ id, label: id, count: count(n) })),
  ];
}

function classRows(classes: Record<string, unknown>): RecapView['byClass'] {
  return Object.entries(classes)
    .filter(([, n]) => count(n) > 0)
    .sort(([a], [b]) => (a === NO_CLASS ? 1 : b === NO_CLASS ? -1 : a.localeCompare(b)))
    .map(([id, n]) => ({ id, label: id === NO_CLASS ? 'Tanpa klasifikasi' : DDC_CLASSES[id] ? `${id} ${DDC_CLASSES[id]}` : id, count: count(n) }));
}

/** The recap as the panel shows it; anything missing or malformed in the reply reads as zero. */
export function recapView(reply: unknown, month: string): RecapView {
  const r = (reply && typeof reply === 'object' ? reply : {}) as Record<string, unknown>;
  const titles = (Array.isArray(r.titles) ? r.titles : [])
    .filter((t): t is { title: string; count: unknown } => !!t && typeof t === 'object' && typeof (t as { title?: unknown }).title === 'string')
    .map((t) => ({ title: t.title, count: count(t.count) }));
  return {
    month: typeof r.month === 'string' ? r.month : month,
    visits: count(r.visits),
    booksRead: count(r.booksRead),
    byCategory: categoryRows(obj(r.byCategory)),
    byClass: classRows(obj(r.byClassification)),
    topTitles: titles.slice(0, RECAP_TOP_TITLES),
    titleCount: titles.length,
  };
}
