// `npm run admin -- create-forms <agency>`: the agency's partner forms in Google Forms, created or
// brought in line with their definitions, idempotently. A form that already matches gets no write
// at all (one forms.get and one Drive files.get). The Google form id is saved on the agency right
// after forms.create, so a run that stops half-way continues on the same form next time instead of
// leaving a second one behind.
import { isDeepStrictEqual } from 'node:util';
import { EffectError } from '../documents/types.ts';
import type { AgencyForm } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import { partnerForms } from './index.ts';
import { planUpdate, questionIdsOf, type GoogleForm } from './items.ts';
import type { GoogleForms } from './google.ts';
import { checkForm, checkSurveyForm, type PartnerForm } from './schema.ts';

export interface FormSetupResult {
  formId: string;
  title: string;
  googleFormId: string;
  responderUri: string;
  /** created: a new Google form; updated: items, info, folder or publishing changed; unchanged: nothing written. */
  outcome: 'created' | 'updated' | 'unchanged';
}

/** The partner forms of the SOPs active at the agency, each made to match its definition. */
export async function createAgencyForms(deps: { store: Store; google: GoogleForms }, agencyId: string): Promise<FormSetupResult[]> {
  const agency = await deps.store.agency(agencyId);
  if (!agency) throw new Error(`agency ${agencyId} does not exist (put-agency first)`);
  const folderId = agency.google?.folderId;
  if (!folderId) throw new Error(`agency ${agencyId} has no Drive folder (google.folderId; upload-templates sets it): the forms go there so the functions' service account can read them`);
  const defs = new Map((await deps.store.activeDefinitions(agencyId)).map((d) => [d.id, d]));
  const results: FormSetupResult[] = [];
  // The survey form serves every SOP: an agency with any SOP active gets it.
  for (const form of partnerForms().filter((f) => (f.sopId === undefined ? defs.size > 0 : defs.has(f.sopId)))) {
    // A form that no longer fits the agency's own version of its SOP must not reach partners.
    const def = form.sopId === undefined ? null : defs.get(form.sopId)!;
    const misfit = def ? checkForm(form, def) : checkSurveyForm(form);
    if (misfit.length) throw new Error(`form ${form.id} does not fit ${def ? `SOP ${def.id} v${def.version}` : 'the survey rules'} of ${agencyId}:\n- ${misfit.join('\n- ')}`);
    results.push(await syncForm(deps, agencyId, agency.name, folderId, form, agency.forms[form.id]));
  }
  return results;
}

export async function syncForm(deps: { store: Store; google: GoogleForms }, agencyId: string, agencyName: string, folderId: string, form: PartnerForm, saved: AgencyForm | undefined): Promise<FormSetupResult> {
  const { google, store } = deps;
  let outcome: FormSetupResult['outcome'] = 'unchanged';
  let current: GoogleForm | null = null;
  if (saved) {
    try {
      current = await google.get(saved.googleFormId);
    } catch (err) {
      // Deleted in Drive: a new form replaces it (its link and cursor are replaced with it).
      if (!(err instanceof EffectError) || err.status !== 404) throw err;
      console.warn(`form ${form.id}: Google form ${saved.googleFormId} is gone; creating a new one`);
      saved = undefined;
    }
  }
  if (!current) {
    current = await google.create(form.title, `${form.title} (${agencyName})`);
    outcome = 'created';
    await store.putAgencyForm(agencyId, form.id, { googleFormId: current.formId, responderUri: current.responderUri, questionIds: {}, version: form.version });
  }
  const requests = planUpdate(form, agencyName, current, saved?.questionIds);
  if (requests.length) {
    current = await google.batchUpdate(current.formId, requests);
    if (outcome === 'unchanged') outcome = 'updated';
  }
  const state = current.publishSettings?.publishState;
  if (!state?.isPublished || !state.isAcceptingResponses) {
    await google.publish(current.formId);
    if (outcome === 'unchanged') outcome = 'updated';
  }
  if ((await google.moveToFolder(current.formId, folderId)) && outcome === 'unchanged') outcome = 'updated';
  const entry: AgencyForm = { googleFormId: current.formId, responderUri: current.responderUri, questionIds: questionIdsOf(form, current), version: form.version };
  if (!saved || !isDeepStrictEqual(entry, { ...saved })) {
    await store.putAgencyForm(agencyId, form.id, entry);
  }
  return { formId: form.id, title: form.title, googleFormId: entry.googleFormId, responderUri: entry.responderUri, outcome };
}
