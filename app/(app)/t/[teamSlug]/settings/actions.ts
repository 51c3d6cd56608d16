"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { userFormAction } from "@/lib/server/action";
import { actionMeta } from "@/lib/server/audit/request-meta";
import { deleteTeamSchema, transferOwnershipSchema } from "@/lib/schemas/access";
import { deleteTeam } from "@/lib/server/teams/delete-team";
import { transferOwnership } from "@/lib/server/teams/transfer-ownership";

/** Owners only (checked in transferOwnership): another member becomes owner, the caller a manager. */
export const transferOwnershipAction = userFormAction(transferOwnershipSchema, async (data, user) => {
  const { teamSlug } = await transferOwnership(user, data, await actionMeta());
  revalidatePath("/", "layout");
  // The caller is a manager now: the members page shows the new owner and their own role.
  redirect(`/t/${teamSlug}/members`);
});

/** Owners only (checked in deleteTeam), after typing the team's name. */
export const deleteTeamAction = userFormAction(deleteTeamSchema, async (data, user) => {
  await deleteTeam(user, data, await actionMeta());
  revalidatePath("/", "layout");
  redirect("/teams");
});
