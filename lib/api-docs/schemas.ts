/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's answers. Inputs are
 * generated from the zod schemas in lib/schemas (see openapi.ts); answers are typed in
 * TypeScript (lib/matrix/dto.ts, lib/server/...), so they are described here.
 */
type Schema = Record<string, unknown>;

const str: Schema = { type: "string" };
const int: Schema = { type: "integer" };
const bool: Schema = { type: "boolean" };
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });
const dateTime: Schema = { type: "string", format: "date-time" };
const obj = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({
  type: "object",
  properties,
  required,
});
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (s: Schema): Schema => ({ type: "array", items: s });

const roleKinds = arrayOf({ type: "string", enum: ["TECH_LEAD", "ENGINEERING_MANAGER"] });

export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  Error: obj(
    {
      error: obj(
        {
          code: {
            type: "string",
            enum: [
              "INVALID_INPUT",
              "UNAUTHENTICATED",
              "FORBIDDEN",
              "NOT_FOUND",
              "CONFLICT",
              "ALREADY_EXISTS",
              "RATE_LIMITED",
              "TOO_LARGE",
              "INTERNAL",
            ],
          },
          message: { type: "string", description: "Written for people; never internals." },
          fields: { type: "object", additionalProperties: str, description: "Per-field messages (400)." },
          details: { description: "E.g. the current state of stale records (409)." },
        },
        ["code", "message"],
      ),
    },
    ["error"],
  ),
  Ok: obj({ ok: { const: true } }),
  Team: obj({
    id: str,
    slug: str,
    name: str,
    role: { type: "string", enum: ["owner", "manager", "member", "viewer"] },
  }),
  MatrixSummary: obj({
    id: str,
    name: str,
    description: str,
    updatedAt: dateTime,
    rowCount: int,
    columnCount: int,
  }),
  Template: obj({ id: str, name: str, summary: str, rowCount: int, columnCount: int }),
  Person: obj({
    id: str,
    name: str,
    roleTitle: str,
    roleKinds,
    kindsManual: bool,
    isVacant: bool,
    codingShare: nullable(int),
    userId: nullable(str),
    version: int,
  }),
  Row: obj({
    id: str,
    title: str,
    description: str,
    category: str,
    domain: nullable({ type: "string", enum: ["SYSTEM", "PEOPLE", "SHARED"] }),
    version: int,
  }),
  Column: obj({
    id: str,
    personId: str,
    name: str,
    roleTitle: str,
    roleKinds,
    kindsManual: bool,
    isVacant: bool,
    codingShare: nullable(int),
    userId: nullable(str),
    version: int,
    personVersion: int,
  }),
  Matrix: obj({
    id: str,
    teamId: str,
    teamSlug: str,
    name: str,
    description: str,
    version: int,
    updatedAt: dateTime,
    settings: { type: "object", description: "Rule switches and thresholds (lib/raci/settings.ts)." },
    lastChangeId: int,
    columns: arrayOf(ref("Column")),
    rows: arrayOf(ref("Row")),
    cells: arrayOf({
      type: "array",
      description: "[rowIndex, columnIndex, letters, version]",
      prefixItems: [int, int, str, int],
    }),
  }),
  MatrixSettings: obj({ id: str, name: str, description: str, settings: { type: "object" }, version: int }),
  CellResult: obj({
    responsibilityId: str,
    personId: str,
    letters: { type: "string", description: 'Canonical letters in R, A, C, I order ("" = empty).' },
    version: int,
    updatedAt: dateTime,
    updatedBy: nullable(obj({ id: str, name: str })),
  }),
  Finding: obj(
    {
      code: str,
      severity: { type: "string", enum: ["error", "warning", "info"] },
      responsibilityId: str,
      personId: str,
      message: str,
      fix: arrayOf({ type: "object" }),
    },
    ["code", "severity", "message"],
  ),
  FindingsSummary: obj({
    total: int,
    bySeverity: { type: "object", additionalProperties: int },
    byCode: { type: "object", additionalProperties: int },
    health: str,
  }),
  ApiToken: obj({
    id: str,
    name: str,
    prefix: { type: "string", description: "The first characters, to tell tokens apart." },
    createdAt: dateTime,
    lastUsedAt: nullable(dateTime),
    expiresAt: nullable(dateTime),
    revokedAt: nullable(dateTime),
  }),
  // ---- History (docs/history.md)
  HistoryEntry: obj({
    id: int,
    groupId: { type: "string", description: "One user action = one group." },
    origin: { type: "string", enum: ["edit", "fix", "workshop", "restore", "undo", "redo", "import"] },
    revertsGroupId: nullable(str),
    entity: { type: "string", enum: ["cell", "row", "column", "settings", "matrix", "person"] },
    entityId: { type: "string", description: "For a cell: `rowId|personId`." },
    action: str,
    before: { description: "The state before (letters for a cell, the record otherwise)." },
    after: { description: "The state after." },
    actorId: nullable(str),
    actorName: nullable(str),
    createdAt: dateTime,
  }),
  HistoryLabels: obj({
    rows: { type: "object", additionalProperties: str, description: "Row id → title (deleted rows too)." },
    people: { type: "object", additionalProperties: str, description: "Person id → name." },
    columns: { type: "object", additionalProperties: str, description: "Column id → person id." },
  }),
  UndoState: obj({ canUndo: bool, canRedo: bool, undoLabel: nullable(str), redoLabel: nullable(str) }),
  AppliedChanges: obj({
    changeId: int,
    cells: arrayOf(obj({ responsibilityId: str, personId: str, letters: str, version: int })),
    entities: arrayOf({ type: "string", enum: ["cell", "row", "column", "matrix", "settings", "person"] }),
  }),
  SnapshotSummary: obj({
    id: str,
    name: str,
    kind: { type: "string", enum: ["manual", "workshop-start", "workshop-end", "before-restore"] },
    createdAt: dateTime,
    createdBy: nullable(str),
    lastChangeId: { type: "integer", description: "The newest change the snapshot includes." },
  }),
  // ---- Workshops (docs/workshops.md; the full shapes are in lib/matrix/workshop-dto.ts)
  WorkshopRef: obj({
    id: str,
    name: str,
    status: { type: "string", enum: ["active", "ended"] },
    joinCode: str,
    facilitatorName: str,
    createdAt: dateTime,
    endedAt: nullable(dateTime),
  }),
  WorkshopState: {
    type: "object",
    description:
      "WorkshopStateDto: id, matrixId, matrixName, teamSlug, name, status, phase (voting | revealed), version, " +
      "joinCode, facilitator, timerSeconds, itemStartedAt, serverNow, viewer {userId, canRun, canVote, joined}, " +
      "columns, agenda, current (the open item: its cells, vote counts, my vote, and `result` only once " +
      "revealed), participants.",
    required: ["id", "matrixId", "status", "phase", "version", "current"],
  },
  WorkshopSummary: {
    type: "object",
    description:
      "WorkshopSummaryDto: the items decided and parked with their agreement and vote counts, the most " +
      "contested decisions and the findings left.",
  },
  // ---- Access (docs/api-access.md)
  Invitation: obj({
    id: str,
    role: { type: "string", enum: ["owner", "manager", "member", "viewer"] },
    email: nullable(str),
    expiresAt: dateTime,
    maxUses: nullable({ type: "integer", description: "1: single use; null: until it expires or is revoked." }),
    uses: int,
    state: { type: "string", enum: ["active", "expired", "revoked", "used_up"] },
    createdAt: dateTime,
    createdBy: nullable(obj({ id: str, name: str })),
  }),
  Member: obj({
    userId: str,
    name: str,
    email: str,
    role: { type: "string", enum: ["owner", "manager", "member", "viewer"] },
  }),
  ShareLink: obj({ path: { type: "string", description: "`/s/{token}`" }, createdAt: dateTime }),
  SharedMatrix: obj({
    name: str,
    description: str,
    updatedAt: dateTime,
    settings: { type: "object" },
    columns: arrayOf({ type: "object", description: "Column without user id and versions." }),
    rows: arrayOf({ type: "object", description: "Row without version." }),
    cells: arrayOf({ type: "array", description: "[rowIndex, columnIndex, letters]", prefixItems: [int, int, str] }),
  }),
};

export const S = { str, int, bool, obj, ref, arrayOf, nullable, dateTime };
