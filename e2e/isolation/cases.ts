/**
 * The tenant-isolation table: one entry per (route, method) that takes an id. The suite
 * (e2e/isolation.spec.ts) reads app/ at test time and fails when a page or route handler
 * with a dynamic segment has no case here and no entry in SKIPPED.
 *
 * Adding a case is a few lines: the route pattern as it appears under app/ (route
 * groups removed), the method, and how to build the path from the target's ids
 * (`t`, team B's for the attack, the owner's own for the positive control) and the
 * caller's (`me`). Writes get a body; their positive control runs on a fresh matrix so
 * nothing shared is consumed.
 */
import type { Ids } from "./world";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface IsolationCase {
  /** URL pattern of the file, e.g. "/api/v1/matrices/[matrixId]/rows/[rowId]". */
  route: string;
  method: Method;
  /** The URL to request. `t`: the target's ids; `me`: the caller's own (for mixed cases). */
  path: (t: Ids, me: Ids) => string;
  /** JSON body. */
  body?: (t: Ids) => unknown;
  /** A non-JSON body. */
  raw?: { contentType: string; data: string };
  /** A never-ending response (server-sent events): only the status and headers are read. */
  stream?: boolean;
  /** Shown in the test title, e.g. "own team, other team's matrix". */
  variant?: string;
  /** The positive control is a redirect to this path (a page that forwards), not a 2xx. */
  okRedirect?: (t: Ids) => string;
}

const m = (t: Ids) => `/api/v1/matrices/${t.matrixId}`;
const tableCsv = "Responsibility,Ana (Tech Lead)\nOn-call,R\n";

