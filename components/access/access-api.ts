/**
 * Client calls of the access endpoints (docs/api-access.md): invitations, members and a
 * matrix's read-only link. Same-origin JSON with the session cookie; a non-2xx answer
 * throws the ApiError of lib/query/api-client.
 */
import { apiRequest } from "@/lib/query/api-client";
import type { CreateInvitationInput } from "@/lib/schemas/access";
import type { TeamRole } from "@/lib/schemas/team";
import type { CreatedInvitation, MemberDto, ShareLinkDto } from "@/lib/teams/access-dto";

/** Same-origin JSON with the session cookie (lib/query/api-client). */
const call = apiRequest;

const enc = encodeURIComponent;

export const accessApi = {
  createInvitation: (teamId: string, input: CreateInvitationInput) =>
    call<CreatedInvitation>("POST", `/teams/${enc(teamId)}/invitations`, input),
  revokeInvitation: (teamId: string, invitationId: string) =>
    call<{ ok: true }>("DELETE", `/teams/${enc(teamId)}/invitations/${enc(invitationId)}`),
  changeRole: (teamId: string, userId: string, role: TeamRole) =>
    call<{ member: MemberDto }>("PATCH", `/teams/${enc(teamId)}/members/${enc(userId)}`, { role }),
  removeMember: (teamId: string, userId: string) =>
    call<{ left: boolean }>("DELETE", `/teams/${enc(teamId)}/members/${enc(userId)}`),
  getShareLink: (matrixId: string) =>
    call<{ shareLink: ShareLinkDto | null }>("GET", `/matrices/${enc(matrixId)}/share-link`),
  enableShareLink: (matrixId: string, regenerate = false) =>
    call<{ shareLink: ShareLinkDto }>(
      "POST",
      `/matrices/${enc(matrixId)}/share-link`,
      regenerate ? { regenerate } : {},
    ),
  disableShareLink: (matrixId: string) => call<{ shareLink: null }>("DELETE", `/matrices/${enc(matrixId)}/share-link`),
};
