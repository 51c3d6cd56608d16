import { test, expect, makeUser, makeTeam, addMember, type TestTeam } from "./fixtures/test";
import { signInElsewhere } from "./fixtures/auth";
import type { APIRequestContext } from "@playwright/test";
import type { MatrixDto } from "../lib/matrix/dto";

// The seed's items, copied from shared/seeds/engineering-ladders-tl-vs-em.txt, with the
// domain each must get (TL list → System, EM list → People, shared → Shared).
const SEED: [string, "SYSTEM" | "PEOPLE" | "SHARED"][] = [
  ["Technical Excellence and Innovation", "SYSTEM"],
  ["Architecture and System Integration", "SYSTEM"],
  ["Tech Mentoring, Adoption and Alignment", "SYSTEM"],
  ["Technical Spikes and Experiments", "SYSTEM"],
  ["Code Reviews and Feedback", "SYSTEM"],
  ["System Design Presentations", "SYSTEM"],
  ["Technical Capacity Planning", "SYSTEM"],
  ["Production Issues Escalation", "SYSTEM"],
  ["System SLAs, Metrics & Monitoring", "SYSTEM"],
  ["Platform Direction, Patterns and Practices", "SYSTEM"],
  ["Alignment with other Tech Leads", "SYSTEM"],
  ["Hands-On Coding 30% to 70% of the Time", "SYSTEM"],
  ["Ability to Act as Engineering Manager when Required", "SYSTEM"],
  ["Career Planning, Promotions and Coaching", "PEOPLE"],
  ["Headcount Planning and Hiring", "PEOPLE"],
  ["Team Planning and Delivery", "PEOPLE"],
  ["Objectives, Performance and Feedback", "PEOPLE"],
  ["One on Ones", "PEOPLE"],
  ["Participation in Technical Decisions", "PEOPLE"],
  ["Cascading Communications", "PEOPLE"],
  ["Team Building Activities and Culture", "PEOPLE"],
  ["Team Protection and Happiness", "PEOPLE"],
  ["Team Productivity and Metrics", "PEOPLE"],
  ["Alignment with other Dev Managers", "PEOPLE"],
  ["Hands-On Coding 0% to 30% of the Time", "PEOPLE"],
  ["Ability to Act as Tech Lead when Required", "PEOPLE"],
  ["System Roadmap", "SHARED"],
  ["Development Process", "SHARED"],
  ["Team Visibility and Recognition", "SHARED"],
];

async function createFromTemplate(request: APIRequestContext, team: TestTeam, name = "Leadership split") {
  const res = await request.post(`/api/v1/teams/${team.id}/matrices`, { data: { name, template: "tl-vs-em" } });
  expect(res.status()).toBe(201);
  const { matrix } = (await res.json()) as { matrix: { id: string } };
  const get = await request.get(`/api/v1/matrices/${matrix.id}`);
  expect(get.status()).toBe(200);
  return (await get.json()) as MatrixDto;
}

function cellOf(dto: MatrixDto, title: string, column: string) {
  const r = dto.rows.findIndex((row) => row.title === title);
  const c = dto.columns.findIndex((col) => col.name === column);
  const cell = dto.cells.find(([ri, ci]) => ri === r && ci === c);
  return {
    responsibilityId: dto.rows[r]!.id,
    personId: dto.columns[c]!.personId,
    letters: cell?.[2] ?? "",
    version: cell?.[3] ?? 0,
  };
}

