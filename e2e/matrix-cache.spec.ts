/**
 * GET /api/v1/matrices/{id} is cached per matrix and its newest change
 * (lib/server/matrices/matrix-response.ts): an ETag, 304 on If-None-Match, gzip when
 * accepted — and any change (a cell, a renamed person, a renamed matrix) is a new ETag
 * with the new content, never the old copy.
 */
import type { MatrixDto } from "../lib/matrix/dto";
import { createTemplateMatrix, putLetters } from "./fixtures/matrix";
import { addMember, expect, makeUser, test } from "./fixtures/test";

test("the matrix read answers 304 while nothing changed and fresh data after any change", async ({
  page,
  owner,
  signInAs,
  playwright,
  baseURL,
}) => {
  await signInAs(owner.user);
  const matrixId = await createTemplateMatrix(page.request, owner.team);
  const url = `/api/v1/matrices/${matrixId}`;

  const first = await page.request.get(url);
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^W\/".+"$/);
  const dto = (await first.json()) as MatrixDto;

  // Unchanged: 304 without a body, for this tag only.
  const again = await page.request.get(url, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
  expect((await page.request.get(url, { headers: { "if-none-match": 'W/"0-0-x"' } })).status()).toBe(200);

  // Compressed when asked, plain when not; the same document either way.
  const raw = await fetch(new URL(url, baseURL), {
    headers: { cookie: await cookieHeader(page), "accept-encoding": "gzip" },
  });
  expect(raw.headers.get("content-encoding")).toBe("gzip");
  expect(((await raw.json()) as MatrixDto).id).toBe(matrixId);
  const plain = await fetch(new URL(url, baseURL), {
    headers: { cookie: await cookieHeader(page), "accept-encoding": "identity" },
  });
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(((await plain.json()) as MatrixDto).cells).toEqual(dto.cells);

  // A cell change: a new tag and the new letters.
  const row = dto.rows[0]!;
  const column = dto.columns[0]!;
  await putLetters(page.request, matrixId, row.title, column.name, "RA");
  const afterCell = await page.request.get(url, { headers: { "if-none-match": etag } });
  expect(afterCell.status()).toBe(200);
  const etag2 = afterCell.headers()["etag"]!;
  expect(etag2).not.toBe(etag);
  const cell = ((await afterCell.json()) as MatrixDto).cells.find(([r, c]) => r === 0 && c === 0);
  expect(cell?.[2]).toBe("RA");

  // A person renamed from the people API (another route): the column shows the new name.
  const renamed = await page.request.patch(`/api/v1/people/${column.personId}`, {
    data: { name: "Renamed Person", version: column.personVersion },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);
  const afterPerson = await page.request.get(url, { headers: { "if-none-match": etag2 } });
  expect(afterPerson.status()).toBe(200);
  expect(((await afterPerson.json()) as MatrixDto).columns[0]!.name).toBe("Renamed Person");

  // The cache is per matrix, not per reader: another member gets the same current data,
  // and someone outside the team still gets 404 (the access check comes first).
  const member = await makeUser();
  await addMember(owner.team, member, "viewer");
  const outsider = await makeUser();
  for (const [who, status] of [
    [member, 200],
    [outsider, 404],
  ] as const) {
    const ctx = await playwright.request.newContext({ baseURL });
    try {
      const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
      await ctx.post("/api/auth/callback/credentials", {
        form: { email: who.email, password: who.password, csrfToken },
      });
      const res = await ctx.get(url, { headers: { "if-none-match": afterPerson.headers()["etag"]! } });
      expect(res.status()).toBe(status === 200 ? 304 : 404);
    } finally {
      await ctx.dispose();
    }
  }
});

async function cookieHeader(page: import("@playwright/test").Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
