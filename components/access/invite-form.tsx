"use client";
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { isApiError } from "@/lib/query/api-client";
import { ROLE_LABELS } from "@/lib/permissions";
import { createInvitationSchema } from "@/lib/schemas/access";
import type { TeamRole } from "@/lib/schemas/team";
import type { CreatedInvitation } from "@/lib/teams/access-dto";
import { accessApi } from "./access-api";
import { CopyField } from "./copy-field";
import { ROLE_HINTS } from "./role-labels";

const EXPIRY_LABELS: Record<number, string> = { 1: "1 day", 7: "7 days", 30: "30 days" };

/**
 * "Invite people": role, expiry, single or multiple use, optional email. The created
 * link is shown once, here, to copy; only its hash is kept on the server.
 */
export function InviteForm({
  teamId,
  roles,
  isMailConfigured,
}: {
  teamId: string;
  roles: TeamRole[];
  isMailConfigured: boolean;
}) {
  const uid = useId();
  const router = useRouter();
  const [role, setRole] = useState<TeamRole>(roles.includes("member") ? "member" : (roles[0] ?? "viewer"));
  const [expiresInDays, setExpiresInDays] = useState("7");
  const [uses, setUses] = useState<"single" | "multi">("single");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, attempt);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (isBusy) return;
    const parsed = createInvitationSchema.safeParse({
      role,
      expiresInDays: Number(expiresInDays),
      uses,
      ...(email.trim() ? { email } : {}),
    });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
      setErrors(fields);
      setAttempt((n) => n + 1);
      return;
    }
    setIsBusy(true);
    setErrors({});
    setMessage(undefined);
    try {
      const result = await accessApi.createInvitation(teamId, parsed.data);
      setCreated(result);
      setEmail("");
      router.refresh();
    } catch (err) {
      setErrors((isApiError(err) && err.fields) || {});
      setMessage(isApiError(err) ? err.message : "Something went wrong. No invitation was created.");
      setAttempt((n) => n + 1);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
        <Select
          id={`${uid}-role`}
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as TeamRole)}
          hint={ROLE_HINTS[role]}
          error={errors.role}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        <Select
          id={`${uid}-expiry`}
          label="Link works for"
          value={expiresInDays}
          onChange={(e) => setExpiresInDays(e.target.value)}
          error={errors.expiresInDays}
        >
          {[1, 7, 30].map((d) => (
            <option key={d} value={String(d)}>
              {EXPIRY_LABELS[d]}
            </option>
          ))}
        </Select>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Uses</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <label className="inline-flex items-center gap-2">
              <input
                type="radio"
                name={`${uid}-uses`}
                value="single"
                checked={uses === "single"}
                onChange={() => setUses("single")}
                className="size-4 accent-accent-600"
              />
              One person (single use)
            </label>
            <label className="inline-flex items-center gap-2">
              <input
                type="radio"
                name={`${uid}-uses`}
                value="multi"
                checked={uses === "multi"}
                onChange={() => setUses("multi")}
                className="size-4 accent-accent-600"
              />
              Anyone with the link until it expires
            </label>
          </div>
        </fieldset>
        <Field
          id={`${uid}-email`}
          type="email"
          label="Email address (optional)"
          className="sm:col-span-2"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="off"
          error={errors.email}
          hint={
            isMailConfigured
              ? "We email the link to this address; only this address can accept it."
              : "Email is not set up on this server: copy the link and send it yourself. Only this address can accept it."
          }
        />
        <div className="sm:col-span-2">
          <FormMessage message={message} />
          <Button type="submit" disabled={isBusy} className="mt-1">
            {isBusy ? "Creating…" : "Create invitation link"}
          </Button>
        </div>
      </form>
      {created ? <CreatedLink created={created} /> : null}
    </div>
  );
}

function CreatedLink({ created }: { created: CreatedInvitation }) {
  const uid = useId();
  // The browser knows the address people reach this server at, even behind a proxy.
  const url = `${window.location.origin}${created.path}`;
  const email = created.invitation.email;
  const note =
    created.emailSent === true
      ? `We emailed the link to ${email}. You can also copy it now; it is shown only once.`
      : created.emailSent === false && created.emailConfigured
        ? `The email to ${email} could not be sent. Copy the link and send it yourself; it is shown only once.`
        : "Copy the link and send it to the person you invite: it is shown only once.";
  return (
    <div
      role="status"
      className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
        Invitation created: {ROLE_LABELS[created.invitation.role].toLowerCase()},{" "}
        {created.invitation.maxUses === 1 ? "single use" : "multiple use"}.
      </p>
      <p className="text-sm text-emerald-900 dark:text-emerald-200">{note}</p>
      <CopyField id={`${uid}-link`} label="Invitation link" value={url} />
    </div>
  );
}
