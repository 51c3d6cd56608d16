/**
 * A workshop across two production instances on one PostgreSQL database
 * (scripts/test.mjs starts the second one in the PostgreSQL pass as E2E_BASE_URL_2): a
 * vote cast through instance 2 reaches the facilitator's projector on instance 1 live,
 * through LISTEN/NOTIFY, and the reveal goes the other way. Skipped with one instance.
 */
import { addMember, expect, makeUser, signIn, test } from "./fixtures/test";
import { createTemplateMatrix } from "./fixtures/matrix";
import type { WorkshopStateDto } from "../lib/matrix/workshop-dto";

const SECOND = process.env.E2E_BASE_URL_2;

test.describe("a workshop on two instances", () => {
  test.skip(!SECOND, "needs a second instance (E2E_BASE_URL_2; scripts/test.mjs starts one on PostgreSQL)");

  test("a vote cast on instance 2 is counted live on the projector on instance 1, and the reveal comes back", async ({
    page,
    browser,
    owner,
    signInAs,
  }) => {
    // Two instances, a PostgreSQL cluster and three sign-ins on a shared machine.
    test.setTimeout(90_000);
    await signInAs(owner.user);
    const matrixId = await createTemplateMatrix(page.request, owner.team, "Two-instance workshop");
    const res = await page.request.post(`/api/v1/matrices/${matrixId}/workshops`, {
      data: { name: "Across instances" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const w = ((await res.json()) as { workshop: WorkshopStateDto }).workshop;
    await page.goto(`/t/${owner.team.slug}/workshops/${w.id}/facilitate`);
    await expect(page.getByRole("status", { name: "Connection" })).toHaveText("Live");
    await page.evaluate(() => {
      (window as unknown as { __remitMark?: number }).__remitMark = 1;
    });

    const dee = await makeUser({ name: "Dee Elsewhere" });
    await addMember(owner.team, dee, "member");
    const context = await browser.newContext({ baseURL: SECOND });
    try {
      const other = await context.newPage();
      await signIn(other, dee, `/w/${w.joinCode}`);
      await expect(other).toHaveURL(new RegExp(`^${SECOND}.*/workshops/${w.id}$`));
      await expect(other.getByRole("status", { name: "Connection" })).toHaveText("Live");
      await expect(page.getByRole("heading", { name: "People here (1)" })).toBeVisible();

      await other
        .getByRole("group", { name: "Tech Lead", exact: true })
        .getByRole("button", { name: "A Accountable" })
        .click();
      await other.getByRole("button", { name: "Submit vote" }).click();
      await expect(page.getByText("1 of 1 voted")).toBeVisible();

      await page.getByRole("button", { name: "Reveal votes" }).click();
      await expect(other.getByRole("region", { name: "Revealed votes" })).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __remitMark?: number }).__remitMark)).toBe(1);
    } finally {
      await context.close();
    }
  });
});
