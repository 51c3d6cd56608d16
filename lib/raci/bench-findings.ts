import { cloneDefaults } from "./rules";
import type { Domain, Letters, RaciColumn, RaciMatrix, RaciRow, RoleKind } from "./types";

/** Small, fast, seedable PRNG (mulberry32): the same seed always yields the same matrix. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS: readonly (Domain | null)[] = ["SYSTEM", "PEOPLE", "SHARED", null];
const OTHER_LETTERS: readonly Letters[] = ["R", "C", "I", "C", "I", "I", "RC", "CI"];

/**
 * A deterministic pseudo-random matrix for benchmarks: `rows` × `cols`, about `fill`
 * (0–1) of the cells holding letters. Column 0 is a Tech Lead, column 1 an Engineering
 * Manager, the rest engineers; rows cycle through the domains. Letters are skewed like a
 * real matrix (about one A per row, many C's and I's) so that every rule, including the
 * slow paths that build messages and fixes, gets exercised.
 */
export function makeLargeMatrix(rows: number, cols: number, fill: number, seed: number): RaciMatrix {
  const random = mulberry32(seed);
  const nRows = Math.max(0, Math.floor(rows));
  const nCols = Math.max(0, Math.floor(cols));
  const density = Math.min(1, Math.max(0, fill));
  // Chance that a filled cell holds an A, so that a row has about one A on average.
  const pA = density * nCols > 0 ? Math.min(0.5, 1 / (density * nCols)) : 0;

  const columns: RaciColumn[] = [];
  for (let c = 0; c < nCols; c++) {
    const roleKinds: RoleKind[] = c === 0 ? ["TECH_LEAD"] : c === 1 ? ["ENGINEERING_MANAGER"] : [];
    const roleTitle = c === 0 ? "Tech Lead" : c === 1 ? "Engineering Manager" : "Software Engineer";
    columns.push({
      id: `p${c}`,
      name: `Person ${c + 1}`,
      roleTitle,
      roleKinds,
      isVacant: false,
      codingShare: Math.round(random() * 100),
    });
  }

  const matrixRows: RaciRow[] = [];
  const cells: RaciMatrix["cells"] = {};
  for (let r = 0; r < nRows; r++) {
    const id = `r${r}`;
    matrixRows.push({
      id,
      title: `Responsibility ${r + 1}`,
      description: "",
      category: `Category ${(r % 12) + 1}`,
      domain: DOMAINS[r % DOMAINS.length] ?? null,
    });
    const rowCells: Record<string, Letters> = {};
    for (let c = 0; c < nCols; c++) {
      if (random() >= density) continue;
      rowCells[`p${c}`] =
        random() < pA
          ? random() < 0.7
            ? "RA"
            : "A"
          : (OTHER_LETTERS[Math.floor(random() * OTHER_LETTERS.length)] ?? "I");
    }
    cells[id] = rowCells;
  }

  return {
    columns,
    rows: matrixRows,
    cells,
    settings: cloneDefaults(),
  };
}
