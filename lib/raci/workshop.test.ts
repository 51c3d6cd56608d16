import { describe, expect, it } from "vitest";
import {
  agreementScore,
  compactRowLetters,
  findDisagreements,
  formatAgreement,
  hasSeveralAccountable,
  majorityDecision,
  mostContested,
  nextItemId,
  previousItemId,
  tallyVotes,
  type Ballot,
} from "./workshop";

const COLUMNS = [
  { personId: "tl", name: "Tech Lead" },
  { personId: "em", name: "Engineering Manager" },
  { personId: "dev", name: "Ana" },
];
const IDS = COLUMNS.map((c) => c.personId);

const vote = (letters: Record<string, string>): Ballot => ({ letters, skipped: false });
const skip: Ballot = { letters: {}, skipped: true };

describe("tallyVotes", () => {
  it("counts letters per column, skips apart", () => {
    const t = tallyVotes(COLUMNS, [vote({ tl: "RA", em: "C" }), vote({ tl: "R", em: "A" }), skip]);
    expect(t.voters).toBe(2);
    expect(t.skipped).toBe(1);
    expect(t.columns[0]!.counts).toEqual({ R: 2, A: 1, C: 0, I: 0 });
    expect(t.columns[1]!.counts).toEqual({ R: 0, A: 1, C: 1, I: 0 });
    expect(t.columns[2]!.counts).toEqual({ R: 0, A: 0, C: 0, I: 0 });
  });

  it("ignores unknown columns and non-canonical input", () => {
    const t = tallyVotes(COLUMNS, [vote({ ghost: "A", tl: "ar", constructor: "R" })]);
    expect(t.columns[0]!.counts).toEqual({ R: 1, A: 1, C: 0, I: 0 });
    expect(t.columns.map((c) => c.personId)).toEqual(IDS);
  });

  it("handles no votes at all", () => {
    const t = tallyVotes(COLUMNS, []);
    expect(t.voters).toBe(0);
    expect(majorityDecision(t, []).letters).toEqual({});
    expect(findDisagreements(t)).toEqual([]);
  });
});

describe("majorityDecision", () => {
  it("takes the letters more than half of the voters chose, per column", () => {
    const ballots = [
      vote({ tl: "RA", em: "C", dev: "R" }),
      vote({ tl: "A", em: "C", dev: "R" }),
      vote({ tl: "RA", em: "I", dev: "C" }),
      skip,
    ];
    const d = majorityDecision(tallyVotes(COLUMNS, ballots), ballots);
    expect(d.letters).toEqual({ tl: "RA", em: "C", dev: "R" });
    expect(d.accountableTie).toBeNull();
  });

  it("gives A to the column most voters named, never two", () => {
    // 4 say TL is A, 3 say EM: neither column has a majority of A on its own… but TL wins.
    const ballots = [
      ...Array.from({ length: 4 }, () => vote({ tl: "A", em: "R" })),
      ...Array.from({ length: 3 }, () => vote({ tl: "R", em: "A" })),
    ];
    const d = majorityDecision(tallyVotes(COLUMNS, ballots), ballots);
    expect(d.letters).toEqual({ tl: "A", em: "R" });
  });

  it("keeps one A even when a majority gave A to two columns", () => {
    const ballots = [vote({ tl: "A", em: "A" }), vote({ tl: "A", em: "A" }), vote({ tl: "A" })];
    const d = majorityDecision(tallyVotes(COLUMNS, ballots), ballots);
    expect(d.letters).toEqual({ tl: "A" });
    expect(hasSeveralAccountable(d.letters)).toBe(false);
  });

  it("leaves A to the facilitator on a tie, and says between whom", () => {
    const ballots = [vote({ tl: "A" }), vote({ tl: "A" }), vote({ em: "A" }), vote({ em: "A" })];
    const d = majorityDecision(tallyVotes(COLUMNS, ballots), ballots);
    expect(d.letters).toEqual({});
    expect(d.accountableTie?.map((o) => o.personId)).toEqual(["tl", "em"]);
  });

  it("pre-fills no A when most voters named none", () => {
    const ballots = [vote({ tl: "A" }), vote({ tl: "R" }), vote({ tl: "R" })];
    const d = majorityDecision(tallyVotes(COLUMNS, ballots), ballots);
    expect(d.letters).toEqual({ tl: "R" });
    expect(d.accountableTie).toBeNull();
  });

  it("needs more than half: an even split leaves the letter out", () => {
    const ballots = [vote({ dev: "C" }), vote({ dev: "I" })];
    expect(majorityDecision(tallyVotes(COLUMNS, ballots), ballots).letters).toEqual({});
  });
});

