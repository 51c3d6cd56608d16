"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";

// The dialog (link state, copy field, access API) loads when someone points at or
// focuses the button, or at the latest when it is pressed; it mounts open, takes focus
// and gives it back to the button on closing.
const loadDialog = () => import("./share-link-dialog");
const ShareLinkDialog = dynamic(() => import("./share-link-dialog").then((m) => m.ShareLinkDialog), { ssr: false });

/** "Share": opens the matrix's read-only link dialog (managers and owners). */
export function ShareLinkButton({ matrixId }: { matrixId: string }) {
  const [open, setOpen] = useState(false);
  const preload = () => void loadDialog();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} onPointerEnter={preload} onFocus={preload}>
        Share
      </Button>
      {open ? <ShareLinkDialog matrixId={matrixId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
