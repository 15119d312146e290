// Links a partner opens: a form's public link, prefilled with the signed reference of their case
// when the form answers a step, so they never type a case number.
import type { Agency } from '../model/records.ts';
import { PARTNER_FORMS } from './index.ts';
import type { PartnerForm } from './schema.ts';

/** The form a partner answers at `step` of a case of `sopId` (answer or respond forms). */
export function answerFormFor(sopId: string, step: number): PartnerForm | null {
  return PARTNER_FORMS.find((f) => f.sopId === sopId && f.mode !== 'open' && (f.step === step || f.steps?.includes(step))) ?? null;
}

/**
 * The public link of `formId` at this agency with the reference question prefilled, or null when
 * the agency has not created that form. Google prefills `entry.<n>` where n is the question id read
 * as hexadecimal.
 */
export function prefilledLink(agency: Agency, formId: string, reference: string): string | null {
  const f = agency.forms[formId];
  const form = PARTNER_FORMS.find((x) => x.id === formId);
  const refQuestion = form?.questions.find((q) => q.kind === 'reference');
  const googleQid = refQuestion ? f?.questionIds[refQuestion.id] : undefined;
  if (!f || !googleQid || !/^[0-9a-f]+$/i.test(googleQid)) return null;
  const url = new URL(f.responderUri);
  url.searchParams.set('usp', 'pp_url');
  url.searchParams.set(`entry.${BigInt(`0x${googleQid}`).toString(10)}`, reference);
  return url.toString();
}
