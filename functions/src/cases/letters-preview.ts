// What the current step sends out once it is saved, for the step form to say before the button is
// pressed: each letter it makes (per exit of a decision), whether it takes a number, and the
// address it is e-mailed to, chosen exactly as the outbox will choose it (outbox/plan.ts
// recipient); and the e-mail with only a form link that planLetters adds when the case moves to a
// step the partner answers and no letter goes to the partner. Loaded only for a step that can
// send something (the api's cold start never pays for it).
import type { CaseState, PlannedLetter } from '../contract.ts';
import { templateFor, type TemplateSpec } from '../documents/templates.ts';
import { answerFormFor } from '../forms/links.ts';
import type { Agency } from '../model/records.ts';
import { recipient } from '../outbox/plan.ts';
import type { ProducedDocument, Step, SopDefinition, Target } from '../sop/schema.ts';

interface Route {
  decision: 'yes' | 'no' | null;
  to: Target;
  produces: ProducedDocument[];
}

/** The ways the step can go: one for a process or end step, the exits of a decision (only the carried one when it follows an earlier decision). */
export function routesOf(step: Step, decisions: CaseState['decisions']): Route[] {
  if (step.kind === 'process') return [{ decision: null, to: step.next, produces: step.produces }];
  if (step.kind === 'terminator') return [{ decision: null, to: 'END', produces: step.produces }];
  const carried = step.branchFrom !== undefined ? decisions[String(step.branchFrom)] : undefined;
  const exits = (['yes', 'no'] as const).filter((d) => !carried || d === carried);
  return exits.map((d) => {
    const exit = d === 'yes' ? step.ifYes : step.ifNo;
    return { decision: d, to: exit.to, produces: [...step.produces, ...exit.produces] };
  });
}

function template(doc: ProducedDocument): TemplateSpec | null {
  try {
    return templateFor(doc);
  } catch {
    return null; // an unmapped document is only recorded, never sent (the catalog test forbids it)
  }
}

function lettersOf(agency: Agency, def: SopDefinition, state: CaseState, route: Route, canLink: boolean): PlannedLetter[] {
  const form = route.to === 'END' ? null : answerFormFor(def.id, route.to);
  const to = recipient(state);
  const out: PlannedLetter[] = [];
  for (const doc of route.produces) {
    const t = template(doc);
    if (!t) continue;
    // As the outbox decides (outbox/plan.ts partnerEmail): the document's own `email`, else the template's.
    const emailed = doc.email ?? t.emailToPartner;
    const emailTo = emailed ? to : null;
    out.push({ id: doc.id, label: doc.label, kind: 'letter', decision: route.decision, numbered: t.numbered, emailTo, noAddress: emailed && !emailTo });
  }
  const linked = form && form.mode === 'answer' && canLink && agency.forms[form.id] && agency.mail && to;
  if (linked && !out.some((l) => l.emailTo)) {
    out.push({ id: `formulir_${form.id}`, label: `Tautan formulir "${form.title}"`, kind: 'form-link', decision: route.decision, numbered: false, emailTo: to, noAddress: false });
  }
  return out;
}

/** Whether the step could send anything (so the preview is worth loading). */
export function maySend(def: SopDefinition, step: Step, decisions: CaseState['decisions']): boolean {
  return routesOf(step, decisions).some((r) => r.produces.length > 0 || (r.to !== 'END' && answerFormFor(def.id, r.to)?.mode === 'answer'));
}

/**
 * The current step's letters; one made the same way on every exit is listed once, with no
 * decision. `canLink`: prefilled form links can be signed (the forms secret is set).
 */
export function plannedLetters(agency: Agency, def: SopDefinition, state: CaseState, step: Step, canLink: boolean): PlannedLetter[] {
  const routes = routesOf(step, state.decisions);
  const all = routes.map((r) => lettersOf(agency, def, state, r, canLink));
  const same = (a: PlannedLetter, b: PlannedLetter) => a.id === b.id && a.emailTo === b.emailTo;
  const everywhere = routes.length > 1 ? all[0]!.filter((l) => all.every((ls) => ls.some((x) => same(x, l)))) : [];
  return [
    ...everywhere.map((l) => ({ ...l, decision: null })),
    ...all.flat().filter((l) => routes.length === 1 || !everywhere.some((e) => same(e, l))),
  ];
}
