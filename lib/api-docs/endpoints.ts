/**
 * Every /api/v1 endpoint, described once: the OpenAPI document (openapi.ts) and the
 * docs page (/docs/api) are built from this list. A unit test fails when a route file
 * under app/api/v1 has a method that is not listed here.
 */
import type { z } from "zod";
import {
  addColumnSchema,
  createMatrixSchema,
  createPersonSchema,
  createRowSchema,
  moveColumnSchema,
  putCellsSchema,
  updateMatrixSchema,
  updatePersonSchema,
  updateRowSchema,
} from "@/lib/schemas/matrix";
import { pdfExportQuerySchema, tableExportQuerySchema } from "@/lib/schemas/export";
import { importQuerySchema } from "@/lib/schemas/import";
import { changesQuerySchema, presenceInputSchema } from "@/lib/schemas/live";
import { createTokenSchema } from "@/lib/schemas/token";
import {
  cellHistoryQuerySchema,
  createSnapshotSchema,
  emptyBodySchema,
  historyQuerySchema,
} from "@/lib/schemas/history";
import { changeRoleSchema, createInvitationSchema, shareLinkSchema } from "@/lib/schemas/access";
import {
  castVoteSchema,
  joinWorkshopSchema,
  startWorkshopSchema,
  summaryPdfQuerySchema,
  workshopActionSchema,
} from "@/lib/schemas/workshop";
import { S } from "./schemas";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Endpoint {
  method: HttpMethod;
  /** OpenAPI path with {params}, e.g. /api/v1/matrices/{matrixId}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Who may call it beyond being signed in. */
  access?: string;
  /** public: no authentication; session: cookie only (no API token). Default: both. */
  auth?: "public" | "session";
  body?: z.ZodType;
  /** Non-JSON bodies, by media type. */
  rawBody?: Record<string, string>;
  query?: z.ZodType;
  /** Query parameters that may repeat. */
  repeatable?: readonly string[];
  /** The success answer. */
  ok: { status: number; description: string; schema?: Record<string, unknown>; mediaType?: string };
  /** Error statuses beyond 401 (and 403 for cross-site requests). */
  errors?: number[];
  /** Example body for the docs' curl line. */
  example?: unknown;
  /** When the one made from the method and path would not be unique. */
  operationId?: string;
}

const { obj, ref, arrayOf, int, str, bool } = S;
const READ = "Any member of the matrix's team (viewer and up).";
const EDIT = "Managers and owners of the team.";
const MANAGE = "Managers and owners of the team (a member or viewer gets 403).";
const EXPORT_REPEATABLE = ["category", "domain", "column"] as const;