test.describe("matrix API", () => {
  test("the TL/EM template has every seed item with its domain, and no errors", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    for (const [title, domain] of SEED) {
      const row = dto.rows.find((r) => r.title === title);
      expect(row, title).toBeDefined();
      expect(row!.domain, title).toBe(domain);
      expect(row!.description.length, `${title} has a description`).toBeGreaterThan(10);
    }
    expect(dto.columns.map((c) => c.name)).toEqual(["Tech Lead", "Engineering Manager"]);
    expect(dto.columns[0]!.roleKinds).toEqual(["TECH_LEAD"]);
    expect(dto.columns[1]!.roleKinds).toEqual(["ENGINEERING_MANAGER"]);
    expect(cellOf(dto, "Architecture and System Integration", "Tech Lead").letters).toContain("A");
    expect(cellOf(dto, "One on Ones", "Engineering Manager").letters).toContain("A");

    const findings = await page.request.get(`/api/v1/matrices/${dto.id}/findings`);
    const body = (await findings.json()) as { findings: { severity: string }[] };
    expect(body.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a cell write returns the new version; a stale one is 409 with the current value and who set it", async ({
    page,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const cell = cellOf(dto, "Code Reviews and Feedback", "Engineering Manager");

    const first = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, {
      data: { ...cell, letters: "c/i" },
    });
    expect(first.status()).toBe(200);
    const ok = (await first.json()) as { cells: { letters: string; version: number }[] };
    expect(ok.cells[0]).toMatchObject({ letters: "CI", version: cell.version + 1 });

    const stale = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { ...cell, letters: "A" } });
    expect(stale.status()).toBe(409);
    const conflict = (await stale.json()) as {
      error: { code: string; details: { cells: { letters: string; version: number; updatedBy: { name: string } }[] } };
    };
    expect(conflict.error.code).toBe("CONFLICT");
    expect(conflict.error.details.cells[0]).toMatchObject({
      letters: "CI",
      version: cell.version + 1,
      updatedBy: { name: owner.user.name },
    });

    const after = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(cellOf(after, "Code Reviews and Feedback", "Engineering Manager").letters).toBe("CI");
  });

  test("a batch write is all or nothing", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const a = cellOf(dto, "One on Ones", "Tech Lead");
    const b = cellOf(dto, "One on Ones", "Engineering Manager");
    const res = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, {
      data: {
        cells: [
          { ...a, letters: "I" },
          { ...b, letters: "R", version: b.version + 5 },
        ],
      },
    });
    expect(res.status()).toBe(409);
    const after = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(cellOf(after, "One on Ones", "Tech Lead").letters).toBe(a.letters);
  });

  test("a cell of a deleted row, a removed column or another matrix is 404, and nothing of the batch is written", async ({
    page,
    owner,
    signInAs,
  }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const other = await createFromTemplate(page.request, owner.team, "Other matrix");
    const ok = cellOf(dto, "One on Ones", "Tech Lead");
    const put = (cells: object[]) => page.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { cells } });

    const row = cellOf(dto, "System Roadmap", "Tech Lead");
    expect((await page.request.delete(`/api/v1/matrices/${dto.id}/rows/${row.responsibilityId}`)).status()).toBe(200);
    const deletedRow = await put([
      { ...ok, letters: "I" },
      { ...row, letters: "R" },
    ]);
    expect(deletedRow.status()).toBe(404);

    const emColumn = dto.columns.find((c) => c.name === "Engineering Manager")!;
    const em = cellOf(dto, "One on Ones", "Engineering Manager");
    expect((await page.request.delete(`/api/v1/matrices/${dto.id}/columns/${emColumn.id}`)).status()).toBe(200);
    expect(
      (
        await put([
          { ...ok, letters: "I" },
          { ...em, letters: "R" },
        ])
      ).status(),
    ).toBe(404);

    const foreignRow = cellOf(other, "One on Ones", "Tech Lead");
    expect(
      (
        await put([
          { ...ok, letters: "I" },
          { ...foreignRow, letters: "R" },
        ])
      ).status(),
    ).toBe(404);

    const after = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(cellOf(after, "One on Ones", "Tech Lead")).toMatchObject({ letters: ok.letters, version: ok.version });
    // Restored, the row takes writes again.
    expect((await page.request.post(`/api/v1/matrices/${dto.id}/rows/${row.responsibilityId}/restore`)).status()).toBe(
      200,
    );
    expect((await put([{ ...row, letters: "R" }])).status()).toBe(200);
  });

  test("a large batch (over 500 cells) is written in one request", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    let dto = await createFromTemplate(page.request, owner.team);
    for (let i = 0; i < 18; i++) {
      const res = await page.request.post(`/api/v1/matrices/${dto.id}/columns`, {
        data: { person: { name: `Engineer ${i + 1}` } },
      });
      expect(res.status()).toBe(201);
    }
    dto = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    const versions = new Map(dto.cells.map(([r, c, , v]) => [`${r}:${c}`, v]));
    const cells = dto.rows.flatMap((row, r) =>
      dto.columns.map((col, c) => ({
        responsibilityId: row.id,
        personId: col.personId,
        letters: "I",
        version: versions.get(`${r}:${c}`) ?? 0,
      })),
    );
    expect(cells.length).toBeGreaterThan(500);
    const res = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { cells } });
    expect(res.status()).toBe(200);
    const after = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(after.cells.filter(([, , letters]) => letters === "I")).toHaveLength(cells.length);
    // The same batch again is stale everywhere: one 409, nothing written.
    const stale = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, {
      data: { cells: cells.map((c) => ({ ...c, letters: "C" })) },
    });
    expect(stale.status()).toBe(409);
  });

  test("bad input is a 400 with field messages; unknown keys are refused", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const cell = cellOf(dto, "One on Ones", "Tech Lead");
    const bad = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { ...cell, letters: "RS" } });
    expect(bad.status()).toBe(400);
    const extra = await page.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { ...cell, teamId: "x" } });
    expect(extra.status()).toBe(400);
    const noName = await page.request.post(`/api/v1/teams/${owner.team.id}/matrices`, { data: { name: " " } });
    expect(noName.status()).toBe(400);
    expect(((await noName.json()) as { error: { fields: Record<string, string> } }).error.fields.name).toBe(
      "Enter a name.",
    );
  });

  test("rows: add, rename, move, delete and restore", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const base = `/api/v1/matrices/${dto.id}/rows`;
    const created = await page.request.post(base, {
      data: { title: "On-call rota", category: "Operations", domain: "SYSTEM", afterId: null },
    });
    expect(created.status()).toBe(201);
    const { row } = (await created.json()) as { row: { id: string; version: number } };
    let now = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(now.rows[0]!.title).toBe("On-call rota");

    const moved = await page.request.patch(`${base}/${row.id}`, {
      data: { afterId: now.rows.at(-1)!.id, title: "On-call rotation", version: row.version },
    });
    expect(moved.status()).toBe(200);
    now = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(now.rows.at(-1)!.title).toBe("On-call rotation");

    const stale = await page.request.patch(`${base}/${row.id}`, { data: { title: "Old", version: row.version } });
    expect(stale.status()).toBe(409);

    expect((await page.request.delete(`${base}/${row.id}`)).status()).toBe(200);
    now = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(now.rows.some((r) => r.id === row.id)).toBe(false);
    expect((await page.request.post(`${base}/${row.id}/restore`)).status()).toBe(200);
    now = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(now.rows.some((r) => r.id === row.id)).toBe(true);
  });

  test("columns: add a new person, move, remove and restore; people are listed", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const base = `/api/v1/matrices/${dto.id}/columns`;
    const added = await page.request.post(base, {
      data: { person: { name: "Zoë Ødegård", roleTitle: "Staff Engineer" }, afterId: null },
    });
    expect(added.status()).toBe(201);
    const { column } = (await added.json()) as { column: { id: string; version: number; roleKinds: string[] } };
    expect(column.roleKinds).toEqual([]);
    let now = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(now.columns.map((c) => c.name)).toEqual(["Zoë Ødegård", "Tech Lead", "Engineering Manager"]);

    expect(
      (
        await page.request.patch(`${base}/${column.id}`, {
          data: { afterId: now.columns.at(-1)!.id, version: column.version },
        })
      ).status(),
    ).toBe(200);
    now = (await (await page.request.get(`/api/v1/matrices/${dto.id}`)).json()) as MatrixDto;
    expect(now.columns.at(-1)!.name).toBe("Zoë Ødegård");

    expect((await page.request.delete(`${base}/${column.id}`)).status()).toBe(200);
    expect((await page.request.post(`${base}/${column.id}/restore`)).status()).toBe(200);

    const people = (await (await page.request.get(`/api/v1/teams/${owner.team.id}/people`)).json()) as {
      people: { id: string; name: string; version: number }[];
    };
    const zoe = people.people.find((p) => p.name === "Zoë Ødegård")!;
    const renamed = await page.request.patch(`/api/v1/people/${zoe.id}`, {
      data: { roleTitle: "Lead Engineer", version: zoe.version },
    });
    expect(renamed.status()).toBe(200);
    expect(((await renamed.json()) as { person: { roleKinds: string[] } }).person.roleKinds).toEqual(["TECH_LEAD"]);
  });

  test("viewers and members read but cannot write (403); other teams get 404", async ({
    page,
    owner,
    signInAs,
    browser,
  }) => {
    await signInAs(owner.user);
    const dto = await createFromTemplate(page.request, owner.team);
    const cell = cellOf(dto, "One on Ones", "Tech Lead");

    for (const role of ["viewer", "member"] as const) {
      const user = await makeUser();
      await addMember(owner.team, user, role);
      const { ctx, page: p } = await signInElsewhere(browser, user);
      expect((await p.request.get(`/api/v1/matrices/${dto.id}`)).status()).toBe(200);
      const put = await p.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { ...cell, letters: "R" } });
      expect(put.status(), role).toBe(403);
      expect((await p.request.post(`/api/v1/matrices/${dto.id}/rows`, { data: { title: "x" } })).status()).toBe(403);
      expect((await p.request.post(`/api/v1/teams/${owner.team.id}/matrices`, { data: { name: "x" } })).status()).toBe(
        403,
      );
      await ctx.close();
    }

    const stranger = await makeUser();
    const strangerTeam = await makeTeam(stranger);
    const { ctx, page: p } = await signInElsewhere(browser, stranger);
    for (const res of [
      await p.request.get(`/api/v1/matrices/${dto.id}`),
      await p.request.get(`/api/v1/matrices/${dto.id}/findings`),
      await p.request.put(`/api/v1/matrices/${dto.id}/cells`, { data: { ...cell, letters: "R" } }),
      await p.request.patch(`/api/v1/people/${cell.personId}`, { data: { name: "x", version: 1 } }),
    ]) {
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toContain("Leadership split");
    }
    // Their own team's page for my matrix id is a 404 page too.
    const pageRes = await p.goto(`/t/${strangerTeam.slug}/matrices/${dto.id}`);
    expect(pageRes?.status()).toBe(404);
    await ctx.close();
  });

  test("cross-site writes are refused", async ({ page, owner, signInAs }) => {
    await signInAs(owner.user);
    for (const origin of ["https://evil.example", "null"]) {
      const res = await page.request.post(`/api/v1/teams/${owner.team.id}/matrices`, {
        data: { name: "Nope" },
        headers: { Origin: origin },
      });
      expect(res.status(), origin).toBe(403);
    }
  });
});
