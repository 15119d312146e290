// The sidebar's "Laporan" view and the task counts in headless Chromium at 300 px against the
// local stack: complaints (the `pengaduan` SOP) walked through the API (one closed after a "no"
// loop, one waiting on its revision, one late at step 2 since it came in ten days ago) and two
// paper IKM questionnaires. The Kepala Bidang opens "Laporan", picks the running semester, and
// every figure shown (cases, each step, bottlenecks, decisions, what is late, Tabel 7 and 8, the
// IKM, the complaints) is checked against the API's own answer; "Buat Google Doc" waits for the
// worker's Doc and links it, "Tulis ke sheet" draws the preview's stand-in for the report sheet.
// The front office sees its overdue and due-soon counts and turns its morning digest off and on.
// Screenshots: test-output/sidebar/laporan/.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IkmResult, SopReport, TaskSummary } from '../../functions/src/contract.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { REPORT_CASE_ID } from '../../functions/src/standards/report-doc.ts';
import { indexText, nrrText, pct, semesters, shortDuration } from '../../sheets-addon/src/sidebar/logic/report.ts';
import { currentMonth } from '../../sheets-addon/src/sidebar/logic/time.ts';
import { AGENCY, sidebarHarness, type Sidebar } from './harness.ts';

const h = sidebarHarness('laporan');
const A = `/v1/agencies/${AGENCY}`;
const pengaduan = catalogById('pengaduan');
// The semester the oldest case came in (ten days ago), as the view offers it: the running one
// except in the first days of January or July.
const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
const period = semesters(currentMonth(new Date(), 'Asia/Jakarta')).periods.find((p) => p.from <= tenDaysAgo && tenDaysAgo <= p.to)!;