describe("findDisagreements", () => {
  it("reports the Accountable split between columns as people say it", () => {
    const ballots = [
      ...Array.from({ length: 4 }, () => vote({ tl: "A" })),
      ...Array.from({ length: 3 }, () => vote({ em: "A" })),
    ];
    const list = findDisagreements(tallyVotes(COLUMNS, ballots));
    const a = list.find((d) => d.kind === "accountable");
    expect(a?.message).toBe("4 say Tech Lead is A, 3 say Engineering Manager");
    expect(a?.kind === "accountable" && a.options.map((o) => o.votes)).toEqual([4, 3]);
    // The A split is not reported again per column.
    expect(list.some((d) => d.kind === "letter" && d.letter === "A")).toBe(false);
  });

  it("reports a column's letter when the smaller side is large enough", () => {
    const ballots = [vote({ dev: "C" }), vote({ dev: "C" }), vote({ dev: "C" }), vote({}), vote({}), vote({})];
    const list = findDisagreements(tallyVotes(COLUMNS, ballots));
    expect(list).toEqual([
      {
        kind: "letter",
        personId: "dev",
        name: "Ana",
        letter: "C",
        yes: 3,
        no: 3,
        message: "3 say Ana is C, 3 say not",
      },
    ]);
  });

  it("stays quiet about a lone dissent and a single voter", () => {
    const six = Array.from({ length: 6 }, () => vote({ tl: "A" }));
    expect(findDisagreements(tallyVotes(COLUMNS, [...six, vote({ tl: "R" })]))).toEqual([]);
    expect(findDisagreements(tallyVotes(COLUMNS, [vote({ tl: "A" })]))).toEqual([]);
  });

  it("uses the singular for one voter", () => {
    const ballots = [vote({ tl: "A" }), vote({ tl: "A" }), vote({ em: "A" })];
    const a = findDisagreements(tallyVotes(COLUMNS, ballots)).find((d) => d.kind === "accountable");
    expect(a?.message).toBe("2 say Tech Lead is A, 1 says Engineering Manager");
  });
});

describe("agreementScore", () => {
  it("is the share of non-skipped votes equal to the decision in every column", () => {
    const ballots = [
      vote({ tl: "RA", em: "C" }),
      vote({ tl: "AR", em: "C", dev: "" }),
      vote({ tl: "A", em: "C" }),
      vote({ tl: "RA", em: "C", dev: "I" }),
      skip,
    ];
    expect(agreementScore(ballots, { tl: "RA", em: "C" }, IDS)).toBe(0.5);
  });

  it("is null without votes", () => {
    expect(agreementScore([skip], { tl: "A" }, IDS)).toBeNull();
    expect(formatAgreement(null)).toBe("—");
    expect(formatAgreement(2 / 3)).toBe("67%");
  });
});

describe("mostContested", () => {
  it("orders by agreement, then by votes, leaving out unanimous and unvoted items", () => {
    const items = [
      { id: "a", agreement: 0.5, voteCount: 4 },
      { id: "b", agreement: 1, voteCount: 5 },
      { id: "c", agreement: null, voteCount: 0 },
      { id: "d", agreement: 0.5, voteCount: 6 },
      { id: "e", agreement: 0.2, voteCount: 5 },
    ];
    expect(mostContested(items).map((i) => i.id)).toEqual(["e", "d", "a"]);
    expect(mostContested(items, 1).map((i) => i.id)).toEqual(["e"]);
  });
});

describe("compactRowLetters", () => {
  it("keeps canonical, non-empty letters only", () => {
    expect(compactRowLetters({ tl: "ar", em: "", dev: "ic" })).toEqual({ tl: "RA", dev: "CI" });
  });
});

describe("agenda navigation", () => {
  const agenda = [
    { id: "a", status: "decided" as const },
    { id: "b", status: "pending" as const },
    { id: "c", status: "parked" as const },
    { id: "d", status: "pending" as const },
  ];

  it("goes to the next pending item, wrapping to the top, skipping parked ones", () => {
    expect(nextItemId(agenda, "a")).toBe("b");
    expect(nextItemId(agenda, "b")).toBe("d");
    expect(nextItemId(agenda, "d")).toBe("b");
    expect(nextItemId(agenda, null)).toBe("b");
    expect(nextItemId([{ id: "x", status: "pending" }], "x")).toBeNull();
    expect(nextItemId([{ id: "x", status: "parked" }], null)).toBeNull();
  });

  it("goes back one item whatever its status", () => {
    expect(previousItemId(agenda, "d")).toBe("c");
    expect(previousItemId(agenda, "a")).toBe("a");
    expect(previousItemId(agenda, null)).toBe("d");
    expect(previousItemId([], null)).toBeNull();
  });
});
