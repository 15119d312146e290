// SOP definitions are versioned per agency: an edited SOP becomes active for new cases while a
// running case finishes on the version it started with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { loadDefinition } from '../../functions/src/sop/schema.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => s?.close());

describe('definition versions', () => {
  it('a running case stays on its version; new cases take the new one; other agencies are untouched', async () => {
    const v1 = catalogById('pusling');
    const A = '/v1/agencies/balangan';
    const kasi = s.who('balangan', 'kasi_layanan');
    const old = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN Lama' } } });
    expect(old.body.state.sopVersion).toBe(1);

    // Balangan shortens step 1 to 60 minutes and renames the SOP.
    const v2 = loadDefinition({
      ...structuredClone(v1),
      version: 2,
      title: `${v1.title} (revisi 2026)`,
      steps: v1.steps.map((st) => (st.no === 1 ? { ...st, waktu: '60 Menit' } : st)),
    });
    await s.app.store.installDefinitions('balangan', [v2]);
    // Installing v1 again never overwrites or demotes.
    await s.app.store.installDefinitions('balangan', [v1]);

    const fresh = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN Baru' } } });
    expect(fresh.body.state).toMatchObject({ sopVersion: 2, sopTitle: v2.title });
    const sops = await s.call('GET', `${A}/sops`, { as: kasi });
    expect(sops.body.sops.find((d: { id: string }) => d.id === 'pusling')).toMatchObject({ version: 2 });

    const stepOld = await s.call('POST', `${A}/cases/${old.body.state.id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(v1, 1)) } });
    expect(stepOld.body.event.standard.raw).toBe('180 Menit');
    const stepNew = await s.call('POST', `${A}/cases/${fresh.body.state.id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(v2, 1)) } });
    expect(stepNew.body.event.standard.raw).toBe('60 Menit');

    const other = await s.call('GET', '/v1/agencies/sukoharjo/sops/pusling', { as: s.who('sukoharjo', 'kasi_layanan') });
    expect(other.body.version).toBe(1);
  });

  it('an invalid definition is refused when loaded', () => {
    const broken = { ...structuredClone(catalogById('pusling')), steps: catalogById('pusling').steps.map((st) => (st.no === 2 ? { ...st, actors: ['tidak_ada'] } : st)) };
    expect(() => loadDefinition(broken)).toThrow(/peran tidak_ada tidak dikenal/);
  });
});
