"use client";
import { useEffect, useState } from "react";

export type Hover = { r: number } | { c: number } | null;

/**
 * Highlights the hovered column (from its header) or row (from its row header) with one
 * generated CSS rule, instead of re-rendering cells: hovering costs one tiny <style>
 * update whatever the grid size. The background-image overlay keeps each cell's own
 * background (letter tint, selection) visible underneath.
 */
export function HoverStyle({
  gridId,
  setterRef,
}: {
  gridId: string;
  setterRef: React.RefObject<((h: Hover) => void) | null>;
}) {
  const [hover, setHover] = useState<Hover>(null);
  useEffect(() => {
    setterRef.current = (h) =>
      setHover((prev) => {
        if (prev === h) return prev;
        if (prev && h && "r" in prev && "r" in h && prev.r === h.r) return prev;
        if (prev && h && "c" in prev && "c" in h && prev.c === h.c) return prev;
        return h;
      });
    return () => {
      setterRef.current = null;
    };
  }, [setterRef]);
  if (!hover) return null;
  const scope = `[data-grid="${gridId}"]`;
  const overlay = "background-image: linear-gradient(var(--grid-hover), var(--grid-hover));";
  const rule =
    "c" in hover
      ? `${scope} [data-c="${hover.c}"]:is([data-kind="cell"],[data-kind="colheader"]) { ${overlay} }`
      : `${scope} [data-r="${hover.r}"]:is([data-kind="cell"],[data-kind="rowheader"]) { ${overlay} }`;
  return (
    <style>{`${scope} { --grid-hover: rgb(79 70 229 / 0.09); } @media (prefers-color-scheme: dark) { ${scope} { --grid-hover: rgb(165 180 252 / 0.12); } } ${rule}`}</style>
  );
}
