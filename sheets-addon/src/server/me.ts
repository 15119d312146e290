// The sidebar's Me from the API's GET /v1/agencies/{a}/me reply ({agency, staff}) and the role
// labels of the agency's SOP definitions (the staff directory holds role ids only). Pure: no Apps
// Script globals.
import type { AgencyMeResponse, SopListResponse } from '../../../functions/src/contract.ts';
import type { Me } from '../contract.ts';

/** The reply as it may arrive: read defensively, every part optional. */
export interface MeReply {
  agency?: Partial<AgencyMeResponse['agency']>;
  staff?: Partial<AgencyMeResponse['staff']>;
}

/** Role id -> label from GET /v1/agencies/{a}/sops ({sops: [{roles: [{id, label}]}]}); the first SOP naming a role wins. */
export function roleLabelsOf(sopsReply: Partial<SopListResponse> | null): Record<string, string> {
  const out: Record<string, string> = {};
  const sops = (sopsReply as { sops?: unknown } | null)?.sops;
  if (!Array.isArray(sops)) return out;
  for (const s of sops) {
    const roles = (s as { roles?: unknown } | null)?.roles;
    if (!Array.isArray(roles)) continue;
    for (const r of roles as { id?: unknown; label?: unknown }[]) {
      if (typeof r?.id === 'string' && typeof r.label === 'string' && !(r.id in out)) out[r.id] = r.label;
    }
  }
  return out;
}

export function toMe(reply: MeReply, agencyId: string, labels: Record<string, string>): Me {
  const agency = reply.agency ?? {};
  const staff = reply.staff ?? {};
  return {
    email: staff.email ?? '',
    name: staff.name ?? staff.email ?? '',
    agency: { id: agency.id ?? agencyId, name: agency.name ?? agencyId, shortName: agency.shortName ?? agency.name ?? agencyId, timeZone: agency.timeZone ?? 'Asia/Jakarta' },
    roles: (staff.roles ?? []).map((id) => ({ id, label: Object.prototype.hasOwnProperty.call(labels, id) ? labels[id]! : id })),
  };
}
