import { test, expect } from "./fixtures/test";

interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { summary: string }>>;
}

test.describe("API documentation", () => {
  test("the OpenAPI document is public and describes the API", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as OpenApi;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe("/");
    expect(doc.paths["/api/v1/matrices/{matrixId}/cells"]!.put!.summary).toBe("Write one cell, or several together");
    expect(Object.keys(doc.paths["/api/v1/tokens"]!).sort()).toEqual(["get", "post"]);
  });

  test("the docs page lists every endpoint, grouped, with a curl example, for signed-out readers", async ({
    page,
    request,
    axe,
  }) => {
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApi;
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "Remit API reference", level: 1 })).toBeVisible();
    for (const tag of ["Teams", "People", "Matrices", "Rows", "Columns", "Live", "Export", "API tokens"]) {
      await expect(page.getByRole("heading", { name: tag, level: 2 })).toBeVisible();
    }
    const main = page.getByRole("main");
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const card = main.getByRole("article").filter({ hasText: op.summary }).filter({ hasText: path });
        await expect(card.first(), `${method} ${path}`).toContainText(method.toUpperCase());
      }
    }
    const cells = main.getByRole("article").filter({ hasText: "Write one cell, or several together" });
    await expect(cells.getByRole("table", { name: /JSON body/ }).first()).toContainText("responsibilityId");
    await expect(cells.locator("pre")).toContainText('curl -X PUT "$REMIT_URL/api/v1/matrices/{matrixId}/cells"');
    await expect(cells.locator("pre")).toContainText('-H "Authorization: Bearer $REMIT_TOKEN"');
    expect(await axe()).toEqual([]);
    await page.screenshot({ path: "/tmp/api-docs-page.png", fullPage: false });
    await cells.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/api-docs-cells.png" });
  });
});
