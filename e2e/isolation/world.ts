/**
 * Two teams, A and B, each with an owner, a matrix, a responsibility, a column (a person)
 * and an API token, made once per worker. Team B's names are secrets: a user of team A
 * must never see them. Set-up goes through the API with a bearer token (fast, no UI).
 */
import { expect, type Browser } from "@playwright/test";
import type { MatrixDto } from "../../lib/matrix/dto";
import { makeTeam, makeUser, uniqueSuffix, type TestUser } from "../fixtures/factories";
import { signIn } from "../fixtures/auth";
import { bearerClient, makeApiToken } from "../fixtures/api-token";

/** The ids a case's path is built from. */
export interface Ids {
  userId: string;
  teamId: string;
  teamSlug: string;
  matrixId: string;
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

async function buildMatrix(
  user: TestUser,
  teamId: string,
  label: string,
  token: string,
): Promise<Omit<Ids, "userId" | "teamId" | "teamSlug" | "tokenId">> {
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
  const matrix = await buildMatrix(user, team.id, label, token);
  const ids: Ids = { userId: user.id, teamId: team.id, teamSlug: team.slug, tokenId, ...matrix };
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
    ],
    fresh: async () => {
      n += 1;
      const m = await buildMatrix(user, team.id, `${label} Fresh${n}`, token);
      const t = await makeApiToken(user, { name: `${label} Fresh${n} Token` });
      return { ...ids, ...m, tokenId: t.id };
    },
  };
}

/** Team A (the caller's) and team B (the one whose names must never leak). */
export async function makeWorld(browser: Browser): Promise<World> {
  const suffix = uniqueSuffix();
  const [a, b] = await Promise.all([makeSide(browser, `Alpha ${suffix}`), makeSide(browser, `Zebra ${suffix}`)]);
  return { a, b };
}
