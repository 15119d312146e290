// Partner forms on this machine for `npm start`: the fake Google server (the one the tests use)
// stands in for Google Forms. The demo agencies' forms are created there by the production
// set-up code; each form's responder page (Indonesian, one field per question, prefilled from
// `?entry.<n>=` like Google) is where a person plays the partner. A submission notifies the intake
// in-process, as the watch's Pub/Sub message would, and a sweep every few seconds reads every form
// as well, so a response reaches its case within moments either way.
import type { Request, Response } from '@google-cloud/functions-framework';
import type { App } from '../app.ts';
import { createGoogleForms } from '../forms/google.ts';
import { PARTNER_FORMS } from '../forms/index.ts';
import { createFormIntake } from '../forms/intake.ts';
import { answerFormFor, prefilledLink } from '../forms/links.ts';
import { createAgencyForms } from '../forms/setup.ts';
import { fakeClients, startFakeGoogle } from './fake-google/index.ts';

export interface LocalForm {
  agencyId: string;
  formId: string;
  title: string;
  mode: string;
  url: string;
}

export async function startLocalForms(app: App, opts: { agencies: string[]; port: number; project: string; sweepMs?: number }) {
  const fake = await startFakeGoogle({ port: opts.port });
  const clients = fakeClients(fake);
  const google = createGoogleForms({ forms: clients.forms, drive: clients.drive });
  const forms: LocalForm[] = [];
  for (const agencyId of opts.agencies) {
    for (const r of await createAgencyForms({ store: app.store, google }, agencyId)) {
      forms.push({ agencyId, formId: r.formId, title: r.title, mode: PARTNER_FORMS.find((f) => f.id === r.formId)!.mode, url: r.responderUri });
    }
  }
  const intake = createFormIntake({ store: app.store, forms: app.forms!, google, topicName: async () => `projects/${opts.project}/topics/sop-forms` });
  const report = (err: unknown) => console.error('formulir mitra:', err instanceof Error ? err.message : err);
  // The watch's message, delivered in-process after the respondent's page has answered.
  fake.forms.setNotifier(async (_topic, attributes) => {
    setImmediate(() => void intake.handleEvent({ message: { attributes } }).catch(report));
  });
  await intake.sweep(); // makes the watches
  const sweeper = setInterval(() => void intake.sweep().catch(report), opts.sweepMs ?? 5_000);

  /** GET /dev/forms and /dev/forms/link?agency=&case=: the forms, and a case's prefilled answer link. */
  async function route(req: Request, res: Response): Promise<boolean> {
    if (req.path === '/dev/forms') {
      res.json({ forms });
      return true;
    }
    if (req.path !== '/dev/forms/link') return false;
    const agencyId = String(req.query.agency ?? '');
    const caseId = String(req.query.case ?? '');
    const agency = await app.store.agency(agencyId);
    const found = agency ? await app.store.readCase(agencyId, caseId) : null;
    if (!agency || !found) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `Kasus ${caseId || '(kosong)'} di instansi ${agencyId || '(kosong)'} tidak ditemukan.` } });
      return true;
    }
    const step = found.state.currentStep;
    const form = step !== null ? answerFormFor(found.state.sopId, step) : null;
    if (!form || step === null) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `Langkah ${step ?? '-'} kasus ${found.state.nomor} tidak dijawab mitra melalui formulir.` } });
      return true;
    }
    const url = prefilledLink(agency, form.id, app.forms!.reference(agencyId, caseId, step, found.state.version));
    res.json({ formId: form.id, step, url });
    return true;
  }

  return {
    forms,
    fakeUrl: fake.url,
    route,
    async close() {
      clearInterval(sweeper);
      fake.forms.setNotifier(null);
      await fake.close();
    },
  };
}
