import { memo } from "react";

export interface RemoteSelectionOutlineProps {
  color: string;
  /** "AL" or "AL +2". */
  initials: string;
  /** Everyone on the cell, for the tooltip. */
  names: string;
}

/**
 * Someone else's selection on a grid cell: a 2 px outline in their colour and a small
 * tag with their initials. Render it inside the (relatively or absolutely positioned)
 * cell. Hidden from assistive tech: the presence bar names who is here, and the cell's
 * accessible name stays its content.
 */
export const RemoteSelectionOutline = memo(function RemoteSelectionOutline({
  color,
  initials,
  names,
}: RemoteSelectionOutlineProps) {
  return (
    <span
      aria-hidden="true"
      data-remote-selection={names}
      className="pointer-events-none absolute inset-0 z-[1]"
      style={{ boxShadow: `inset 0 0 0 2px ${color}` }}
    >
      <span
        title={names}
        className="pointer-events-auto absolute top-0 left-0 rounded-br px-1 text-[10px] leading-4 font-semibold text-white"
        style={{ backgroundColor: color }}
      >
        {initials}
      </span>
    </span>
  );
});
