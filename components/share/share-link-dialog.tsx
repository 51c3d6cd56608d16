"use client";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { CopyField } from "@/components/access/copy-field";
import { accessApi } from "@/components/access/access-api";
import { errorMessage } from "@/lib/query/api-client";
import type { ShareLinkDto } from "@/lib/teams/access-dto";

type Status = { kind: "loading" } | { kind: "ready"; link: ShareLinkDto | null };

/**
 * The matrix's read-only link for people without an account (managers and owners). Off
 * by default; on, it can be copied again, regenerated or turned off. Mounted open by
 * ShareLinkButton, which loads this module on demand.
 */
export function ShareLinkDialog({ matrixId, onClose }: { matrixId: string; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title="Read-only link"
      description="Anyone with the link sees this matrix and its findings, without an account. Nothing else of the team is shown."
    >
      <ShareLinkBody matrixId={matrixId} onClose={onClose} />
    </Dialog>
  );
}

function ShareLinkBody({ matrixId, onClose }: { matrixId: string; onClose: () => void }) {
  const uid = useId();
  const [status, setStatus] = useState<Status>({ kind: "loading" });
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();

  useEffect(() => {
    let live = true;
    accessApi.getShareLink(matrixId).then(
      ({ shareLink }) => live && setStatus({ kind: "ready", link: shareLink }),
      (e: unknown) => {
        if (!live) return;
        setStatus({ kind: "ready", link: null });
        setMessage({ text: errorMessage(e), tone: "error" });
      },
    );
    return () => {
      live = false;
    };
  }, [matrixId]);

  async function run(op: () => Promise<{ shareLink: ShareLinkDto | null }>, done: string) {
    setIsBusy(true);
    setMessage(undefined);
    try {
      const { shareLink } = await op();
      setStatus({ kind: "ready", link: shareLink });
      setMessage({ text: done, tone: "success" });
    } catch (e) {
      setMessage({ text: errorMessage(e), tone: "error" });
    } finally {
      setIsBusy(false);
    }
  }

  const link = status.kind === "ready" ? status.link : null;
  return (
    <>
      <DialogBody>
        {status.kind === "loading" ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
        ) : link ? (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              <strong className="font-semibold">Sharing is on.</strong> Regenerating makes the current link stop
              working.
            </p>
            <CopyField id={`${uid}-link`} label="Read-only link" value={`${window.location.origin}${link.path}`} />
          </>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <strong className="font-semibold">Sharing is off.</strong> Turn it on to get a link you can send to people
            outside the team.
          </p>
        )}
        <FormMessage message={message?.text} tone={message?.tone} />
      </DialogBody>
      <DialogFooter>
        {link ? (
          <>
            <Button
              variant="secondary"
              disabled={isBusy}
              onClick={() =>
                run(() => accessApi.disableShareLink(matrixId), "Sharing is off: the link no longer works.")
              }
            >
              Turn off
            </Button>
            <Button
              variant="secondary"
              disabled={isBusy}
              onClick={() =>
                run(() => accessApi.enableShareLink(matrixId, true), "New link created: the old one no longer works.")
              }
            >
              Regenerate link
            </Button>
          </>
        ) : (
          <Button
            disabled={isBusy || status.kind === "loading"}
            onClick={() => run(() => accessApi.enableShareLink(matrixId), "Sharing is on.")}
          >
            Turn on read-only link
          </Button>
        )}
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </DialogFooter>
    </>
  );
}
