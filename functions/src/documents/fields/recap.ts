// The desk recap (in-house reading) carried on the monthly report's case.

export interface Recap {
  visits: number;
  booksRead: number;
  byCategory: Record<string, number>;
  byClassification: Record<string, number>;
  byDay: [string, { visits: number; books: number }][];
  titles: { title: string; count: number }[];
}

/** The shape desk/service.ts recap() returns, read defensively; null when absent. */
export function recapOf(v: unknown): Recap | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  const counts = (x: unknown): Record<string, number> =>
    typeof x === 'object' && x !== null ? Object.fromEntries(Object.entries(x).map(([k, n]) => [k, num(n)])) : {};
  const byDay =
    typeof r.byDay === 'object' && r.byDay !== null
      ? Object.entries(r.byDay as Record<string, unknown>)
          .map(([date, d]): [string, { visits: number; books: number }] => {
            const o = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
            return [date, { visits: num(o.visits), books: num(o.books) }];
          })
          .sort(([a], [b]) => a.localeCompare(b))
      : [];
  const titles = Array.isArray(r.titles)
    ? r.titles
        .map((t) => (typeof t === 'object' && t !== null ? (t as Record<string, unknown>) : {}))
        .filter((t) => typeof t.title === 'string' && t.title.trim() !== '')
        .map((t) => ({ title: String(t.title).trim(), count: num(t.count) }))
    : [];
  return {
    visits: num(r.visits),
    booksRead: num(r.booksRead),
    byCategory: counts(r.byCategory),
    byClassification: counts(r.byClassification),
    byDay,
    titles,
  };
}
