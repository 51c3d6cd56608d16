/**
 * Two teams, A and B, each with an owner, a member, a pending invitation, a matrix (a
 * responsibility, a column, a saved version, a read-only link, an undone cell edit) and
 * an API token, made once per worker. Team B's names are secrets: a user of team A
 * must never see them. Set-up goes through the API with a bearer token (fast, no UI).
 */
import { expect, type Browser } from "@playwright/test";
import type { MatrixDto } from "../../lib/matrix/dto";
import { addMember, makeTeam, makeUser, uniqueSuffix, type TestUser } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";
import { bearerClient, makeApiToken } from "../fixtures/api-token";
import { testDb } from "../fixtures/db";

/** The ids a case's path is built from. */
export interface Ids {
  userId: string;
  teamId: string;
  teamSlug: string;
  /** The team's name (typed to confirm a transfer or a deletion). */
  teamName: string;
  /** A member (role member) of the team who is not the owner. */
  memberUserId: string;
  /** A pending (multi-use) invitation of the team, and its token. */
  invitationId: string;
  invitationToken: string;
  matrixId: string;
  /** A manual snapshot (saved version) of the matrix. */
  snapshotId: string;
  /** The matrix's active read-only link token, and a token it had before (revoked). */
  shareToken: string;
  revokedShareToken: string;
  /** A responsibility of the matrix, and its version. */
  rowId: string;
  rowVersion: number;
  /** A matrix column, its person, and their versions. */
  columnId: string;
  columnVersion: number;
  personId: string;
  personVersion: number;
  matrixVersion: number;
  /** A person of the team who is not a column of the matrix. */
  sparePersonId: string;
  /** A personal access token of the user (its id). */
  tokenId: string;
  /** A running workshop (on another matrix of the team), its join code, its current item and a column's person. */
  workshopId: string;
  workshopCode: string;
  workshopItemId: string;
  workshopPersonId: string;
}

export interface Side {
  user: TestUser;
  ids: Ids;
  /** A signed-in session's Cookie header. */
  cookie: string;
  /** A bearer token of the user. */
  token: string;
  /** Every name of this side that must not leak to the other team. */
  secrets: string[];
  /** A new matrix (row, column, person, token) in the same team: for writes that consume their target. */
  fresh: () => Promise<Ids>;
}

export interface World {
  a: Side;
  b: Side;
}

type MatrixIds = Omit<
  Ids,
  | "userId"
  | "teamId"
  | "teamSlug"
  | "teamName"
  | "tokenId"
  | "memberUserId"
  | "invitationId"
  | "invitationToken"
  | WorkshopKeys
>;
type WorkshopKeys = "workshopId" | "workshopCode" | "workshopItemId" | "workshopPersonId";