export const CASES: IsolationCase[] = [
  // ---- Pages
  { route: "/t/[teamSlug]", method: "GET", path: (t) => `/t/${t.teamSlug}` },
  { route: "/t/[teamSlug]/people", method: "GET", path: (t) => `/t/${t.teamSlug}/people` },
  { route: "/t/[teamSlug]/import", method: "GET", path: (t) => `/t/${t.teamSlug}/import` },
  { route: "/t/[teamSlug]/settings", method: "GET", path: (t) => `/t/${t.teamSlug}/settings` },
  { route: "/t/[teamSlug]/settings/audit", method: "GET", path: (t) => `/t/${t.teamSlug}/settings/audit` },
  { route: "/t/[teamSlug]/members", method: "GET", path: (t) => `/t/${t.teamSlug}/members` },
  { route: "/t/[teamSlug]/matrices/[matrixId]", method: "GET", path: (t) => `/t/${t.teamSlug}/matrices/${t.matrixId}` },
  {
    route: "/t/[teamSlug]/matrices/[matrixId]",
    method: "GET",
    variant: "own team, other team's matrix",
    path: (t, me) => `/t/${me.teamSlug}/matrices/${t.matrixId}`,
  },
  { route: "/t/[teamSlug]/people/[personId]", method: "GET", path: (t) => `/t/${t.teamSlug}/people/${t.personId}` },
  {
    route: "/t/[teamSlug]/people/[personId]",
    method: "GET",
    variant: "own team, other team's person",
    path: (t, me) => `/t/${me.teamSlug}/people/${t.personId}`,
  },

  {
    route: "/t/[teamSlug]/workshops/[workshopId]",
    method: "GET",
    path: (t) => `/t/${t.teamSlug}/workshops/${t.workshopId}`,
  },
  {
    route: "/t/[teamSlug]/workshops/[workshopId]",
    method: "GET",
    variant: "own team, other team's workshop",
    path: (t, me) => `/t/${me.teamSlug}/workshops/${t.workshopId}`,
  },
  {
    route: "/t/[teamSlug]/workshops/[workshopId]/facilitate",
    method: "GET",
    path: (t) => `/t/${t.teamSlug}/workshops/${t.workshopId}/facilitate`,
  },
  {
    route: "/t/[teamSlug]/workshops/[workshopId]/facilitate",
    method: "GET",
    variant: "own team, other team's workshop",
    path: (t, me) => `/t/${me.teamSlug}/workshops/${t.workshopId}/facilitate`,
  },
  {
    route: "/t/[teamSlug]/workshops/[workshopId]/summary",
    method: "GET",
    path: (t) => `/t/${t.teamSlug}/workshops/${t.workshopId}/summary`,
  },
  {
    route: "/t/[teamSlug]/workshops/[workshopId]/summary",
    method: "GET",
    variant: "own team, other team's workshop",
    path: (t, me) => `/t/${me.teamSlug}/workshops/${t.workshopId}/summary`,
  },
  {
    route: "/w/[code]",
    method: "GET",
    path: (t) => `/w/${t.workshopCode}`,
    okRedirect: (t) => `/t/${t.teamSlug}/workshops/${t.workshopId}`,
  },

  // ---- Teams
  { route: "/api/v1/teams/[teamId]/matrices", method: "GET", path: (t) => `/api/v1/teams/${t.teamId}/matrices` },
  {
    route: "/api/v1/teams/[teamId]/matrices",
    method: "POST",
    path: (t) => `/api/v1/teams/${t.teamId}/matrices`,
    body: () => ({ name: "Planted matrix" }),
  },
  {
    route: "/api/v1/teams/[teamId]/matrices/import",
    method: "POST",
    path: (t) => `/api/v1/teams/${t.teamId}/matrices/import?name=Planted%20import`,
    raw: { contentType: "text/csv", data: tableCsv },
  },
  { route: "/api/v1/teams/[teamId]/people", method: "GET", path: (t) => `/api/v1/teams/${t.teamId}/people` },
  {
    route: "/api/v1/teams/[teamId]/people",
    method: "POST",
    path: (t) => `/api/v1/teams/${t.teamId}/people`,
    body: () => ({ name: "Planted person" }),
  },
  {
    route: "/api/v1/people/[personId]",
    method: "PATCH",
    path: (t) => `/api/v1/people/${t.personId}`,
    body: (t) => ({ roleTitle: "Renamed", version: t.personVersion }),
  },

  // ---- Invitations and members (docs/api-access.md)
  { route: "/api/v1/teams/[teamId]/invitations", method: "GET", path: (t) => `/api/v1/teams/${t.teamId}/invitations` },
  {
    route: "/api/v1/teams/[teamId]/invitations",
    method: "POST",
    path: (t) => `/api/v1/teams/${t.teamId}/invitations`,
    body: () => ({ role: "manager", expiresInDays: 30, uses: "multi" }),
  },
  {
    route: "/api/v1/teams/[teamId]/invitations/[invitationId]",
    method: "DELETE",
    path: (t) => `/api/v1/teams/${t.teamId}/invitations/${t.invitationId}`,
  },
  {
    route: "/api/v1/teams/[teamId]/invitations/[invitationId]",
    method: "DELETE",
    variant: "own team, other team's invitation",
    path: (t, me) => `/api/v1/teams/${me.teamId}/invitations/${t.invitationId}`,
  },
  { route: "/api/v1/teams/[teamId]/members", method: "GET", path: (t) => `/api/v1/teams/${t.teamId}/members` },
  {
    route: "/api/v1/teams/[teamId]/members/[userId]",
    method: "PATCH",
    path: (t) => `/api/v1/teams/${t.teamId}/members/${t.memberUserId}`,
    body: () => ({ role: "manager" }),
  },
  {
    route: "/api/v1/teams/[teamId]/members/[userId]",
    method: "PATCH",
    variant: "own team, other team's member",
    path: (t, me) => `/api/v1/teams/${me.teamId}/members/${t.memberUserId}`,
    body: () => ({ role: "manager" }),
  },
  {
    route: "/api/v1/teams/[teamId]/members/[userId]",
    method: "DELETE",
    path: (t) => `/api/v1/teams/${t.teamId}/members/${t.memberUserId}`,
  },
  {
    route: "/api/v1/teams/[teamId]/members/[userId]",
    method: "DELETE",
    variant: "own team, other team's member",
    path: (t, me) => `/api/v1/teams/${me.teamId}/members/${t.memberUserId}`,
  },

  // ---- Matrices
  { route: "/api/v1/matrices/[matrixId]", method: "GET", path: m },
  {
    route: "/api/v1/matrices/[matrixId]",
    method: "PATCH",
    path: m,
    body: (t) => ({ description: "Changed", version: t.matrixVersion }),
  },
  { route: "/api/v1/matrices/[matrixId]", method: "DELETE", path: m },
  { route: "/api/v1/matrices/[matrixId]/findings", method: "GET", path: (t) => `${m(t)}/findings` },
  { route: "/api/v1/matrices/[matrixId]/changes", method: "GET", path: (t) => `${m(t)}/changes?after=0` },
  { route: "/api/v1/matrices/[matrixId]/events", method: "GET", path: (t) => `${m(t)}/events`, stream: true },
  {
    route: "/api/v1/matrices/[matrixId]/presence",
    method: "POST",
    path: (t) => `${m(t)}/presence`,
    body: () => ({ selection: null }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/cells",
    method: "PUT",
    path: (t) => `${m(t)}/cells`,
    body: (t) => ({ responsibilityId: t.rowId, personId: t.personId, letters: "R", version: 0 }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/cells",
    method: "PUT",
    variant: "own matrix, other team's row and person",
    path: (_t, me) => `${m(me)}/cells`,
    body: (t) => ({ responsibilityId: t.rowId, personId: t.personId, letters: "R", version: 0 }),
  },
  { route: "/api/v1/matrices/[matrixId]/export.csv", method: "GET", path: (t) => `${m(t)}/export.csv` },
  { route: "/api/v1/matrices/[matrixId]/export.xlsx", method: "GET", path: (t) => `${m(t)}/export.xlsx` },
  { route: "/api/v1/matrices/[matrixId]/export.pdf", method: "GET", path: (t) => `${m(t)}/export.pdf` },

  { route: "/api/v1/matrices/[matrixId]/share-link", method: "GET", path: (t) => `${m(t)}/share-link` },
  {
    route: "/api/v1/matrices/[matrixId]/share-link",
    method: "POST",
    path: (t) => `${m(t)}/share-link`,
    body: () => ({ regenerate: true }),
  },
  { route: "/api/v1/matrices/[matrixId]/share-link", method: "DELETE", path: (t) => `${m(t)}/share-link` },

  // ---- History, undo and redo, snapshots (docs/history.md)
  { route: "/api/v1/matrices/[matrixId]/history", method: "GET", path: (t) => `${m(t)}/history?limit=200` },
  {
    route: "/api/v1/matrices/[matrixId]/cells/history",
    method: "GET",
    path: (t) => `${m(t)}/cells/history?rowId=${t.rowId}&personId=${t.personId}`,
  },
  { route: "/api/v1/matrices/[matrixId]/undo", method: "GET", path: (t) => `${m(t)}/undo` },
  { route: "/api/v1/matrices/[matrixId]/undo", method: "POST", path: (t) => `${m(t)}/undo`, body: () => ({}) },
  { route: "/api/v1/matrices/[matrixId]/redo", method: "POST", path: (t) => `${m(t)}/redo`, body: () => ({}) },
  { route: "/api/v1/matrices/[matrixId]/snapshots", method: "GET", path: (t) => `${m(t)}/snapshots` },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots",
    method: "POST",
    path: (t) => `${m(t)}/snapshots`,
    body: () => ({ name: "Planted version" }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots/[snapshotId]",
    method: "GET",
    path: (t) => `${m(t)}/snapshots/${t.snapshotId}`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots/[snapshotId]",
    method: "GET",
    variant: "own matrix, other team's snapshot",
    path: (t, me) => `${m(me)}/snapshots/${t.snapshotId}`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots/[snapshotId]",
    method: "DELETE",
    path: (t) => `${m(t)}/snapshots/${t.snapshotId}`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots/[snapshotId]",
    method: "DELETE",
    variant: "own matrix, other team's snapshot",
    path: (t, me) => `${m(me)}/snapshots/${t.snapshotId}`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots/[snapshotId]/restore",
    method: "POST",
    path: (t) => `${m(t)}/snapshots/${t.snapshotId}/restore`,
    body: () => ({}),
  },
  {
    route: "/api/v1/matrices/[matrixId]/snapshots/[snapshotId]/restore",
    method: "POST",
    variant: "own matrix, other team's snapshot",
    path: (t, me) => `${m(me)}/snapshots/${t.snapshotId}/restore`,
    body: () => ({}),
  },

  // ---- Workshops (docs/workshops.md)
  { route: "/api/v1/matrices/[matrixId]/workshops", method: "GET", path: (t) => `${m(t)}/workshops` },
  {
    route: "/api/v1/matrices/[matrixId]/workshops",
    method: "POST",
    path: (t) => `${m(t)}/workshops`,
    body: () => ({ name: "Planted workshop" }),
  },
  {
    // No id in the URL: the code in the body is the id.
    route: "/api/v1/workshops/join",
    method: "POST",
    path: () => "/api/v1/workshops/join",
    body: (t) => ({ code: t.workshopCode }),
  },
  { route: "/api/v1/workshops/[workshopId]", method: "GET", path: (t) => `/api/v1/workshops/${t.workshopId}` },
  {
    route: "/api/v1/workshops/[workshopId]/heartbeat",
    method: "POST",
    path: (t) => `/api/v1/workshops/${t.workshopId}/heartbeat`,
  },
  {
    route: "/api/v1/workshops/[workshopId]/votes",
    method: "PUT",
    path: (t) => `/api/v1/workshops/${t.workshopId}/votes`,
    body: (t) => ({ itemId: t.workshopItemId, letters: { [t.workshopPersonId]: "R" } }),
  },
  {
    route: "/api/v1/workshops/[workshopId]/actions",
    method: "POST",
    path: (t) => `/api/v1/workshops/${t.workshopId}/actions`,
    body: (t) => ({ type: "reveal", itemId: t.workshopItemId }),
  },
  {
    route: "/api/v1/workshops/[workshopId]/actions",
    method: "POST",
    variant: "own workshop, other team's item",
    path: (_t, me) => `/api/v1/workshops/${me.workshopId}/actions`,
    body: (t) => ({ type: "goto", itemId: t.workshopItemId }),
  },
  {
    route: "/api/v1/workshops/[workshopId]/events",
    method: "GET",
    path: (t) => `/api/v1/workshops/${t.workshopId}/events`,
    stream: true,
  },
  {
    route: "/api/v1/workshops/[workshopId]/summary",
    method: "GET",
    path: (t) => `/api/v1/workshops/${t.workshopId}/summary`,
  },
  {
    route: "/api/v1/workshops/[workshopId]/summary.pdf",
    method: "GET",
    path: (t) => `/api/v1/workshops/${t.workshopId}/summary.pdf`,
  },

  // ---- Rows
  {
    route: "/api/v1/matrices/[matrixId]/rows",
    method: "POST",
    path: (t) => `${m(t)}/rows`,
    body: () => ({ title: "Planted row" }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/rows/[rowId]",
    method: "PATCH",
    path: (t) => `${m(t)}/rows/${t.rowId}`,
    body: (t) => ({ title: "Renamed row", version: t.rowVersion }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/rows/[rowId]",
    method: "PATCH",
    variant: "own matrix, other team's row",
    path: (t, me) => `${m(me)}/rows/${t.rowId}`,
    body: (t) => ({ title: "Renamed row", version: t.rowVersion }),
  },
  { route: "/api/v1/matrices/[matrixId]/rows/[rowId]", method: "DELETE", path: (t) => `${m(t)}/rows/${t.rowId}` },
  {
    route: "/api/v1/matrices/[matrixId]/rows/[rowId]/restore",
    method: "POST",
    path: (t) => `${m(t)}/rows/${t.rowId}/restore`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/rows/[rowId]/restore",
    method: "POST",
    variant: "own matrix, other team's row",
    path: (t, me) => `${m(me)}/rows/${t.rowId}/restore`,
  },

  // ---- Columns
  {
    route: "/api/v1/matrices/[matrixId]/columns",
    method: "POST",
    path: (t) => `${m(t)}/columns`,
    body: () => ({ person: { name: "Planted column" } }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/columns",
    method: "POST",
    variant: "own matrix, other team's person",
    path: (_t, me) => `${m(me)}/columns`,
    body: (t) => ({ personId: t.sparePersonId }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/columns/[columnId]",
    method: "PATCH",
    path: (t) => `${m(t)}/columns/${t.columnId}`,
    body: (t) => ({ afterId: null, version: t.columnVersion }),
  },
  {
    route: "/api/v1/matrices/[matrixId]/columns/[columnId]",
    method: "DELETE",
    path: (t) => `${m(t)}/columns/${t.columnId}`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/columns/[columnId]",
    method: "DELETE",
    variant: "own matrix, other team's column",
    path: (t, me) => `${m(me)}/columns/${t.columnId}`,
  },
  {
    route: "/api/v1/matrices/[matrixId]/columns/[columnId]/restore",
    method: "POST",
    path: (t) => `${m(t)}/columns/${t.columnId}/restore`,
  },

  // ---- Tokens (per user, not per team: another user's token is a 404 the same way)
  { route: "/api/v1/tokens/[tokenId]", method: "DELETE", path: (t) => `/api/v1/tokens/${t.tokenId}` },
];

/** Routes with a dynamic segment that take no tenant's id, each with the reason. */
export const SKIPPED: Record<string, string> = {
  "/api/auth/[...nextauth]": "Auth.js's own endpoints (sign-in, session, CSRF): no tenant data behind an id.",
  "/s/[token]":
    "Public read-only link: the token is the credential, no session. Unknown and revoked tokens are 404 without " +
    "names (hardening-access.spec.ts, public links; access.spec.ts).",
  "/api/v1/share/[token]": "Public read-only link (the API of /s/[token]): same as /s/[token].",
  "/invite/[token]":
    "Public invitation page: the token is the credential; an unknown token is a 404 without names " +
    "(hardening-access.spec.ts, public links; access.spec.ts).",
};

/**
 * Every server action (files with "use server"), found in the build's manifest by
 * e2e/hardening-access.spec.ts, which fails on an action missing here. `anonymous` is
 * what a call without a session must do: be refused with the sign-in message, or
 * (sign-out) only redirect to sign-in; `public` actions are meant for signed-out
 * visitors. `fields` is a form that would succeed for an owner. Actions that take a
 * team's id also have an isolation check there ("server actions with another team's id").
 */
export interface ActionEntry {
  anonymous: "refused" | "redirects" | "public";
  fields?: (t: Ids) => Record<string, string>;
  /** Takes a tenant's id: the isolation check calls it with team B's. */
  takesTeamId?: boolean;
  note?: string;
}

export const ACTIONS: Record<string, ActionEntry> = {
  "app/(app)/teams/actions.ts#createTeamAction": { anonymous: "refused", fields: () => ({ name: "Planted team" }) },
  "app/(app)/teams/actions.ts#renameTeamAction": {
    anonymous: "refused",
    takesTeamId: true,
    fields: (t) => ({ teamId: t.teamId, name: "Renamed by someone else" }),
  },
  "app/(app)/t/[teamSlug]/settings/actions.ts#transferOwnershipAction": {
    anonymous: "refused",
    takesTeamId: true,
    fields: (t) => ({ teamId: t.teamId, userId: t.memberUserId, confirm: t.teamName }),
  },
  "app/(app)/t/[teamSlug]/settings/actions.ts#deleteTeamAction": {
    anonymous: "refused",
    takesTeamId: true,
    fields: (t) => ({ teamId: t.teamId, confirm: t.teamName }),
  },
  "app/invite/actions.ts#acceptInvitationAction": {
    anonymous: "refused",
    fields: (t) => ({ token: t.invitationToken }),
    note: "joins the team of the invitation: the token is the credential",
  },
  "app/(auth)/actions.ts#signUpAction": { anonymous: "public", note: "creates an account" },
  "app/(auth)/actions.ts#signInAction": { anonymous: "public", note: "signs in" },
  "app/(auth)/actions.ts#signOutAction": { anonymous: "redirects", note: "ends the caller's own sessions" },
};
