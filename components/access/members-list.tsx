"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { errorMessage } from "@/lib/query/api-client";
import { ROLE_LABELS } from "@/lib/permissions";
import type { TeamRole } from "@/lib/schemas/team";
import type { MemberDto } from "@/lib/teams/access-dto";
import { assignableRoles, checkRemoval } from "@/lib/teams/role-rules";
import { accessApi } from "./access-api";

type Confirm = { kind: "remove"; member: MemberDto } | { kind: "leave"; member: MemberDto };

/**
 * The team's members with their roles. Managers and owners change roles and remove
 * people (only what lib/teams/role-rules allows them is offered); everyone can leave.
 */
export function MembersList({
  teamId,
  teamName,
  members,
  currentUserId,
  currentRole,
}: {
  teamId: string;
  teamName: string;
  members: MemberDto[];
  currentUserId: string;
  currentRole: TeamRole;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Record<string, TeamRole>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const ownerCount = members.filter((m) => m.role === "owner").length;

  async function saveRole(member: MemberDto) {
    const next = draft[member.userId];
    if (!next || next === member.role) return;
    setBusy(member.userId);
    setMessage(undefined);
    try {
      await accessApi.changeRole(teamId, member.userId, next);
      setMessage({ text: `${member.name} is now ${ROLE_LABELS[next].toLowerCase()}.`, tone: "success" });
      setDraft(({ [member.userId]: _, ...rest }) => rest);
      router.refresh();
    } catch (e) {
      setMessage({ text: errorMessage(e), tone: "error" });
    } finally {
      setBusy(null);
    }
  }

  async function remove(c: Confirm) {
    setBusy(c.member.userId);
    setMessage(undefined);
    try {
      await accessApi.removeMember(teamId, c.member.userId);
      setConfirm(null);
      if (c.kind === "leave") {
        router.push("/teams");
        router.refresh();
        return;
      }
      setMessage({ text: `${c.member.name} was removed from the team.`, tone: "success" });
      router.refresh();
    } catch (e) {
      setConfirm(null);
      setMessage({ text: errorMessage(e), tone: "error" });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-3">
      <FormMessage message={message?.text} tone={message?.tone} />
      <ul aria-label="Members" className="divide-y divide-slate-200 dark:divide-slate-800">
        {members.map((m) => {
          const isSelf = m.userId === currentUserId;
          const options = assignableRoles(currentRole, m.role);
          const canRemove = !isSelf && checkRemoval({ actor: currentRole, target: m.role, isSelf, ownerCount }).ok;
          const selected = draft[m.userId] ?? m.role;
          const selectId = `role-${m.userId}`;
          return (
            <li key={m.userId} className="flex flex-wrap items-center gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">
                  {m.name}
                  {isSelf ? (
                    <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">(you)</span>
                  ) : null}
                </p>
                <p className="truncate text-sm text-slate-600 dark:text-slate-400">{m.email}</p>
              </div>
              {options.length > 0 ? (
                <div className="flex items-center gap-2">
                  <label htmlFor={selectId} className="sr-only">
                    Role of {m.name}
                  </label>
                  <select
                    id={selectId}
                    value={selected}
                    onChange={(e) => setDraft((d) => ({ ...d, [m.userId]: e.target.value as TeamRole }))}
                    className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
                  >
                    {options.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  {selected !== m.role ? (
                    <Button
                      size="sm"
                      disabled={busy === m.userId}
                      onClick={() => saveRole(m)}
                      aria-label={`Save role of ${m.name}`}
                    >
                      {busy === m.userId ? "Saving…" : "Save"}
                    </Button>
                  ) : null}
                </div>
              ) : (
                <span className="text-sm text-slate-700 dark:text-slate-300">{ROLE_LABELS[m.role]}</span>
              )}
              {canRemove ? (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setConfirm({ kind: "remove", member: m })}
                  aria-label={`Remove ${m.name}`}
                >
                  Remove
                </Button>
              ) : null}
              {isSelf ? (
                <Button variant="ghost" size="sm" onClick={() => setConfirm({ kind: "leave", member: m })}>
                  Leave team
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Dialog
        open={confirm !== null}
        onClose={() => busy === null && setConfirm(null)}
        size="sm"
        title={confirm?.kind === "leave" ? `Leave ${teamName}?` : `Remove ${confirm?.member.name ?? ""}?`}
        description={
          confirm?.kind === "leave"
            ? "You lose access to its matrices at once. To come back you need a new invitation."
            : `${confirm?.member.name ?? ""} loses access to ${teamName} at once and is signed out of open sessions.`
        }
      >
        <DialogBody>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Matrices and people of the team stay as they are.
          </p>
        </DialogBody>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setConfirm(null)} disabled={busy !== null}>
            Cancel
          </Button>
          <Button variant="danger" disabled={busy !== null} onClick={() => confirm && remove(confirm)}>
            {confirm?.kind === "leave" ? "Leave team" : "Remove member"}
          </Button>
        </DialogFooter>
      </Dialog>
    </div>
  );
}
