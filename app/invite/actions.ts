"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { userFormAction } from "@/lib/server/action";
import { actionMeta } from "@/lib/server/audit/request-meta";
import { acceptInvitationSchema } from "@/lib/schemas/access";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

/** "Join team" on /invite/{token}: the signed-in user becomes a member with the invited role. */
export const acceptInvitationAction = userFormAction(acceptInvitationSchema, async (data, user) => {
  const result = await acceptInvitation(user, data.token, await actionMeta());
  revalidatePath("/", "layout");
  redirect(`/t/${result.team.slug}`);
});