async function buildMatrix(user: TestUser, teamId: string, label: string, token: string): Promise<MatrixIds> {
  const api = await bearerClient(token);
  try {
    const created = await api.post(`/api/v1/teams/${teamId}/matrices`, {
      data: { name: `${label} Matrix`, template: "tl-vs-em" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const matrixId = ((await created.json()) as { matrix: { id: string } }).matrix.id;
    const row = await api.post(`/api/v1/matrices/${matrixId}/rows`, { data: { title: `${label} Duty` } });
    expect(row.status(), await row.text()).toBe(201);
    const column = await api.post(`/api/v1/matrices/${matrixId}/columns`, {
      data: { person: { name: `${label} Person`, roleTitle: `${label} Role` } },
    });
    expect(column.status(), await column.text()).toBe(201);
    const spare = await api.post(`/api/v1/teams/${teamId}/people`, { data: { name: `${label} Spare` } });
    expect(spare.status(), await spare.text()).toBe(201);
    const sparePersonId = ((await spare.json()) as { person: { id: string } }).person.id;
    const rowId = ((await row.json()) as { row: { id: string } }).row.id;
    const columnId = ((await column.json()) as { column: { id: string } }).column.id;

    // An edit of a template cell, undone: the owner has a step to undo (the column) and one to redo.
    const before = (await (await api.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
    const ri = before.rows.findIndex((x) => x.id !== rowId);
    const ci = before.columns.findIndex((x) => x.id !== columnId);
    const version = before.cells.find(([r, c]) => r === ri && c === ci)?.[3] ?? 0;
    const cell = await api.put(`/api/v1/matrices/${matrixId}/cells`, {
      data: {
        responsibilityId: before.rows[ri]!.id,
        personId: before.columns[ci]!.personId,
        letters: before.cells.find(([r, c]) => r === ri && c === ci)?.[2] === "C" ? "I" : "C",
        version,
      },
    });
    expect(cell.status(), await cell.text()).toBe(200);
    const undo = await api.post(`/api/v1/matrices/${matrixId}/undo`, { data: {} });
    expect(undo.status(), await undo.text()).toBe(200);

    const snapshot = await api.post(`/api/v1/matrices/${matrixId}/snapshots`, { data: { name: `${label} Version` } });
    expect(snapshot.status(), await snapshot.text()).toBe(201);
    const snapshotId = ((await snapshot.json()) as { snapshot: { id: string } }).snapshot.id;

    // A read-only link, replaced once: the first token is revoked, the second one works.
    const tokenOf = async (res: Awaited<ReturnType<typeof api.post>>) => {
      expect([200, 201], await res.text()).toContain(res.status());
      return ((await res.json()) as { shareLink: { path: string } }).shareLink.path.split("/").pop()!;
    };
    const revokedShareToken = await tokenOf(await api.post(`/api/v1/matrices/${matrixId}/share-link`, { data: {} }));
    const shareToken = await tokenOf(
      await api.post(`/api/v1/matrices/${matrixId}/share-link`, { data: { regenerate: true } }),
    );
    const dto = (await (await api.get(`/api/v1/matrices/${matrixId}`)).json()) as MatrixDto;
    const r = dto.rows.find((x) => x.id === rowId)!;
    const c = dto.columns.find((x) => x.id === columnId)!;
    return {
      matrixId,
      matrixVersion: dto.version,
      rowId,
      rowVersion: r.version,
      columnId,
      columnVersion: c.version,
      personId: c.personId,
      personVersion: c.personVersion,
      sparePersonId,
      snapshotId,
      shareToken,
      revokedShareToken,
    };
  } finally {
    await api.dispose();
  }
}

/** A member of the team (role member), made in the database. */
async function addTeamMember(teamId: string, label: string): Promise<TestUser> {
  const member = await makeUser({ name: `${label} Member` });
  await addMember({ id: teamId, slug: "", name: "" }, member, "member");
  return member;
}

/** A pending (multi-use) invitation of the team, through the API. */
async function buildInvitation(teamId: string, token: string): Promise<Pick<Ids, "invitationId" | "invitationToken">> {
  const api = await bearerClient(token);
  try {
    const res = await api.post(`/api/v1/teams/${teamId}/invitations`, {
      data: { role: "member", expiresInDays: 7, uses: "multi" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as { invitation: { id: string }; path: string };
    return { invitationId: body.invitation.id, invitationToken: body.path.split("/").pop()! };
  } finally {
    await api.dispose();
  }
}

/**
 * A running workshop on a matrix of its own (`${label} Board`), so that the main matrix
 * stays free for the case that starts one.
 */
async function buildWorkshop(teamId: string, label: string, token: string): Promise<Pick<Ids, WorkshopKeys>> {
  const api = await bearerClient(token);
  try {
    const created = await api.post(`/api/v1/teams/${teamId}/matrices`, {
      data: { name: `${label} Board`, template: "tl-vs-em" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const matrixId = ((await created.json()) as { matrix: { id: string } }).matrix.id;
    const started = await api.post(`/api/v1/matrices/${matrixId}/workshops`, { data: { name: `${label} Workshop` } });
    expect(started.status(), await started.text()).toBe(201);
    const { workshop } = (await started.json()) as {
      workshop: { id: string; joinCode: string; current: { itemId: string }; columns: { personId: string }[] };
    };
    return {
      workshopId: workshop.id,
      workshopCode: workshop.joinCode,
      workshopItemId: workshop.current.itemId,
      workshopPersonId: workshop.columns[0]!.personId,
    };
  } finally {
    await api.dispose();
  }
}

async function sessionCookie(browser: Browser, user: TestUser): Promise<string> {
  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000" });
  try {
    const page = await ctx.newPage();
    await signIn(page, user);
    const cookies = await ctx.cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await ctx.close();
  }
}

export async function makeSide(browser: Browser, label: string): Promise<Side> {
  const user = await makeUser({ name: `${label} Owner` });
  const team = await makeTeam(user, { name: `${label} Team` });
  const { id: tokenId, token } = await makeApiToken(user, { name: `${label} Token` });
  // Database writes first: on SQLite, a write from this process while the server is in
  // a transaction can make the server's transaction fail (SQLITE_BUSY).
  const member = await addTeamMember(team.id, label);
  // One after the other: on SQLite (one writer) parallel set-up only queues transactions
  // on a busy machine until Prisma's transaction timeout.
  const matrix = await buildMatrix(user, team.id, label, token);
  const invitation = await buildInvitation(team.id, token);
  const workshop = await buildWorkshop(team.id, label, token);
  const ids: Ids = {
    userId: user.id,
    teamId: team.id,
    teamSlug: team.slug,
    teamName: team.name,
    tokenId,
    memberUserId: member.id,
    ...invitation,
    ...workshop,
    ...matrix,
  };
  const cookie = await sessionCookie(browser, user);
  let n = 0;
  return {
    user,
    ids,
    cookie,
    token,
    secrets: [
      `${label} Owner`,
      `${label} Team`,
      `${label} Matrix`,
      `${label} Duty`,
      `${label} Person`,
      `${label} Role`,
      `${label} Token`,
      `${label} Spare`,
      `${label} Member`,
      `${label} Version`,
      `${label} Board`,
      `${label} Workshop`,
      user.email,
      member.email,
      ids.invitationToken,
      ids.shareToken,
    ],
    fresh: async () => {
      n += 1;
      const freshMember = await addTeamMember(team.id, `${label} Fresh${n}`);
      const t = await makeApiToken(user, { name: `${label} Fresh${n} Token` });
      const m = await buildMatrix(user, team.id, `${label} Fresh${n}`, token);
      const inv = await buildInvitation(team.id, token);
      const ws = await buildWorkshop(team.id, `${label} Fresh${n}`, token);
      return { ...ids, ...m, ...inv, ...ws, memberUserId: freshMember.id, tokenId: t.id };
    },
  };
}

/** Team A (the caller's) and team B (the one whose names must never leak). */
export async function makeWorld(browser: Browser): Promise<World> {
  const suffix = uniqueSuffix();
  const [a, b] = await Promise.all([makeSide(browser, `Alpha ${suffix}`), makeSide(browser, `Zebra ${suffix}`)]);
  return { a, b };
}

/**
 * Everything of a team a write could touch, as one comparable string: the team, its
 * memberships and roles, invitations, people, matrices, snapshots, read-only links, the
 * number of recorded changes, and workshops (items, votes, participants).
 */
export async function teamState(teamId: string): Promise<string> {
  const db = testDb();
  const byId = { orderBy: { id: "asc" as const } };
  const state = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, slug: true, version: true } }),
    db.membership.findMany({ where: { teamId }, select: { userId: true, role: true }, ...byId }),
    db.invitation.findMany({
      where: { teamId },
      select: { id: true, role: true, uses: true, revokedAt: true },
      ...byId,
    }),
    db.person.findMany({ where: { teamId }, select: { id: true, version: true }, ...byId }),
    db.matrix.findMany({ where: { teamId }, select: { id: true, version: true, deletedAt: true }, ...byId }),
    db.matrixSnapshot.findMany({ where: { matrix: { teamId } }, select: { id: true }, ...byId }),
    db.shareLink.findMany({ where: { matrix: { teamId } }, select: { id: true, revokedAt: true }, ...byId }),
    db.matrixChange.count({ where: { matrix: { teamId } } }),
    db.workshop.findMany({
      where: { matrix: { teamId } },
      select: { id: true, version: true, status: true, phase: true, currentItemId: true },
      ...byId,
    }),
    db.workshopItem.findMany({
      where: { workshop: { matrix: { teamId } } },
      select: { id: true, status: true, position: true },
      ...byId,
    }),
    db.workshopVote.count({ where: { workshop: { matrix: { teamId } } } }),
    db.workshopParticipant.findMany({
      where: { workshop: { matrix: { teamId } } },
      select: { userId: true, seenAt: true },
      orderBy: { userId: "asc" },
    }),
  ]);
  return JSON.stringify(state);
}
