// Partner forms on this machine for `npm start`: the fake Google server (the one the tests use)
// stands in for Google Forms. The demo agencies' forms are created there by the production
// set-up code; each form's responder page (Indonesian, one field per question, prefilled from
// `?entry.<n>=` like Google) is where a person plays the partner. A submission notifies the intake
// in-process, as the watch's Pub/Sub message would, and a sweep every few seconds reads every form
// as well, so a response reaches its case within moments either way.
import type { Request, Response } from '@google-cloud/functions-framework';
import type { App } from '../app.ts';
import { createGoogleForms } from '../forms/google.ts';
import { partnerForms } from '../forms/index.ts';
import { createFormIntake, type OtherForms } from '../forms/intake.ts';
import type { PartnerForm } from '../forms/schema.ts';
import { createAgencyForms, syncForm } from '../forms/setup.ts';
import { fakeClients, startFakeGoogle } from './fake-google/index.ts';

export interface LocalForm {
  agencyId: string;
  formId: string;
  title: string;
  mode: string;
  url: string;
}

/**
 * `others`: forms that are not SOP forms (a Bimtek programme's registration form), made on the
 * owner agency's folder by the same set-up code and read by the same intake.
 */
export async function startLocalForms(app: App, opts: { agencies: string[]; port: number; project: string; sweepMs?: number; others?: { forms: OtherForms; made: { agencyId: string; form: PartnerForm }[] } }) {
  const fake = await startFakeGoogle({ port: opts.port });
  const clients = fakeClients(fake);
  const google = createGoogleForms({ forms: clients.forms, drive: clients.drive });
  const forms: LocalForm[] = [];
  for (const agencyId of opts.agencies) {
    for (const r of await createAgencyForms({ store: app.store, google }, agencyId)) {
      forms.push({ agencyId, formId: r.formId, title: r.title, mode: partnerForms().find((f) => f.id === r.formId)!.mode, url: r.responderUri });
    }
  }
  for (const { agencyId, form } of opts.others?.made ?? []) {
    const agency = (await app.store.agency(agencyId))!;
    const r = await syncForm({ store: app.store, google }, agencyId, agency.name, agency.google!.folderId, form, agency.forms[form.id]);
    forms.push({ agencyId, formId: r.formId, title: r.title, mode: form.mode, url: r.responderUri });
  }
  const intake = createFormIntake({ store: app.store, forms: app.forms!, google, topicName: async () => `projects/${opts.project}/topics/sop-forms`, ...(opts.others ? { others: opts.others.forms } : {}) });
  const report = (err: unknown) => console.error('formulir mitra:', err instanceof Error ? err.message : err);
  // The watch's message, delivered in-process after the respondent's page has answered.
  fake.forms.setNotifier(async (_topic, attributes) => {
    setImmediate(() => void intake.handleEvent({ message: { attributes } }).catch(report));
  });
  await intake.sweep(); // makes the watches
  const sweeper = setInterval(() => void intake.sweep().catch(report), opts.sweepMs ?? 5_000);

  /** GET /dev/forms: every form of every demo agency with its link (a case's prefilled link is on the case in the sidebar). */
  async function route(req: Request, res: Response): Promise<boolean> {
    if (req.path !== '/dev/forms') return false;
    res.json({ forms });
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
