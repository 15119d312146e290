// "Riwayat": what happened to a case, step by step, with who did it, when, against the step's time
// standard, and what was filled in; and, in their place in time, the reminders and escalations the
// scheduled `remind` function sent about its steps.
import type { CaseEvent, CaseNotice, DescribedStep, SopDescription } from '../../../../functions/src/contract.ts';
import { badge, h, link } from '../dom.ts';
import { roleLabel } from '../logic/roles.ts';
import { exitFor, producible } from '../logic/steps.ts';
import { formatInstant, formatMinutes, isoDateToId } from '../logic/time.ts';
import { tz } from '../shell.ts';

export function timelineSection(events: CaseEvent[], sop: SopDescription | undefined, notices: CaseNotice[] = []): HTMLElement {
  const sec = h('section', { class: 'section', id: 'timeline', 'aria-labelledby': 'tl-title' }, h('h3', { id: 'tl-title' }, 'Riwayat'));
  const sorted = [...(events ?? [])].sort((a, b) => a.seq - b.seq);
  if (!sorted.length) {
    sec.append(h('p', { class: 'muted' }, 'Belum ada riwayat.'));
    return sec;
  }
  // A notice goes after the last event at or before its time: events keep their own order (seq).
  const items: HTMLElement[] = [];
  const pending = [...(notices ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  for (const [i, e] of sorted.entries()) {
    items.push(eventItem(e, sop));
    const next = sorted[i + 1];
    while (pending.length && (!next || pending[0]!.at < next.at)) items.push(noticeItem(pending.shift()!, sop));
  }
  sec.append(h('ol', { class: 'timeline' }, ...items));
  return sec;
}

const NOTICE_LABEL: Record<CaseNotice['kind'], string> = { soon: 'Pengingat: segera jatuh tempo', overdue: 'Pengingat: terlambat', escalation: 'Eskalasi ke atasan' };

/** A reminder or an escalation: what was said, to whom, and when; it moved nothing. */
function noticeItem(n: CaseNotice, sop: SopDescription | undefined): HTMLElement {
  return h(
    'li',
    { class: `event notice notice-${n.kind}`, 'data-notice': n.id },
    h('div', { class: 'event-what' }, `${NOTICE_LABEL[n.kind] ?? 'Pengingat'} · langkah ${n.step}`),
    h('div', { class: 'small muted' }, `${formatInstant(n.at, tz())} · jatuh tempo ${formatInstant(n.dueAt, tz())}`),
    h('div', { class: 'small' }, n.message),
    h('div', { class: 'small muted' }, n.to.length ? `Dikirim kepada ${n.to.length} orang (${n.roles.map((r) => roleLabel(sop, r)).join(', ')})` : `Tidak ada pegawai aktif dengan peran ${n.roles.map((r) => roleLabel(sop, r)).join(', ')}`),
  );
}

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatInstant(v, tz());
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoDateToId(v);
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function eventItem(e: CaseEvent, sop: SopDescription | undefined): HTMLElement {
  const step = e.step !== null ? sop?.steps.find((s) => s.no === e.step) : undefined;
  const role = e.actor.roles.find((r) => step?.actors.includes(r)) ?? e.actor.roles[0];
  const who = `${e.actor.name ?? e.actor.email}${role ? ` (${roleLabel(sop, role)})` : ''}`;
  const labelOf = (id: string) => {
    const k = step?.kelengkapan.find((x) => x.id === id);
    return k ? k.label : id.replace(/_/g, ' ');
  };
  const assigned = Object.entries(e.input?.assigned ?? {}).filter(([, v]) => v !== null && typeof v !== 'object');
  const produced = e.produced?.length
    ? e.produced.map((id) => sop?.steps.flatMap(producible).find((p) => p.id === id)?.label ?? id.replace(/_/g, ' '))
    : [];
  return h(
    'li',
    { class: `event${e.withinStandard === false ? ' event-late' : ''}`, 'data-seq': e.seq },
    h('div', { class: 'event-what' }, eventWhat(e, step)),
    h('div', { class: 'small muted' }, `${who} · ${formatInstant(e.at, tz())}`),
    step && e.action !== 'create' ? h('div', { class: 'small clamp' }, step.activity) : null,
    e.standard
      ? h(
          'div',
          { class: 'small' },
          `Standar ${e.standard.label} · aktual ${formatMinutes(e.durationMinutes)}`,
          e.withinStandard === false ? h('span', null, ' ', badge('melebihi standar', 'late')) : null,
        )
      : null,
    e.note ? h('div', { class: 'small' }, `${e.action === 'cancel' ? 'Alasan' : 'Catatan'}: ${e.note}`) : null,
    assigned.length ? h('div', { class: 'small' }, `Diisi otomatis: ${assigned.map(([k, v]) => `${labelOf(k)}: ${valueText(v)}`).join('; ')}`) : null,
    produced.length ? h('div', { class: 'small' }, `Menghasilkan: ${produced.join(', ')}`) : null,
    inputDetails(e, labelOf),
  );
}

/** "Kasus dibuat", "Langkah 6: <the exit's label>", "Langkah 3 selesai"… */
function eventWhat(e: CaseEvent, step: DescribedStep | undefined): string {
  if (e.action === 'create') return 'Kasus dibuat';
  if (e.action === 'cancel') return 'Kasus dibatalkan';
  if (e.action === 'decide' || e.decision) {
    const exit = step ? exitFor(step, e.decision) : undefined;
    return `Langkah ${e.step}: ${exit?.label ?? (e.decision === 'yes' ? 'Ya' : 'Tidak')}`;
  }
  return `Langkah ${e.step} selesai`;
}

/** What was filled in at the step, folded away: it is long and rarely needed. */
function inputDetails(e: CaseEvent, labelOf: (id: string) => string): HTMLElement | null {
  const data = Object.entries(e.input?.data ?? {});
  const docs = Object.entries(e.input?.documents ?? {});
  if (!data.length && !docs.length) return null;
  return h(
    'details',
    { class: 'small' },
    h('summary', null, `Isian (${data.length + docs.length})`),
    // Label above value (not a two-column grid): a long label must not squeeze the value at 280 px.
    h(
      'dl',
      { class: 'isian' },
      ...data.flatMap(([k, v]) => [h('dt', null, labelOf(k)), h('dd', null, valueText(v))]),
      ...docs.flatMap(([k, v]) => [h('dt', null, labelOf(k)), h('dd', null, v?.url ? link(v.url, 'tautan') : '–')]),
    ),
  );
}
