import "server-only";
import { loadMatrixDto } from "@/lib/server/matrices/load-matrix-dto";
import type { MatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import type { MatrixDto } from "@/lib/matrix/dto";
import { etagMatches } from "@/lib/http/negotiation";

/**
 * `GET /api/v1/matrices/{id}`, cached per matrix and per its newest change.
 *
 * Every change of what the DTO shows is recorded as a MatrixChange (live updates rely
 * on the same rule), and a rename or settings change also bumps the matrix's version;
 * so (newest change id, matrix version, team slug) identifies the DTO. It is the ETag
 * (a browser that has it gets 304 without a body), and the key of a small in-process
 * cache that holds the DTO and its JSON, so a read of an unchanged matrix costs the
 * session and access checks instead of seven more queries and a serialisation
 * (requireMatrixAccess reads the newest change id in its one query). Next.js gzips the
 * answer on the way out (route handlers cannot send their own Content-Encoding). Each
 * instance checks against the database, so instances never serve each other's stale
 * copies.
 */
interface Entry {
  etag: string;
  dto: MatrixDto;
  json: Uint8Array<ArrayBuffer>;
}

// Bounded by the JSON's size; the DTO objects beside it take a few times that.
const MAX_ENTRIES = 64;
const MAX_BYTES = 8 * 1024 * 1024;

const g = globalThis as unknown as { remitMatrixCache?: Map<string, Entry> };
const cache = (): Map<string, Entry> => (g.remitMatrixCache ??= new Map());

function remember(matrixId: string, entry: Entry): void {
  const map = cache();
  map.delete(matrixId);
  map.set(matrixId, entry);
  let bytes = 0;
  for (const e of map.values()) bytes += e.json.length;
  // Least recently used first (a Map iterates in insertion order; hits re-insert).
  for (const [id, e] of map) {
    if (map.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    map.delete(id);
    bytes -= e.json.length;
  }
}

/** A weak validator: the same DTO is sent gzipped or not. */
function etagOf(access: MatrixAccess, lastChangeId: number): string {
  return `W/"${lastChangeId}-${access.matrix.version}-${access.team.slug}"`;
}

/** The DTO of a matrix the caller may read (access checked by the caller), from the cache when current. */
export async function cachedMatrix(access: MatrixAccess): Promise<{ etag: string; entry: Entry }> {
  const matrixId = access.matrix.id;
  const etag = etagOf(access, access.lastChangeId);
  const hit = cache().get(matrixId);
  if (hit?.etag === etag) {
    remember(matrixId, hit);
    return { etag, entry: hit };
  }
  const dto = await loadMatrixDto(matrixId);
  const json = new TextEncoder().encode(JSON.stringify(dto));
  // Filed under the id read before loading: a change committed in between makes the
  // next read miss and reload, never serve this copy under a newer tag.
  const entry: Entry = { etag, dto, json };
  remember(matrixId, entry);
  return { etag, entry };
}

/** The DTO for the matrix page (server-rendered), shared with the API's cache. */
export async function cachedMatrixDto(access: MatrixAccess): Promise<MatrixDto> {
  return (await cachedMatrix(access)).entry.dto;
}

/** The matrix as JSON, or 304 for a current ETag. */
export async function matrixJsonResponse(request: Request, access: MatrixAccess): Promise<Response> {
  const { etag, entry } = await cachedMatrix(access);
  const headers: Record<string, string> = {
    "Cache-Control": "private, no-cache",
    ETag: etag,
    Vary: "Cookie, Authorization",
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(entry.json, { headers: { ...headers, "Content-Type": "application/json" } });
}
