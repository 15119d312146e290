// The query string of a list call, in one place: the Apps Script server sends it after checking
// the call, and the local preview's shim sends the same, so the two cannot drift apart.
import type { CaseListCall, ParticipantListCall } from '../contract.ts';

/** `?q=..&status=..&pageToken=..&limit=..` for GET .../cases; empty when nothing narrows the list. */
export function caseListQuery(q: CaseListCall): string {
  const params = [
    q.q ? `q=${encodeURIComponent(q.q)}` : '',
    q.status ? `status=${encodeURIComponent(q.status)}` : '',
    q.pageToken ? `pageToken=${encodeURIComponent(q.pageToken)}` : '',
    q.limit !== undefined ? `limit=${q.limit}` : '',
  ].filter(Boolean);
  return params.length ? `?${params.join('&')}` : '';
}

/** `?event=..&status=..&pageToken=..&limit=..` for GET .../programmes/{p}/participants. */
export function participantListQuery(q: ParticipantListCall): string {
  const params = [
    q.event ? `event=${encodeURIComponent(q.event)}` : '',
    q.status ? `status=${encodeURIComponent(q.status)}` : '',
    q.pageToken ? `pageToken=${encodeURIComponent(q.pageToken)}` : '',
    q.limit !== undefined ? `limit=${q.limit}` : '',
  ].filter(Boolean);
  return params.length ? `?${params.join('&')}` : '';
}
