// Links a partner opens: a form's public link, prefilled with the signed reference of their case
// when the form answers a step, so they never type a case number.
import type { CaseState } from '../contract.ts';
import type { Agency } from '../model/records.ts';
import { SURVEY_FORM_ID } from './catalog.ts';
import { partnerForms } from './index.ts';
import type { Refs } from './refs.ts';
import type { PartnerForm } from './schema.ts';

/** How long a prefilled form link works, in days (INTAKE_LIMITS.linkDays). */
export const LINK_DAYS = 30;

/** The form a partner answers at `step` of a case of `sopId` (answer or respond forms). */
export function answerFormFor(sopId: string, step: number): PartnerForm | null {
  return partnerForms().find((f) => f.sopId === sopId && (f.mode === 'answer' || f.mode === 'respond') && (f.step === step || f.steps?.includes(step))) ?? null;
}

/**
 * The public link of `formId` at this agency with the reference question prefilled, or null when
 * the agency has not created that form. Google prefills `entry.<n>` where n is the question id read
 * as hexadecimal.
 */
export function prefilledLink(agency: Agency, formId: string, reference: string): string | null {
  const f = agency.forms[formId];
  const form = partnerForms().find((x) => x.id === formId);
  const refQuestion = form?.questions.find((q) => q.kind === 'reference');
  const googleQid = refQuestion ? f?.questionIds[refQuestion.id] : undefined;
  if (!f || !googleQid || !/^[0-9a-f]+$/i.test(googleQid)) return null;
  const url = new URL(f.responderUri);
  url.searchParams.set('usp', 'pp_url');
  url.searchParams.set(`entry.${BigInt(`0x${googleQid}`).toString(10)}`, reference);
  return url.toString();
}

/**
 * The reference a prefilled link carries: the case as it is at `version`, for the form of `step`.
 * It works once (the answer moves the case to another version) and for LINK_DAYS days.
 */
export function formReference(refs: Refs, agencyId: string, caseId: string, step: number, version: number, now: Date): { token: string; expiresAt: Date } {
  const e = Math.floor(now.getTime() / 1000) + LINK_DAYS * 86_400;
  return { token: refs.sign({ k: 'form', a: agencyId, c: caseId, s: step, v: version, e }), expiresAt: new Date(e * 1000) };
}

/** How long the IKM survey link sent when a case closes works, in days. */
export const SURVEY_LINK_DAYS = 60;

/**
 * The survey form's link for a closed case, prefilled with a code (k: 'survei') naming the agency
 * and the case: the intake takes it once per case, for that case's SOP. Null when the agency has
 * not created the survey form.
 */
export function surveyLink(refs: Refs, agency: Agency, caseId: string, now: Date): { url: string; expiresAt: Date } | null {
  const e = Math.floor(now.getTime() / 1000) + SURVEY_LINK_DAYS * 86_400;
  const url = prefilledLink(agency, SURVEY_FORM_ID, refs.sign({ k: 'survei', a: agency.id, c: caseId, e }));
  return url ? { url, expiresAt: new Date(e * 1000) } : null;
}

/** The form of a case's current step and its prefilled link (null when the agency has no such form yet, or no secret signs links). */
export interface StepLink {
  form: PartnerForm;
  step: number;
  url: string | null;
  expiresAt: Date;
}

/** What a partner answers at the case's current step, if a form does; null when the case is over or the step has no form. */
export function stepLink(refs: Refs | null, agency: Agency, state: Pick<CaseState, 'id' | 'sopId' | 'status' | 'currentStep' | 'version'>, now: Date): StepLink | null {
  if (state.status !== 'open' || state.currentStep === null) return null;
  const form = answerFormFor(state.sopId, state.currentStep);
  if (!form) return null;
  if (!refs) return { form, step: state.currentStep, url: null, expiresAt: now };
  const ref = formReference(refs, agency.id, state.id, state.currentStep, state.version, now);
  return { form, step: state.currentStep, url: prefilledLink(agency, form.id, ref.token), expiresAt: ref.expiresAt };
}
