// Takes a new case through a published (imported) SOP over the HTTP API, YES at every decision: each
// step by a demo staff member of its first actor role, with what a clerk would enter, and the
// documents the case does not hold yet attached as links (an imported table may name a document no
// earlier step produces).
import { expect } from 'vitest';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import type { SopDefinition } from '../../functions/src/sop/schema.ts';
import type { Stack } from './stack.ts';

export async function walkYes(s: Stack, agency: string, def: SopDefinition, caseId?: string): Promise<{ caseId: string; steps: number[]; sopVersion: number }> {
  const base = `/v1/agencies/${agency}`;
  let id = caseId;
  if (!id) {
    const creator = s.who(agency, (def.createRoles ?? stepOf(def, def.startStep).actors)[0]!);
    const created = await s.call('POST', `${base}/cases`, { as: creator, body: { sop: def.id, partner: { name: 'Mitra Impor', email: 'mitra@example.org' } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.state.id as string;
  }
  const taken: number[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const c = await s.call('GET', `${base}/cases/${id}`, { as: s.who(agency, def.cancelRoles[0]!) });
    expect(c.status).toBe(200);
    if (c.body.case.status !== 'open') return { caseId: id, steps: taken, sopVersion: c.body.case.sopVersion };
    const step = stepOf(def, c.body.case.currentStep);
    const input = fullInput(step);
    const documents: Record<string, { url: string }> = { ...(input.documents ?? {}) };
    for (const k of step.kelengkapan) {
      if (k.type === 'document' && k.source !== 'produced' && !c.body.case.documents[k.id]) documents[k.id] = { url: `https://example.org/dokumen/${k.id}` };
    }
    if (Object.keys(documents).length) input.documents = documents;
    const body = step.kind === 'decision' ? { type: 'decide', step: step.no, decision: 'yes', ...input } : { type: 'complete', step: step.no, ...input };
    const r = await s.call('POST', `${base}/cases/${id}/actions`, { as: s.who(agency, step.actors[0]!), body });
    expect(r.status, `step ${step.no}: ${JSON.stringify(r.body)}`).toBe(200);
    taken.push(step.no);
  }
  throw new Error('the walk did not end');
}
