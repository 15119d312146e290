// The partner forms, parsed on first use (a malformed form must not load; the api's cold start
// need not parse them). Whether a form fits its SOP is checked against the definition in use
// where a response arrives and where the form is created (checkForm), not against the built-in
// catalog here: an agency's SOP may be its own version.
import { FORMS } from './catalog.ts';
import { partnerFormSchema, type PartnerForm } from './schema.ts';

let parsed: PartnerForm[] | undefined;

export function partnerForms(): PartnerForm[] {
  return (parsed ??= FORMS.map((f) => partnerFormSchema.parse(f)));
}

export function formById(id: string): PartnerForm | null {
  return partnerForms().find((f) => f.id === id) ?? null;
}
