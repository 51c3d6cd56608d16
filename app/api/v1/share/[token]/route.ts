import { apiError } from "@/lib/server/api";
import { findSharedMatrix } from "@/lib/server/share/find-shared-matrix";
import { computeFindings, summarizeFindings } from "@/lib/raci/findings";
import { sharedToModel } from "@/lib/matrix/shared";
import { toRaciMatrix } from "@/lib/matrix/dto";
import { logger } from "@/lib/server/logger";

/**
 * The matrix behind a read-only share link, without an account: grid and findings.
 * Public on purpose (the token is the credential); unknown or revoked is a 404.
 */
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await context.params;
    const shared = await findSharedMatrix(token);
    if (!shared) return apiError(404, "NOT_FOUND", "That link was not found, or sharing was turned off.");
    const findings = computeFindings(toRaciMatrix(sharedToModel(shared)));
    return Response.json(
      { matrix: shared, findings, summary: summarizeFindings(findings) },
      { headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" } },
    );
  } catch (err) {
    logger.error("shared matrix request failed", { err });
    return apiError(500, "INTERNAL", "Something went wrong on our side.");
  }
}
