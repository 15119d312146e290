// How the state of a case and of its documents reads on the case detail.
import type { CaseDocument, CaseState } from '../../../../functions/src/contract.ts';

export const DOCUMENT_STATUS: Record<CaseDocument['status'], string> = {
  provided: 'dilampirkan',
  pending: 'menunggu dibuat',
  ready: 'siap',
  failed: 'gagal',
};

/**
 * How a document's state reads. A produced document without a template (an entry in the agenda
 * register, not a letter) stays "pending" on the case for ever: it is shown as recorded.
 */
export function documentStatus(d: Pick<CaseDocument, 'status' | 'templateId' | 'outboxId'>): { text: string; kind: 'ok' | 'warn' | 'late' | 'muted' } {
  if (d.status === 'pending' && !d.templateId && !d.outboxId) return { text: 'tercatat', kind: 'muted' };
  const kind = d.status === 'ready' || d.status === 'provided' ? 'ok' : d.status === 'failed' ? 'late' : 'warn';
  return { text: DOCUMENT_STATUS[d.status] ?? d.status, kind };
}

export const CASE_STATUS: Record<CaseState['status'], string> = {
  open: 'Berjalan',
  closed: 'Selesai',
  cancelled: 'Dibatalkan',
};
