// The preview's stand-in for writeProgrammeReport (sheets-addon/preview/shim.ts), in headless
// Chromium on the local preview: called through google.script.run as the sidebar will call it, by a
// Bangka Belitung staff member, it draws the same tables the add-on writes (the host's own province
// only) and the chart's columns, and a malformed id comes back as the add-on's INVALID_INPUT.
// Screenshots go to test-output/sidebar/bimtek-report/.
import { describe, expect, it } from 'vitest';
import { seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { AGENCY, sidebarHarness } from './harness.ts';

const h = sidebarHarness('bimtek-report');

describe('the Bimtek report sheet in the preview (headless Chromium)', () => {
  it('draws the report tables and the chart for the host', async () => {
    const parts = h.s.app.programme!;
    await seedProgramme(h.s.app.store, parts.programmes, smallProgramme());
    for (let i = 0; i < 3; i++) {
      const r = await parts.registration.receive('perpusnas', {
        formId: registrationFormId('spptikdemo'),
        responseId: `resp-${i}`,
        submittedAt: new Date().toISOString(),
        respondentEmail: null,
        answers: { nama: [`Peserta ${i}`], lembaga: [`TBM Cahaya ${i}`], desa: ['Air Itam'], kecamatan: ['Bukit Intan'], kabupaten: ['Kota Pangkalpinang'], provinsi: ['babel'], telepon: [`08133000000${i}`], email: [`p${i}@desa.example.id`] },
      });
      expect(r.outcome).toBe('registered');
    }
    const { page, actAs, fullShot } = await h.open('laporan');
    await actAs(h.s.people.find((p) => p.agencyId === AGENCY)!.role);

    // As the sidebar calls it: google.script.run with a success and a failure handler.
    type Runner = { withSuccessHandler(f: (v: unknown) => void): Runner; withFailureHandler(f: (e: Error) => void): Runner; writeProgrammeReport(id: string): void };
    const call = (id: string) =>
      page.evaluate(
        (programmeId) =>
          new Promise((resolve) => {
            const run = (globalThis as unknown as { google: { script: { run: Runner } } }).google.script.run;
            run
              .withSuccessHandler((v) => resolve({ ok: v }))
              .withFailureHandler((e) => resolve({ error: JSON.parse(e.message) }))
              .writeProgrammeReport(programmeId);
          }),
        id,
      );
    expect(await call('spptikdemo')).toEqual({ ok: { sheetName: 'Laporan Bimtek spptikdemo', rows: 2 } });
    const table = page.locator('#preview-report-table');
    await expect.poll(() => table.locator('tr').count()).toBe(1 + 2 + 1 + 2 + 1);
    expect(await table.locator('tr').nth(1).locator('td').allTextContents()).toEqual(['Kepulauan Bangka Belitung', '1', 'Luring', '40', '3', ...Array.from({ length: 11 }, () => '0')]);
    expect(await table.locator('tr').last().textContent()).toContain('Jumlah seluruhnya');
    expect(await page.locator('#preview-sheet').textContent()).not.toContain('Kalimantan Selatan');
    // One province, four series: four columns.
    expect(await page.locator('#preview-report-chart rect').count()).toBe(4);
    await fullShot('laporan-bimtek');

    expect(await call('SPP TIK')).toMatchObject({ error: { code: 'INVALID_INPUT', path: 'programmeId' } });
  });
});
