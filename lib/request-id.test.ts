import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("keeps a sane incoming id", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "lb-1234abcd" }))).toBe("lb-1234abcd");
    expect(requestIdFrom(new Headers({ "x-request-id": " Root=1-67891233-abcdef012345678912345678 " }))).toMatch(uuid);
  });
  it("replaces a missing, short, long or odd one with a UUID", () => {
    for (const bad of ["", "abc", "x".repeat(200), 'a"b\\nc{}', "<script>alert(1)</script>"]) {
      expect(requestIdFrom(new Headers(bad ? { "x-request-id": bad } : {}))).toMatch(uuid);
    }
  });
});
