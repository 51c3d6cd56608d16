import { describe, expect, it } from "vitest";
import { parseImportText } from "@/lib/raci/import";
import { importQuerySchema } from "@/lib/schemas/import";
import { isAppError } from "@/lib/server/errors";
import { matchPeople } from "./match-people";
import { parseImportSource } from "./parse-import-source";
import { decodeText, nameFromFileName, readImportRequest } from "./read-import-request";

const query = (q: Record<string, string> = {}) => importQuerySchema.parse(q);
const URL_ = "http://localhost/api/v1/teams/t/matrices/import";

/** A multipart body the way a browser writes it (mixed-case boundary). */
function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]): Request {
  const boundary = "----WebKitFormBoundaryAbC123xYz";
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`,
      ),
    );
    chunks.push(typeof p.value === "string" ? Buffer.from(p.value) : p.value);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Request(URL_, {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat(chunks),
  });
}

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("readImportRequest", () => {
  it("reads a pasted text field and a name from a browser's multipart form", async () => {
    const source = await readImportRequest(
      multipart([
        { name: "text", value: "| R | Ana |\n|---|---|\n| X | A |" },
        { name: "name", value: "Wiki" },
      ]),
      query(),
    );
    expect(source).toMatchObject({ kind: "text", format: "auto", name: "Wiki" });
    expect(parseImportSource(source).format).toBe("markdown");
  });

  it("reads an uploaded file and takes the format from its extension", async () => {
    const source = await readImportRequest(
      multipart([{ name: "file", value: "Responsibility;Ana\nX;A\n", filename: "Team RACI.csv", type: "text/csv" }]),
      query(),
    );
    expect(source).toMatchObject({ kind: "text", format: "csv", fileName: "Team RACI.csv" });
    expect(parseImportSource(source).rows[0]?.letters).toEqual(["A"]);
  });

  it("recognises a workbook by its bytes", async () => {
    const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const source = await readImportRequest(multipart([{ name: "file", value: zipMagic, filename: "x.bin" }]), query());
    expect(source.kind).toBe("xlsx");
    expect(parseImportSource(source).issues[0]).toMatchObject({ code: "UNREADABLE", severity: "error" });
  });

  it("reads raw text bodies by content type, and honours ?format", async () => {
    const req = (type: string, body: string) =>
      new Request(URL_, { method: "POST", headers: { "Content-Type": type }, body });
    expect(await readImportRequest(req("text/markdown; charset=utf-8", "x"), query())).toMatchObject({
      format: "markdown",
    });
    expect(await readImportRequest(req("text/tab-separated-values", "x"), query())).toMatchObject({ format: "tsv" });
    expect(await readImportRequest(req("text/plain", "x"), query({ format: "csv" }))).toMatchObject({ format: "csv" });
  });

  it("refuses unknown fields, old .xls files, other content types and oversized bodies", async () => {
    const unknown = await rejection(
      readImportRequest(
        multipart([
          { name: "text", value: "x" },
          { name: "colour", value: "red" },
        ]),
        query(),
      ),
    );
    expect(isAppError(unknown) && unknown.code).toBe("INVALID_INPUT");

    const xls = await rejection(
      readImportRequest(
        multipart([{ name: "file", value: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]), filename: "old.xls" }]),
        query(),
      ),
    );
    expect(isAppError(xls) && xls.message).toContain(".xls");

    const json = await rejection(
      readImportRequest(
        new Request(URL_, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }),
        query(),
      ),
    );
    expect(isAppError(json) && json.code).toBe("INVALID_INPUT");

    const big = await rejection(
      readImportRequest(
        new Request(URL_, { method: "POST", headers: { "Content-Type": "text/csv" }, body: "x".repeat(6_000_000) }),
        query(),
      ),
    );
    expect(isAppError(big) && big.code).toBe("TOO_LARGE");
    expect(isAppError(big) && big.message).toContain("5 MB");
  });
});

describe("decodeText", () => {
  it("reads UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252", () => {
    expect(decodeText(Buffer.from("\uFEFFZoë", "utf8"))).toBe("Zoë");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Zoë\t李雷", "utf16le")]))).toBe(
      "Zoë\t李雷",
    );
    expect(decodeText(Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x80]))).toBe("Zoë €");
  });

  it("names a matrix after its file", () => {
    expect(nameFromFileName("C:\\Users\\ana\\Team_RACI v2.xlsx")).toBe("Team RACI v2");
    expect(nameFromFileName(undefined)).toBeUndefined();
  });
});

describe("matchPeople", () => {
  it("reuses team people by full title, then by name, case-insensitively, once each", () => {
    const model = parseImportText("Responsibility,ana (TL),Engineering Manager (hiring),Cy,Tech Lead\nX,A,R,C,I\n");
    const people = [
      { id: "p1", name: "Ana" },
      { id: "p2", name: "Engineering Manager (hiring)" },
      { id: "p3", name: "Tech Lead" },
    ];
    expect(matchPeople(model.columns, people)).toEqual(["p1", "p2", undefined, "p3"]);
  });
});
