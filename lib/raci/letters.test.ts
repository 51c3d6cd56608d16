import { describe, expect, it } from "vitest";
import {
  a11yCellLabel,
  addLetter,
  describeLetters,
  formatLetters,
  hasLetter,
  isCanonicalLetters,
  isLetter,
  letterList,
  lettersToMask,
  maskToLetters,
  normalizeLetters,
  parseLetters,
  removeLetter,
  toggleLetter,
} from "./letters";

describe("normalizeLetters", () => {
  it.each([
    ["", ""],
    ["R", "R"],
    ["ar", "RA"],
    ["IACR", "RACI"],
    ["icic", "CI"],
    ["R/A", "RA"],
    ["a, c", "AC"],
    ["xyz", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeLetters(input)).toBe(expected);
  });

  it("accepts sets and arrays", () => {
    expect(normalizeLetters(new Set(["I", "A"]))).toBe("AI");
    expect(normalizeLetters(["c", "R", "R"])).toBe("RC");
    expect(normalizeLetters([])).toBe("");
  });

  it("treats null and undefined as empty", () => {
    expect(normalizeLetters(null)).toBe("");
    expect(normalizeLetters(undefined)).toBe("");
  });
});

describe("masks", () => {
  it("round-trips every subset in canonical order", () => {
    const seen = new Set<string>();
    for (let mask = 0; mask < 16; mask++) {
      const letters = maskToLetters(mask);
      expect(lettersToMask(letters)).toBe(mask);
      expect(isCanonicalLetters(letters)).toBe(true);
      seen.add(letters);
    }
    expect(seen.size).toBe(16);
    expect(maskToLetters(15)).toBe("RACI");
  });

  it("rejects non-canonical strings as canonical", () => {
    expect(isCanonicalLetters("AR")).toBe(false);
    expect(isCanonicalLetters("ra")).toBe(false);
    expect(isCanonicalLetters("RR")).toBe(false);
    expect(isCanonicalLetters("constructor")).toBe(false);
    expect(isCanonicalLetters(3)).toBe(false);
  });

  it("is not fooled by Object.prototype keys", () => {
    // Only the R, A, C, I characters count: "constructor" has a c and an r.
    expect(lettersToMask("constructor")).toBe(lettersToMask("RC"));
    expect(lettersToMask("__proto__")).toBe(lettersToMask("R"));
    expect(lettersToMask("toString")).toBe(lettersToMask("RI"));
  });
});

describe("toggle / add / remove / has", () => {
  it("toggles a letter on and off, keeping canonical order", () => {
    expect(toggleLetter("", "A")).toBe("A");
    expect(toggleLetter("A", "R")).toBe("RA");
    expect(toggleLetter("RA", "A")).toBe("R");
    expect(toggleLetter("CI", "A")).toBe("ACI");
    expect(toggleLetter("ia", "I")).toBe("A");
  });

  it("adds and removes idempotently", () => {
    expect(addLetter("RA", "A")).toBe("RA");
    expect(addLetter("I", "C")).toBe("CI");
    expect(removeLetter("RA", "C")).toBe("RA");
    expect(removeLetter("RAC", "A")).toBe("RC");
  });

  it("has() is case-insensitive and order-free", () => {
    expect(hasLetter("RA", "A")).toBe(true);
    expect(hasLetter("ar", "R")).toBe(true);
    expect(hasLetter("RA", "C")).toBe(false);
    expect(hasLetter("", "I")).toBe(false);
  });

  it("isLetter only accepts upper-case RACI", () => {
    expect(["R", "A", "C", "I"].every(isLetter)).toBe(true);
    expect(isLetter("r")).toBe(false);
    expect(isLetter("S")).toBe(false);
    expect(isLetter("RA")).toBe(false);
  });

  it("letterList lists in canonical order", () => {
    expect(letterList("ic")).toEqual(["C", "I"]);
  });
});

describe("formatLetters", () => {
  it("joins with a slash", () => {
    expect(formatLetters("RA")).toBe("R/A");
    expect(formatLetters("RACI")).toBe("R/A/C/I");
    expect(formatLetters("C")).toBe("C");
    expect(formatLetters("")).toBe("");
    expect(formatLetters("ar")).toBe("R/A");
  });
});

