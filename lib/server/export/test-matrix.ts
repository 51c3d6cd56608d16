import "server-only";
import type { ColumnDto, CompactCell, MatrixDto, RowDto } from "@/lib/matrix/dto";
import { DEFAULT_SETTINGS } from "@/lib/raci/settings";

const NAMES = ["Ana Lima", "Ben Okafor", "Zoë Ødegård", "李雷", "Łukasz Wróbel", "Дмитрий Петров", "Νίκος", "山田太郎"];
const TITLES = ["Tech Lead", "Engineering Manager", "Designer", "Staff Engineer", "", "SRE", "QA", "Product Manager"];
const TASKS = [
  "Code reviews",
  "Architecture decisions",
  "Hiring",
  "1:1s and career growth",
  "Incident response",
  "Roadmap",
  "On-call rota",
  "Budget",
];
const CATEGORIES = ["Delivery", "People", "Strategy", ""];
const LETTERS = ["A", "R", "C", "I", "RA", "", "CI", ""];

/**
 * A matrix DTO for tests and benchmarks: `rows` × `columns`, deterministic letters,
 * names in several scripts, categories and domains.
 */
export function testMatrixDto(rows: number, columns: number, overrides: Partial<MatrixDto> = {}): MatrixDto {
  const cols: ColumnDto[] = Array.from({ length: columns }, (_, i) => ({
    id: `col${i}`,
    personId: `person${i}`,
    name: i < NAMES.length ? NAMES[i]! : `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`,
    roleTitle: TITLES[i % TITLES.length]!,
    roleKinds: i === 0 ? ["TECH_LEAD"] : i === 1 ? ["ENGINEERING_MANAGER"] : [],
    kindsManual: false,
    isVacant: false,
    codingShare: null,
    userId: null,
    version: 1,
    personVersion: 1,
  }));
  const rowDtos: RowDto[] = Array.from({ length: rows }, (_, i) => ({
    id: `row${i}`,
    title: i < TASKS.length ? TASKS[i]! : `${TASKS[i % TASKS.length]} ${Math.floor(i / TASKS.length) + 1}`,
    description: "",
    category: CATEGORIES[Math.floor(i / 5) % CATEGORIES.length]!,
    domain: (["SYSTEM", "PEOPLE", "SHARED", null] as const)[i % 4]!,
    version: 1,
  }));
  const cells: CompactCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const letters = LETTERS[(r * 7 + c * 3) % LETTERS.length]!;
      if (letters) cells.push([r, c, letters, 1]);
    }
  }
  return {
    id: "matrix1",
    teamId: "team1",
    teamSlug: "platform",
    name: "Platform — who owns what",
    description: "Agreed at the offsite.",
    version: 7,
    updatedAt: "2025-11-19T10:00:00.000Z",
    settings: DEFAULT_SETTINGS,
    lastChangeId: 1,
    columns: cols,
    rows: rowDtos,
    cells,
    ...overrides,
  };
}
