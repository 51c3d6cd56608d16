"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { userFormAction } from "@/lib/server/action";
import { createTeamSchema, renameTeamSchema } from "@/lib/schemas/team";
import { createTeam } from "@/lib/server/teams/create-team";
import { renameTeam } from "@/lib/server/teams/rename-team";

export const createTeamAction = userFormAction(createTeamSchema, async (data, user) => {
  const team = await createTeam(user.id, data);
  revalidatePath("/", "layout");
  redirect(`/t/${team.slug}`);
});

export const renameTeamAction = userFormAction(renameTeamSchema, async (data, user) => {
  const team = await renameTeam(user.id, data);
  revalidatePath("/", "layout");
  return { ok: true, message: `Team renamed to “${team.name}”.`, values: { name: team.name } };
});