describe("describeLetters", () => {
  it("names the letters in words", () => {
    expect(describeLetters("RA")).toBe("Responsible and Accountable");
    expect(describeLetters("A")).toBe("Accountable");
    expect(describeLetters("RAC")).toBe("Responsible, Accountable and Consulted");
    expect(describeLetters("RACI")).toBe("Responsible, Accountable, Consulted and Informed");
    expect(describeLetters("")).toBe("no role");
  });
});

describe("a11yCellLabel", () => {
  it("reads row, column and letters", () => {
    expect(a11yCellLabel("Code Reviews and Feedback", "Tech Lead", "A")).toBe(
      "Code Reviews and Feedback, Tech Lead: Accountable",
    );
    expect(a11yCellLabel("One on Ones", "Engineering Manager", "")).toBe("One on Ones, Engineering Manager: no role");
  });

  it("adds the finding count when positive", () => {
    expect(a11yCellLabel("Code Reviews and Feedback", "Tech Lead", "A", 1)).toBe(
      "Code Reviews and Feedback, Tech Lead: Accountable, 1 finding",
    );
    expect(a11yCellLabel("X", "Y", "RA", 3)).toBe("X, Y: Responsible and Accountable, 3 findings");
    expect(a11yCellLabel("X", "Y", "RA", 0)).toBe("X, Y: Responsible and Accountable");
    expect(a11yCellLabel("X", "Y", "RA", Number.NaN)).toBe("X, Y: Responsible and Accountable");
  });
});

describe("parseLetters", () => {
  it.each([
    ["a / r", "RA"],
    ["R, A", "RA"],
    ["A & R", "RA"],
    ["c/i", "CI"],
    ["R+A", "RA"],
    ["ra", "RA"],
    ["RA", "RA"],
    ["  A  ", "A"],
    ["R; C", "RC"],
    ["R | I", "RI"],
    ["R-A", "RA"],
    ["R and A", "RA"],
    ["Responsible and Accountable", "RA"],
    ["accountable", "A"],
    ["Consulted, informed", "CI"],
    ["**A**", "A"],
    ["`R`", "R"],
    ['"C"', "C"],
    ["A (interim)", "A"],
    ["R (until Q3) / A", "RA"],
    ["(nobody yet)", ""],
    ["A (unclosed", "A"],
    ["R/R/r", "R"],
    ["i, a, r, c", "RACI"],
  ])("%j → %j with nothing unknown", (input, letters) => {
    expect(parseLetters(input)).toEqual({ letters, unknown: [] });
  });

  it.each(["", "   ", "\t\n", "-", "—", "–", "/", "n/a", "N/A", "none", "--", " / "])(
    "%j means no letters",
    (input) => {
      expect(parseLetters(input)).toEqual({ letters: "", unknown: [] });
    },
  );

  it("reports RASCI's S as unknown and keeps the RACI part", () => {
    expect(parseLetters("RASCI")).toEqual({ letters: "RACI", unknown: ["S"] });
    expect(parseLetters("R/S")).toEqual({ letters: "R", unknown: ["S"] });
    expect(parseLetters("s")).toEqual({ letters: "", unknown: ["S"] });
    expect(parseLetters("V, O")).toEqual({ letters: "", unknown: ["V", "O"] });
  });

  it("reports words it does not know whole, instead of mining letters out of them", () => {
    expect(parseLetters("Lead")).toEqual({ letters: "", unknown: ["Lead"] });
    expect(parseLetters("A, owner")).toEqual({ letters: "A", unknown: ["owner"] });
    expect(parseLetters("X")).toEqual({ letters: "", unknown: ["X"] });
    expect(parseLetters("✓")).toEqual({ letters: "", unknown: ["✓"] });
    expect(parseLetters("constructor")).toEqual({ letters: "", unknown: ["constructor"] });
  });

  it("lists unknown tokens once, in order of appearance", () => {
    expect(parseLetters("S, x, s, X, A")).toEqual({ letters: "A", unknown: ["S", "x"] });
  });

  it("tolerates non-string input", () => {
    expect(parseLetters(null)).toEqual({ letters: "", unknown: [] });
    expect(parseLetters(undefined)).toEqual({ letters: "", unknown: [] });
  });

  it("always returns canonical letters", () => {
    for (const input of ["ic", "a/r", "I+C+A+R", "informed accountable"]) {
      expect(isCanonicalLetters(parseLetters(input).letters)).toBe(true);
    }
  });
});
