// Steps as the sidebar reads them from the API's SOP description.
import type { DescribedStep, Exit, ProducedDocument } from '../../../../functions/src/contract.ts';

/** A step as the sidebar shows it: from the SOP, or the case's current step (which says whether I can act). */
export type StepView = DescribedStep & { canAct?: boolean };

/** The exit a decision takes ('yes'/'no'); none for other steps or no decision. */
export function exitFor(step: Pick<DescribedStep, 'kind'> & Partial<Record<'ifYes' | 'ifNo', Exit>>, decision: 'yes' | 'no' | null | undefined): Exit | undefined {
  return step.kind === 'decision' && decision ? (decision === 'yes' ? step.ifYes : step.ifNo) : undefined;
}

/** Every document a step can produce, on any path. */
export function producible(step: DescribedStep): ProducedDocument[] {
  return [...step.produces, ...(step.kind === 'decision' ? [...step.ifYes.produces, ...step.ifNo.produces] : [])];
}
