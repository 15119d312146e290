// What the "Laporan" view computes without the server: the periods it offers (semesters, since
// Permenpan-RB 35/2012 asks for monitoring every six months) and how its figures read at 300 px.
import type { SopDescription } from '../../../../functions/src/contract.ts';

export interface Period {
  from: string;
  to: string;
  label: string;
  /** Still running: its figures will change. */
  running: boolean;
}

/**
 * The semester `month` (yyyy-mm, the agency's zone) falls in and the five before it, newest first;
 * `defaultIndex` is the last full semester (the one before the running one).
 */
export function semesters(month: string): { periods: Period[]; defaultIndex: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  let year = y;
  let half = m <= 6 ? 1 : 2;
  const periods: Period[] = [];
  for (let i = 0; i < 6; i++) {
    const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
    const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
    const running = i === 0;
    periods.push({ from, to, running, label: `Semester ${half === 1 ? 'I' : 'II'} ${year} (${half === 1 ? 'Jan–Jun' : 'Jul–Des'})${running ? ', berjalan' : ''}` });
    if (half === 2) half = 1;
    else {
      half = 2;
      year--;
    }
  }
  return { periods, defaultIndex: 1 };
}

/** The SOPs whose report the user may open: the API lets an SOP's cancelRoles read it. */
export function reportableSops(sops: SopDescription[], roles: string[]): SopDescription[] {
  return sops.filter((s) => Array.isArray(s.cancelRoles) && s.cancelRoles.some((r) => roles.includes(r)));
}

const nf1 = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A share 0-1 as "75%" / "83,3%"; "–" without one. */
export function pct(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${nf1.format(share * 100)}%`;
}

/** A duration short enough for a 300 px line: "25 mnt", "10,5 jam", "3,2 hari" (wall-clock). */
export function shortDuration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '–';
  if (minutes < 1) return '< 1 mnt';
  if (minutes < 60) return `${nf1.format(minutes)} mnt`;
  if (minutes < 48 * 60) return `${nf1.format(minutes / 60)} jam`;
  return `${nf1.format(minutes / 1440)} hari`;
}

/** An IKM index with its two decimals, Indonesian style: "82,50". */
export function indexText(index: number | null): string {
  return index === null ? '–' : nf2.format(index);
}

/** An element's mean 1-4, two decimals. */
export function nrrText(nrr: number | null): string {
  return nrr === null ? '–' : nf2.format(nrr);
}