beforeAll(async () => {
  const fo = h.person('front_office').email;
  const kasi = h.person('kasi_layanan').email;
  const kabid = h.person('kabid_perpustakaan').email;
  const open = async (name: string, daysAgo = 0) => {
    const body = { sop: 'pengaduan', partner: { name } };
    const r = daysAgo ? await h.postDaysAgo(daysAgo, `${A}/cases`, { as: fo, body }) : await h.s.call('POST', `${A}/cases`, { as: fo, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.state.id as string;
  };
  const act = async (id: string, who: string, no: number, decision?: 'yes' | 'no', daysAgo = 0) => {
    const step = stepOf(pengaduan, no);
    const body = decision ? { type: 'decide', step: no, decision, ...fullInput(step) } : { type: 'complete', step: no, ...fullInput(step) };
    const path = `${A}/cases/${id}/actions`;
    const r = daysAgo ? await h.postDaysAgo(daysAgo, path, { as: who, body }) : await h.s.call('POST', path, { as: who, body });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  };
  // Walked over nine days, so the steps' times read in hours and days.
  const closed = await open('Perpustakaan SD Negeri 1 Pangkalpinang', 9);
  await act(closed, fo, 1, undefined, 9);
  await act(closed, fo, 2, undefined, 8);
  await act(closed, kasi, 3, undefined, 6);
  await act(closed, kabid, 4, 'no', 5);
  await act(closed, kasi, 3, undefined, 3);
  await act(closed, kabid, 4, 'yes', 2);
  await act(closed, fo, 5, undefined, 1);
  const revising = await open('TBM Cahaya Air Itam');
  await act(revising, fo, 1);
  await act(revising, fo, 2);
  await act(revising, kasi, 3);
  await act(revising, kabid, 4, 'no');
  // Came in ten days ago and was never forwarded: step 2 ("1 hari") is late now.
  const late = await open('Pojok Baca Desa Bukit Intan', 10);
  await act(late, fo, 1, undefined, 10);
  for (const [i, answers] of [
    [4, 4, 3, 4, 3, 4, 4, 3, 4],
    [3, 3, 2, 4, 3, 3, 4, 2, 3],
  ].entries()) {
    const r = await h.s.call('POST', `${A}/surveys`, { as: fo, body: { sop: 'pengaduan', answers, ...(i === 0 ? { saran: 'Balasan pengaduan dikirim juga lewat WhatsApp.' } : {}) }, idem: `skm-laporan-${i}` });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
}, 120_000);

async function apiReport(): Promise<SopReport> {
  const r = await h.s.call('GET', `${A}/reports/sop/pengaduan?from=${period.from}&to=${period.to}`, { as: h.person('kabid_perpustakaan').email });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function openReport(sb: Sidebar): Promise<void> {
  const tab = sb.page.locator('#report-tab');
  await expect.poll(() => tab.isVisible()).toBe(true);
  await tab.click();
  await sb.page.locator('#report-sop').waitFor();
  await sb.page.locator('#report-sop').selectOption('pengaduan');
  await sb.page.locator('#report-period').selectOption({ label: period.label });
  await sb.page.locator('#report-cases').waitFor();
  await expect.poll(() => sb.page.locator('#report-period-label').textContent()).toContain(period.running ? 'masih berjalan' : 's.d.');
}

const fig = (sb: Sidebar, scope: string, name: string) => sb.page.locator(`${scope} [data-fig="${name}"]`).first().textContent();

describe('"Laporan" in the sidebar (headless Chromium, 300 px)', () => {
  it('shows the figures the API computes, makes the Doc and writes the sheet', async () => {
    const sb = await h.open('kabid');
    const { page, actAs, shot, shotOf } = sb;
    await actAs('kabid_perpustakaan');
    await openReport(sb);
    const r = await apiReport();
    expect(r.cases.overdueNow).toBeGreaterThan(0);
    expect(r.cases.opened).toBeGreaterThan(0);

    for (const k of ['opened', 'closed', 'cancelled', 'openAtEnd', 'openNow', 'overdueNow'] as const) {
      expect(await fig(sb, '#report-cases', k), k).toBe(String(r.cases[k]));
    }
    expect(await page.locator('#report-steps > li').count()).toBe(r.steps.length);
    for (const s of r.steps) {
      const card = `#report-steps [data-step="${s.step}"]`;
      expect(await fig(sb, card, 'count')).toBe(`${s.count} kali`);
      if (s.count) {
        expect(await fig(sb, card, 'median')).toBe(`median ${shortDuration(s.medianMinutes)}`);
        expect(await fig(sb, card, 'p90')).toBe(`P90 ${shortDuration(s.p90Minutes)}`);
        if (s.measured) expect(await fig(sb, card, 'within')).toBe(`${s.within}/${s.measured} tepat`);
        else expect(await page.locator(`${card} [data-fig="within"]`).count()).toBe(0);
        expect(await page.locator(`${card} .badge`).textContent()).toBe(s.shareWithin === null ? 'tidak diukur' : `${pct(s.shareWithin)} dalam standar`);
      }
    }
    // The "no" at step 4 sends the work back to step 3.
    const d4 = r.decisions.find((d) => d.step === 4)!;
    expect(d4).toMatchObject({ loopsBack: true });
    expect(d4.no).toBeGreaterThan(0);
    expect(await page.locator('#report-decisions [data-step="4"]').textContent()).toContain(`ya ${d4.yes} · tidak ${d4.no}`);
    expect(await page.locator('#report-overdue .card').evaluateAll((els) => els.map((e) => e.getAttribute('data-case')))).toEqual(r.overdueNow.map((o) => o.caseId));
    expect(await page.locator('#report-tabel7 > li').allTextContents()).toEqual(r.tabel7.rows.map((t) => `${t.no}. ${t.prosedur}${t.penilaian}${t.catatan}`));
    expect(await page.locator('#report-tabel8 > li strong').allTextContents()).toEqual(r.tabel8.rows.map((t) => `${t.no}. ${t.aspek}`));
    // The complaints are this SOP's own cases here.
    expect(await fig(sb, '#report-complaints', 'complaints-open')).toBe(String(r.cases.openNow));
    expect(await fig(sb, '#report-complaints', 'complaints-overdue')).toBe(String(r.cases.overdueNow));

    const ikm: IkmResult = (await h.s.call('GET', `${A}/reports/ikm?from=${period.from}&to=${period.to}&sop=pengaduan`, { as: h.person('kabid_perpustakaan').email })).body;
    expect(ikm.responses).toBe(2);
    expect(await fig(sb, '#report-ikm', 'ikm-index')).toBe(indexText(ikm.index));
    expect(await fig(sb, '#report-ikm', 'ikm-responses')).toBe('2');
    expect(await page.locator('#report-ikm-elements td').allTextContents()).toEqual(ikm.elements.map((e) => nrrText(e.nrr)));
    expect(await page.locator('#report-saran').textContent()).toContain('Balasan pengaduan dikirim juga lewat WhatsApp.');

    // Nothing in a 300 px sidebar runs wider than it.
    const overflow = await page.locator('#sidebar').evaluate((el) => [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5).map((e) => e.id || e.className || e.tagName));
    expect(overflow).toEqual([]);
    await shot('laporan');
    await shotOf('#nav', 'tabs');
    await shotOf('#report-cases', 'kasus');
    await shotOf('#report-steps', 'langkah');
    await shotOf('#report-tabel7', 'tabel7');
    await shotOf('#report-ikm', 'ikm');
    await shotOf('#report-complaints', 'pengaduan');

    // The Doc: queued once, rendered by the worker, then linked.
    await page.locator('#report-doc').click();
    await expect.poll(() => page.locator('#report-doc-ready').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.locator('#report-doc-ready a').first().textContent()).toContain('Pengaduan');
    const docs = await h.s.db.collection(`agencies/${AGENCY}/outbox`).where('caseId', '==', REPORT_CASE_ID).get();
    expect(docs.size).toBe(1);
    await shotOf('#report-actions', 'dokumen');
    await shotOf('#report-doc-status', 'dokumen-siap');

    // The sheet (the preview's stand-in draws the same values the add-on writes).
    await page.locator('#report-sheet').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain(`Sheet "Laporan SOP pengaduan ${period.from}–${period.to}" diperbarui: ${r.steps.length} langkah`);
    const sheetRows = page.locator('#preview-sop-report-table tr');
    expect(await sheetRows.filter({ hasText: 'Terlambat sekarang' }).locator('td').allTextContents()).toEqual(['Terlambat sekarang', String(r.cases.overdueNow), ...Array.from({ length: 10 }, () => '')]);
    expect(await page.locator('#preview-sop-step-chart').isVisible()).toBe(true);
    expect(await page.locator('#preview-sop-trend-chart').isVisible()).toBe(true);
    await sb.fullShot('sheet');

    // "Lihat kasus pengaduan": the case list searched for the complaints.
    await page.locator('#report-complaint-list').click();
    await expect.poll(() => page.locator('#view').textContent()).toContain('PENGADUAN/');
  });

  it('counts my overdue and due-soon tasks, and turns my morning digest off and on', async () => {
    const sb = await h.open('front-office');
    const { page, actAs, shot } = sb;
    const fo = h.person('front_office').email;
    await actAs('front_office');
    const summary: TaskSummary = (await h.s.call('GET', `${A}/tasks/summary`, { as: fo })).body;
    expect(summary.overdue).toBeGreaterThan(0);
    await expect.poll(() => fig(sb, '#task-summary', 'overdue')).toBe(String(summary.overdue));
    expect(await fig(sb, '#task-summary', 'dueSoon')).toBe(String(summary.dueSoon));

    const toggle = page.locator('#digest-toggle');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => page.locator('#digest-note').textContent()).toBe('Ringkasan pagi dimatikan.');
    expect((await h.s.call('GET', `${A}/me/digest`, { as: fo })).body).toEqual({ digest: false });
    const staff = await h.s.db.doc(`agencies/${AGENCY}/staff/${fo}`).get();
    expect(staff.data()?.digest).toBe(false);
    await shot('ringkasan-pagi-mati');

    // A fresh sidebar shows the stored choice, and turns it back on.
    await page.reload();
    await page.locator('#view h2', { hasText: 'Tugas saya' }).waitFor();
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => page.locator('#digest-note').textContent()).toBe('Ringkasan pagi aktif.');
    expect((await h.s.call('GET', `${A}/me/digest`, { as: fo })).body).toEqual({ digest: true });
  });
});
