// The partner forms, validated against the SOP catalog when loaded: a broken form must not load.
import { catalogById } from '../sop/catalog/index.ts';
import { FORMS } from './catalog.ts';
import { loadForm, type PartnerForm } from './schema.ts';

export const PARTNER_FORMS: PartnerForm[] = FORMS.map((f) => loadForm(f, catalogById(f.sopId)));

export function formById(id: string): PartnerForm | null {
  return PARTNER_FORMS.find((f) => f.id === id) ?? null;
}
