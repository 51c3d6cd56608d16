import "server-only";
import { isAppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { requireMatrixAccess } from "@/lib/server/matrices/require-matrix-access";
import { findLastChangeId } from "@/lib/server/matrices/find-changes";
import { openMatrixStream, type AccessCheck } from "@/lib/server/realtime/matrix-stream";
import { getPresence } from "@/lib/server/realtime/presence";
import type { PresenceSelection } from "@/lib/matrix/live";
import type { CurrentUser } from "@/lib/server/session";

async function accessNow(userId: string, matrixId: string): Promise<AccessCheck> {
  try {
    await requireMatrixAccess(userId, matrixId);
    return "ok";
  } catch (err) {
    if (isAppError(err)) return err.code === "NOT_FOUND" ? "gone" : "forbidden";
    // A database hiccup is not a reason to drop a workshop's connections.
    logger.warn("event stream access check failed", { err, matrixId });
    return "ok";
  }
}

/**
 * Opens the event stream of a matrix for a signed-in user: authorized once here (a
 * matrix they cannot read is a 404 before any stream exists), then again at every
 * heartbeat.
 */
export async function openMatrixEvents(user: CurrentUser, matrixId: string, signal: AbortSignal): Promise<Response> {
  await requireMatrixAccess(user.id, matrixId);
  return openMatrixStream({
    matrixId,
    user: { id: user.id, name: user.name },
    signal,
    lastChangeId: () => findLastChangeId(matrixId),
    checkAccess: () => accessNow(user.id, matrixId),
  });
}

/** A presence heartbeat with the tab's selected cell; readers of the matrix only. */
export async function updatePresence(
  user: CurrentUser,
  matrixId: string,
  selection: PresenceSelection | null,
): Promise<void> {
  await requireMatrixAccess(user.id, matrixId);
  await getPresence().touch(matrixId, { id: user.id, name: user.name }, selection);
}
