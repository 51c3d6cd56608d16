import "server-only";
import { db } from "@/lib/server/db";
import { requireTeamAccess } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { RequestMeta } from "@/lib/server/audit/request-meta";
import type { CurrentUser } from "@/lib/server/session";
import { confirmsTeamName } from "./transfer-ownership";

/**
 * Deletes a team with everything in it (owners only, after typing its name). The audit
 * event stays: audit rows have no relation to the team.
 */
export async function deleteTeam(
  user: CurrentUser,
  input: { teamId: string; confirm: string },
  meta: RequestMeta,
): Promise<{ name: string }> {
  const { team } = await requireTeamAccess(user.id, { teamId: input.teamId }, "team:delete");
  if (!confirmsTeamName(input.confirm, team.name)) {
    throw new AppError("INVALID_INPUT", "Type the team's name to confirm.", {
      fields: { confirm: `Type “${team.name}” to confirm.` },
    });
  }
  await db.$transaction(async (tx) => {
    await recordAudit(
      {
        action: "team.deleted",
        teamId: team.id,
        actorId: user.id,
        actorEmail: user.email,
        targetType: "team",
        targetId: team.id,
        ip: meta.ip,
        details: { name: team.name, slug: team.slug },
      },
      tx,
    );
    await tx.team.delete({ where: { id: team.id }, select: { id: true } });
  });
  return { name: team.name };
}
