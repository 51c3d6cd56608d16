/**
 * Ordering by fractional positions: moving or inserting one row writes one row. When
 * neighbours get too close (after ~40 moves into the same gap) the caller renumbers.
 */
export const POSITION_STEP = 1024;
const MIN_GAP = 1e-9;

/**
 * The position for an item placed after `afterId` (null = first, undefined = last) in
 * `ordered` (ascending by position, the moved item excluded). `renumber` is set when
 * the gap is too small and every position should be rewritten as index × STEP first.
 */
export function positionAfter(
  ordered: readonly { id: string; position: number }[],
  afterId: string | null | undefined,
): { position: number; renumber: boolean } {
  if (ordered.length === 0) return { position: POSITION_STEP, renumber: false };
  if (afterId === undefined) return { position: (ordered.at(-1)?.position ?? 0) + POSITION_STEP, renumber: false };
  const index = afterId === null ? -1 : ordered.findIndex((r) => r.id === afterId);
  if (afterId !== null && index === -1)
    return { position: (ordered.at(-1)?.position ?? 0) + POSITION_STEP, renumber: false };
  const before = index === -1 ? undefined : ordered[index];
  const after = ordered[index + 1];
  if (!after) return { position: (before?.position ?? 0) + POSITION_STEP, renumber: false };
  const low = before ? before.position : after.position - 2 * POSITION_STEP;
  const position = (low + after.position) / 2;
  return { position, renumber: after.position - low < MIN_GAP * 2 };
}

/** Evenly spaced positions for n items. */
export function spacedPositions(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i + 1) * POSITION_STEP);
}

/**
 * The position for an item placed after `afterId`; when the gap is used up, every item
 * is first renumbered through `write` (index × STEP), in order.
 */
export async function placeAfter(
  ordered: readonly { id: string; position: number }[],
  afterId: string | null | undefined,
  write: (id: string, position: number) => Promise<unknown>,
): Promise<number> {
  const { position, renumber } = positionAfter(ordered, afterId);
  if (!renumber) return position;
  const spaced = spacedPositions(ordered.length);
  const renumbered = ordered.map((item, i) => ({ id: item.id, position: spaced[i] ?? i }));
  for (const item of renumbered) await write(item.id, item.position);
  return positionAfter(renumbered, afterId).position;
}
