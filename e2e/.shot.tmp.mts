import { chromium } from "@playwright/test";
import { makeUser, makeTeam } from "./fixtures/factories";
import { chromiumLaunchOptions } from "../scripts/lib/browser.mjs";
const base = "http://127.0.0.1:4333";
const user = await makeUser();
const team = await makeTeam(user);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/sign-in`);
await page.getByLabel("Email").fill(user.email);
await page.getByLabel("Password").fill(user.password);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
await page.goto(`${base}/t/${team.slug}/import`);
await page.getByLabel("Table", { exact: true }).fill(`Agreed at the offsite:

| **Responsibility** | Category | Domain | **Zoe Odegard** (Tech Lead) | Li Lei (Engineering Manager) | Sam |
|---|---|---|:-:|:-:|:-:|
| Code reviews | Delivery | System | A / R | — | C |
| Hiring | People | People | C | R, A | I |
| System roadmap | Strategy | Shared | A & R | C/I | S |
| On-call rota | Delivery | System | R | — | R |
`);
await page.getByText("Detected:").waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: "/tmp/export-shots/import.png", fullPage: true });
await page.getByLabel("Table", { exact: true }).fill("Responsibility,Ana,Ben\nDeploy,A,R\n,R,\nRelease,A,R,C\n");
await page.getByText("problems to fix before saving").waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: "/tmp/export-shots/import-errors.png", fullPage: true });
await browser.close();
process.exit(0);
