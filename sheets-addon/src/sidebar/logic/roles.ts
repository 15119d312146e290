// What the signed-in staff member's roles allow, as the SOP describes it.
import type { SopDescription } from '../../../../functions/src/contract.ts';
import type { Me } from '../../contract.ts';

export function roleIds(me: Pick<Me, 'roles'>): string[] {
  return me.roles.map((r) => r.id);
}

export function canCreate(sop: SopDescription, roles: string[]): boolean {
  const start = sop.steps.find((s) => s.no === sop.startStep);
  const allowed = sop.createRoles ?? start?.actors ?? [];
  return allowed.some((r) => roles.includes(r));
}

export function canCancel(sop: SopDescription | undefined, roles: string[]): boolean {
  return !!sop && sop.cancelRoles.some((r) => roles.includes(r));
}

export function roleLabel(sop: SopDescription | undefined, id: string): string {
  return sop?.roles.find((r) => r.id === id)?.label ?? id.replace(/_/g, ' ');
}