export const ENDPOINTS: Endpoint[] = [
  // ---- Teams
  {
    method: "GET",
    path: "/api/v1/teams",
    tag: "Teams",
    summary: "List my teams",
    ok: {
      status: 200,
      description: "The teams the caller belongs to, with their role.",
      schema: obj({ teams: arrayOf(ref("Team")) }),
    },
  },
  {
    method: "GET",
    path: "/api/v1/teams/{teamId}/matrices",
    tag: "Teams",
    summary: "List a team's matrices",
    access: "Any member of the team.",
    ok: { status: 200, description: "The team's matrices.", schema: obj({ matrices: arrayOf(ref("MatrixSummary")) }) },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/teams/{teamId}/matrices",
    tag: "Teams",
    summary: "Create a matrix",
    description: "Empty, or from a template (see GET /api/v1/templates).",
    access: EDIT,
    body: createMatrixSchema,
    example: { name: "Platform RACI", template: "tl-vs-em" },
    ok: { status: 201, description: "Created.", schema: obj({ matrix: obj({ id: str, name: str }) }) },
    errors: [400, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/teams/{teamId}/matrices/import",
    tag: "Teams",
    summary: "Import a matrix from a table",
    description:
      "A multipart upload (`file`: CSV, TSV, Markdown or .xlsx; or `text`; optional `name`) or a raw text/csv, " +
      "text/tab-separated-values, text/markdown, text/plain or .xlsx body. `preview=1` checks without saving. " +
      "A table with errors is a 400 with `details.issues`; nothing is saved.",
    access: EDIT,
    query: importQuerySchema,
    rawBody: {
      "multipart/form-data": "file or text, and an optional name",
      "text/csv": "the table",
      "text/markdown": "a Markdown table",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook",
    },
    ok: {
      status: 201,
      description: "Created (200 with `{ preview }` when preview=1).",
      schema: obj(
        {
          matrix: obj({ id: str, name: str, teamSlug: str }),
          findings: arrayOf(ref("Finding")),
          summary: ref("FindingsSummary"),
          issues: arrayOf({ type: "object" }),
        },
        ["matrix"],
      ),
    },
    errors: [400, 403, 404, 413],
  },
  {
    method: "GET",
    path: "/api/v1/templates",
    tag: "Teams",
    summary: "List matrix templates",
    ok: { status: 200, description: "The templates.", schema: obj({ templates: arrayOf(ref("Template")) }) },
  },
  // ---- People
  {
    method: "GET",
    path: "/api/v1/teams/{teamId}/people",
    tag: "People",
    summary: "List a team's people and unfilled roles",
    access: "Any member of the team.",
    ok: { status: 200, description: "The people.", schema: obj({ people: arrayOf(ref("Person")) }) },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/teams/{teamId}/people",
    tag: "People",
    summary: "Add a person or an unfilled role",
    access: EDIT,
    body: createPersonSchema,
    example: { name: "Ana Lima", roleTitle: "Tech Lead" },
    ok: { status: 201, description: "Created.", schema: obj({ person: ref("Person") }) },
    errors: [400, 403, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/people/{personId}",
    tag: "People",
    summary: "Update a person",
    access: EDIT,
    body: updatePersonSchema,
    example: { roleTitle: "Engineering Manager", version: 1 },
    ok: { status: 200, description: "Updated.", schema: obj({ person: ref("Person") }) },
    errors: [400, 403, 404, 409],
  },
  // ---- Matrices
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}",
    tag: "Matrices",
    summary: "Read a matrix",
    access: READ,
    ok: { status: 200, description: "The whole matrix: columns, rows and cells.", schema: ref("Matrix") },
    errors: [404],
  },
  {
    method: "PATCH",
    path: "/api/v1/matrices/{matrixId}",
    tag: "Matrices",
    summary: "Rename a matrix or change its rule settings",
    access: EDIT,
    body: updateMatrixSchema,
    example: { name: "Platform RACI 2026", version: 3 },
    ok: { status: 200, description: "Updated.", schema: obj({ matrix: ref("MatrixSettings") }) },
    errors: [400, 403, 404, 409],
  },
  {
    method: "DELETE",
    path: "/api/v1/matrices/{matrixId}",
    tag: "Matrices",
    summary: "Delete a matrix",
    access: EDIT,
    ok: { status: 200, description: "Deleted.", schema: ref("Ok") },
    errors: [403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/findings",
    tag: "Matrices",
    summary: "Findings of a matrix",
    description: "The same rules engine the grid runs as you type.",
    access: READ,
    ok: {
      status: 200,
      description: "Findings and their summary.",
      schema: obj({ findings: arrayOf(ref("Finding")), summary: ref("FindingsSummary") }),
    },
    errors: [404],
  },
  {
    method: "PUT",
    path: "/api/v1/matrices/{matrixId}/cells",
    tag: "Matrices",
    summary: "Write one cell, or several together",
    description:
      '`letters` is any subset of R, A, C, I (any order or case; "" clears). Several cells are all-or-nothing. ' +
      "A stale `version` is a 409 whose `details.cells` holds the current state.",
    access: EDIT,
    body: putCellsSchema,
    example: { responsibilityId: "ROW_ID", personId: "PERSON_ID", letters: "RA", version: 0 },
    ok: {
      status: 200,
      description: "The new state of every written cell.",
      schema: obj({ cells: arrayOf(ref("CellResult")), changeId: int }),
    },
    errors: [400, 403, 404, 409],
  },
  // ---- Rows
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/rows",
    tag: "Rows",
    summary: "Add a responsibility",
    access: EDIT,
    body: createRowSchema,
    example: { title: "On-call rota", category: "Operations" },
    ok: { status: 201, description: "Created.", schema: obj({ row: ref("Row") }) },
    errors: [400, 403, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/matrices/{matrixId}/rows/{rowId}",
    tag: "Rows",
    summary: "Edit or move a responsibility",
    description: "`afterId: null` moves it to the top.",
    access: EDIT,
    body: updateRowSchema,
    example: { title: "On-call rota and escalation", version: 1 },
    ok: { status: 200, description: "Updated.", schema: obj({ row: ref("Row") }) },
    errors: [400, 403, 404, 409],
  },
  {
    method: "DELETE",
    path: "/api/v1/matrices/{matrixId}/rows/{rowId}",
    tag: "Rows",
    summary: "Delete a responsibility (restorable)",
    access: EDIT,
    ok: { status: 200, description: "Deleted.", schema: ref("Ok") },
    errors: [403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/rows/{rowId}/restore",
    tag: "Rows",
    summary: "Restore a deleted responsibility",
    access: EDIT,
    ok: { status: 200, description: "Restored.", schema: obj({ row: ref("Row") }) },
    errors: [403, 404],
  },
  // ---- Columns
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/columns",
    tag: "Columns",
    summary: "Add a column",
    description: "An existing person of the team (`personId`) or a new one (`person`).",
    access: EDIT,
    body: addColumnSchema,
    example: { person: { name: "Unfilled SRE", isVacant: true } },
    ok: { status: 201, description: "Created.", schema: obj({ column: ref("Column") }) },
    errors: [400, 403, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/matrices/{matrixId}/columns/{columnId}",
    tag: "Columns",
    summary: "Move a column",
    access: EDIT,
    body: moveColumnSchema,
    example: { afterId: null, version: 1 },
    ok: { status: 200, description: "Moved.", schema: obj({ column: ref("Column") }) },
    errors: [400, 403, 404, 409],
  },
  {
    method: "DELETE",
    path: "/api/v1/matrices/{matrixId}/columns/{columnId}",
    tag: "Columns",
    summary: "Remove a column (restorable; cells are kept)",
    access: EDIT,
    ok: { status: 200, description: "Removed.", schema: ref("Ok") },
    errors: [403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/columns/{columnId}/restore",
    tag: "Columns",
    summary: "Restore a removed column",
    access: EDIT,
    ok: { status: 200, description: "Restored.", schema: obj({ column: ref("Column") }) },
    errors: [403, 404],
  },
  // ---- Live
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/events",
    tag: "Live",
    summary: "Server-sent events of a matrix",
    description:
      "`hello`, then `change` { changeId, actorId, entities } and `presence` { users } as they happen; `bye` { reason } " +
      "ends the stream. Messages carry ids only: fetch what changed from /changes.",
    access: READ,
    ok: { status: 200, description: "An event stream.", mediaType: "text/event-stream", schema: str },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/changes",
    tag: "Live",
    summary: "Changes after a change id",
    access: READ,
    query: changesQuerySchema,
    ok: {
      status: 200,
      description: "Oldest first, with the current state of the touched cells (or `{ tooMany: true, lastChangeId }`).",
      schema: obj(
        { changes: arrayOf({ type: "object" }), cells: arrayOf({ type: "object" }), lastChangeId: int, tooMany: bool },
        ["lastChangeId"],
      ),
    },
    errors: [400, 404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/presence",
    tag: "Live",
    summary: "Heartbeat and selected cell",
    access: READ,
    body: presenceInputSchema,
    example: { selection: null },
    ok: { status: 204, description: "Recorded." },
    errors: [400, 404],
  },
  // ---- Export
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/export.pdf",
    tag: "Export",
    summary: "Export as PDF",
    access: READ,
    query: pdfExportQuerySchema,
    repeatable: EXPORT_REPEATABLE,
    ok: {
      status: 200,
      description: "The PDF.",
      mediaType: "application/pdf",
      schema: { type: "string", format: "binary" },
    },
    errors: [400, 404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/export.csv",
    tag: "Export",
    summary: "Export as CSV",
    description: "Formula-like values get a leading `'` (the importer removes it).",
    access: READ,
    query: tableExportQuerySchema,
    repeatable: EXPORT_REPEATABLE,
    ok: { status: 200, description: "RFC 4180 CSV, UTF-8 with BOM.", mediaType: "text/csv", schema: str },
    errors: [400, 404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/export.xlsx",
    tag: "Export",
    summary: "Export as Excel workbook",
    access: READ,
    query: tableExportQuerySchema,
    repeatable: EXPORT_REPEATABLE,
    ok: {
      status: 200,
      description: "Matrix and Findings sheets; cells are text, never formulas.",
      mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      schema: { type: "string", format: "binary" },
    },
    errors: [400, 404],
  },
  // ---- History (docs/history.md)
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/history",
    tag: "History",
    summary: "Activity feed of a matrix",
    description:
      "Newest first, whole groups (one user action each), with `labels` for the rows, people and columns the " +
      "entries refer to (deleted ones included). Pass `nextBefore` as `before` for the next page.",
    access: READ,
    query: historyQuerySchema,
    ok: {
      status: 200,
      description: "A page of the feed.",
      schema: obj({ entries: arrayOf(ref("HistoryEntry")), labels: ref("HistoryLabels"), nextBefore: S.nullable(int) }),
    },
    errors: [400, 404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/cells/history",
    tag: "History",
    summary: "History of one cell",
    description: "The cell of row `rowId` and person `personId`, newest first (at most 100 changes).",
    access: READ,
    query: cellHistoryQuerySchema,
    ok: { status: 200, description: "The cell's changes.", schema: obj({ entries: arrayOf(ref("HistoryEntry")) }) },
    errors: [400, 404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/undo",
    tag: "History",
    summary: "What Undo and Redo would do now",
    description: "For the caller: undo and redo are per user and matrix.",
    access: READ,
    ok: { status: 200, description: "The caller's undo state.", schema: ref("UndoState") },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/undo",
    tag: "History",
    summary: "Undo my newest step",
    description:
      "Writes the inverse of the caller's newest step as a new group. 409 when someone else changed anything " +
      'of the step since (`details.reason: "changed-by-other"`) or when there is nothing to undo (`"empty"`).',
    access: EDIT,
    body: emptyBodySchema,
    example: {},
    ok: {
      status: 200,
      description: "What was written, and the new undo state.",
      schema: { allOf: [ref("AppliedChanges"), obj({ state: ref("UndoState") })] },
    },
    errors: [400, 404, 409],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/redo",
    tag: "History",
    summary: "Redo my newest undone step",
    description: "409 when someone else changed it after the undo, or when there is nothing to redo.",
    access: EDIT,
    body: emptyBodySchema,
    example: {},
    ok: {
      status: 200,
      description: "What was written, and the new undo state.",
      schema: { allOf: [ref("AppliedChanges"), obj({ state: ref("UndoState") })] },
    },
    errors: [400, 404, 409],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/snapshots",
    tag: "History",
    summary: "List a matrix's saved versions",
    description: "Newest first (at most 200), without their content.",
    access: READ,
    operationId: "listMatrixSnapshots",
    ok: { status: 200, description: "The snapshots.", schema: obj({ snapshots: arrayOf(ref("SnapshotSummary")) }) },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/snapshots",
    tag: "History",
    summary: "Save the matrix as a named version",
    access: EDIT,
    body: createSnapshotSchema,
    example: { name: "Before the reorg" },
    ok: { status: 201, description: "Saved (kind `manual`).", schema: obj({ snapshot: ref("SnapshotSummary") }) },
    errors: [400, 404],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/snapshots/{snapshotId}",
    tag: "History",
    summary: "Read a saved version with its content",
    description: "`content`: name, settings, rows, columns and filled cells `[rowIndex, columnIndex, letters]`.",
    access: READ,
    operationId: "getMatrixSnapshot",
    ok: {
      status: 200,
      description: "The snapshot.",
      schema: obj({ snapshot: { allOf: [ref("SnapshotSummary"), obj({ content: { type: "object" } })] } }),
    },
    errors: [404, 409],
  },
  {
    method: "DELETE",
    path: "/api/v1/matrices/{matrixId}/snapshots/{snapshotId}",
    tag: "History",
    summary: "Delete a saved version",
    description: "Manual versions only: workshop and before-restore versions are kept (403).",
    access: EDIT,
    ok: { status: 200, description: "Deleted.", schema: ref("Ok") },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/snapshots/{snapshotId}/restore",
    tag: "History",
    summary: "Restore a saved version",
    description:
      "Saves a `before-restore` version, then writes the snapshot's rows, columns, cells and settings as one " +
      "new group (origin `restore`, one undo step). Nothing is hard-deleted.",
    access: EDIT,
    body: emptyBodySchema,
    example: {},
    ok: {
      status: 200,
      description: "What was written, and the id of the version saved before.",
      schema: { allOf: [ref("AppliedChanges"), obj({ beforeSnapshotId: str })] },
    },
    errors: [400, 404, 409],
  },
  // ---- Workshops (docs/workshops.md)
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/workshops",
    tag: "Workshops",
    summary: "The running workshop of a matrix, and the recent ones",
    access: READ,
    ok: {
      status: 200,
      description: "The running one (or null) and the 20 most recent.",
      schema: obj({ active: S.nullable(ref("WorkshopRef")), workshops: arrayOf(ref("WorkshopRef")) }),
    },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/workshops",
    tag: "Workshops",
    summary: "Start a workshop on a matrix",
    description:
      "The agenda is the matrix's rows in order; a `workshop-start` snapshot is saved. One workshop runs per " +
      "matrix: starting a second is a 409 naming the facilitator of the first.",
    access: EDIT,
    body: startWorkshopSchema,
    example: { name: "Q3 ownership review", timerSeconds: 120 },
    ok: { status: 201, description: "Started.", schema: obj({ workshop: ref("WorkshopState") }) },
    errors: [400, 404, 409],
  },
  {
    method: "POST",
    path: "/api/v1/workshops/join",
    tag: "Workshops",
    summary: "Join a workshop by its code",
    description: "Members of the matrix's team only: for anybody else a code is the same 404 as an unknown one.",
    access: "Any member of the workshop's team.",
    body: joinWorkshopSchema,
    example: { code: "K7RM4X" },
    ok: {
      status: 200,
      description: "Where the workshop is.",
      schema: obj({
        workshop: obj({ workshopId: str, matrixId: str, teamSlug: str, status: { type: "string" } }),
      }),
    },
    errors: [400, 404],
  },
  {
    method: "GET",
    path: "/api/v1/workshops/{workshopId}",
    tag: "Workshops",
    summary: "A workshop's state",
    description: "As the caller may see it: nobody sees anyone's letters before the reveal.",
    access: "Any member of the workshop's team.",
    ok: { status: 200, description: "The state.", schema: obj({ workshop: ref("WorkshopState") }) },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/workshops/{workshopId}/heartbeat",
    tag: "Workshops",
    summary: "Still here (joins the caller if needed)",
    description: "People seen in the last 45 s count as expected voters.",
    access: "Any member of the workshop's team.",
    ok: { status: 204, description: "Recorded." },
    errors: [404],
  },
  {
    method: "PUT",
    path: "/api/v1/workshops/{workshopId}/votes",
    tag: "Workshops",
    summary: "Vote on the current item, change the vote, or skip",
    description:
      "`letters` per column (person id), at most one A. 409 when the item is not open for votes (revealed, " +
      "or the workshop moved on).",
    access: "Members, managers and owners (viewers follow without voting).",
    body: castVoteSchema,
    example: { itemId: "ITEM_ID", letters: { PERSON_ID: "R" } },
    ok: { status: 200, description: "The workshop's new version.", schema: obj({ version: int }) },
    errors: [400, 404, 409],
  },
  {
    method: "POST",
    path: "/api/v1/workshops/{workshopId}/actions",
    tag: "Workshops",
    summary: "A facilitator's action",
    description:
      "reveal, reopen, decide (writes the letters to the matrix as one undo group), next, back, goto, park, " +
      "unpark, reorder, timer, restart-timer, end. Actions about the current item carry its id: if the " +
      "workshop moved on meanwhile, the action is a 409.",
    access: EDIT,
    body: workshopActionSchema,
    example: { type: "reveal", itemId: "ITEM_ID" },
    ok: { status: 200, description: "The workshop's new version.", schema: obj({ version: int }, []) },
    errors: [400, 404, 409],
  },
  {
    method: "GET",
    path: "/api/v1/workshops/{workshopId}/events",
    tag: "Workshops",
    summary: "Server-sent events of a workshop",
    description: "`hello` {workshopId, version}, then `workshop` {workshopId, version} after every change; `bye`.",
    access: "Any member of the workshop's team.",
    ok: { status: 200, description: "An event stream.", mediaType: "text/event-stream", schema: str },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/workshops/{workshopId}/summary",
    tag: "Workshops",
    summary: "What a workshop came to",
    access: "Any member of the workshop's team.",
    ok: { status: 200, description: "The summary.", schema: obj({ summary: ref("WorkshopSummary") }) },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/workshops/{workshopId}/summary.pdf",
    tag: "Workshops",
    summary: "The summary as PDF",
    description: "The summary, then the matrix with its findings. Times in `tz` (default UTC).",
    access: "Any member of the workshop's team.",
    query: summaryPdfQuerySchema,
    ok: {
      status: 200,
      description: "The PDF (an attachment).",
      mediaType: "application/pdf",
      schema: { type: "string", format: "binary" },
    },
    errors: [400, 404],
  },
  // ---- Access (docs/api-access.md)
  {
    method: "GET",
    path: "/api/v1/teams/{teamId}/invitations",
    tag: "Access",
    summary: "List a team's pending invitations",
    description: "The ones that can still be accepted, newest first. Never the links themselves.",
    access: MANAGE,
    ok: { status: 200, description: "The invitations.", schema: obj({ invitations: arrayOf(ref("Invitation")) }) },
    errors: [403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/teams/{teamId}/invitations",
    tag: "Access",
    summary: "Invite someone to the team",
    description:
      "The link (`/invite/{token}`) is in this answer only; only a hash of the token is stored. With `email`, " +
      "only that address can accept, and the link is emailed when SMTP is configured. A manager may not invite " +
      "an owner (403).",
    access: MANAGE,
    body: createInvitationSchema,
    example: { role: "member", expiresInDays: 7, uses: "single" },
    ok: {
      status: 201,
      description: "Created.",
      schema: obj({
        invitation: ref("Invitation"),
        path: str,
        url: str,
        emailSent: S.nullable(bool),
        emailConfigured: bool,
      }),
    },
    errors: [400, 404],
  },
  {
    method: "DELETE",
    path: "/api/v1/teams/{teamId}/invitations/{invitationId}",
    tag: "Access",
    summary: "Revoke an invitation",
    description: "Its link stops working at once. Revoking twice is fine.",
    access: MANAGE,
    ok: { status: 200, description: "Revoked.", schema: ref("Ok") },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/teams/{teamId}/members",
    tag: "Access",
    summary: "List a team's members",
    access: "Any member of the team.",
    ok: {
      status: 200,
      description: "The members, oldest first.",
      schema: obj({ members: arrayOf({ allOf: [ref("Member"), obj({ joinedAt: S.dateTime })] }) }),
    },
    errors: [404],
  },
  {
    method: "PATCH",
    path: "/api/v1/teams/{teamId}/members/{userId}",
    tag: "Access",
    summary: "Change a member's role",
    description:
      "Only owners make or change owners. The last owner cannot be demoted (409, " +
      '`details.reason: "LAST_OWNER"`). A lowered role ends the member\'s sessions.',
    access: MANAGE,
    body: changeRoleSchema,
    example: { role: "viewer" },
    ok: { status: 200, description: "The member with the new role.", schema: obj({ member: ref("Member") }) },
    errors: [400, 404, 409],
  },
  {
    method: "DELETE",
    path: "/api/v1/teams/{teamId}/members/{userId}",
    tag: "Access",
    summary: "Remove a member, or leave the team",
    description:
      "With your own user id, you leave the team (any role). Removing someone else needs a manager or owner " +
      "(owners only for owners). The last owner can neither leave nor be removed (409).",
    access: "Any member for themselves; managers and owners for others.",
    ok: {
      status: 200,
      description: "`left` is true when the caller left.",
      schema: obj({ left: bool }),
    },
    errors: [404, 409],
  },
  {
    method: "GET",
    path: "/api/v1/matrices/{matrixId}/share-link",
    tag: "Access",
    summary: "The matrix's read-only link",
    access: MANAGE,
    ok: {
      status: 200,
      description: "The active link, or null when sharing is off.",
      schema: obj({ shareLink: S.nullable(ref("ShareLink")) }),
    },
    errors: [403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/matrices/{matrixId}/share-link",
    tag: "Access",
    summary: "Turn the read-only link on, or replace it",
    description:
      '`{}` turns it on (200 and the same link when it is already on); `{ "regenerate": true }` replaces the ' +
      "token and the old link stops working at once.",
    access: MANAGE,
    body: shareLinkSchema,
    example: {},
    ok: {
      status: 201,
      description: "Turned on (200 when it already was).",
      schema: obj({ shareLink: ref("ShareLink") }),
    },
    errors: [400, 404],
  },
  {
    method: "DELETE",
    path: "/api/v1/matrices/{matrixId}/share-link",
    tag: "Access",
    summary: "Turn the read-only link off",
    description: "Whoever has the link gets a 404 from now on.",
    access: MANAGE,
    ok: { status: 200, description: "Off.", schema: obj({ shareLink: { type: "null" } }) },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/share/{token}",
    tag: "Access",
    summary: "A matrix behind a read-only link (public)",
    description:
      "No account needed: the token is the credential. The grid and its findings; no team, member or other " +
      "matrix names. An unknown or turned-off link is a 404.",
    auth: "public",
    ok: {
      status: 200,
      description: "The shared matrix and its findings.",
      schema: obj({ matrix: ref("SharedMatrix"), findings: arrayOf(ref("Finding")), summary: ref("FindingsSummary") }),
    },
    errors: [404],
  },
  // ---- Tokens
  {
    method: "GET",
    path: "/api/v1/tokens",
    tag: "API tokens",
    summary: "List my API tokens",
    description: "Revoked tokens are not listed; the tokens themselves are never shown again.",
    ok: { status: 200, description: "My tokens.", schema: obj({ tokens: arrayOf(ref("ApiToken")) }) },
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    tag: "API tokens",
    summary: "Create an API token",
    description:
      "Needs a signed-in browser session: an API token cannot create tokens. The token is in this answer only.",
    auth: "session",
    body: createTokenSchema,
    example: { name: "CI export job", expiresInDays: 90 },
    ok: {
      status: 201,
      description: "The token (`remit_pat_…`), shown once, and its listing.",
      schema: obj({ token: str, apiToken: ref("ApiToken") }),
    },
    errors: [400, 403],
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{tokenId}",
    tag: "API tokens",
    summary: "Revoke an API token",
    description: "It stops working on the next request. A token may revoke itself.",
    ok: { status: 200, description: "Revoked.", schema: ref("Ok") },
    errors: [404],
  },
  // ---- This document
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    tag: "Meta",
    summary: "This API's OpenAPI 3.1 document",
    auth: "public",
    ok: { status: 200, description: "The document.", schema: { type: "object" } },
  },
];
