/**
 * Bookkeeping for cell writes that are on their way to the server, per matrix.
 *
 * - `pending`: the optimistic letters of cells with writes in flight. A refetch that
 *   lands before those writes are acknowledged is overlaid with them, so an edit never
 *   flickers back to its old value.
 * - `bumps`: base version → version the server gave our own write. Writes are sent one
 *   after the other; a second edit of the same cell, made before the first was answered,
 *   was based on the version the client had, and must go out with the version our own
 *   first write produced, not be refused as stale against ourselves.
 */
import { cellKey, type MatrixModel } from "@/lib/matrix/dto";
import type { Letters } from "@/lib/raci/types";

export class PendingCells {
  private readonly pending = new Map<string, { letters: Letters; count: number }>();
  private readonly bumps = new Map<string, Map<number, number>>();
  private readonly acked = new Map<string, { letters: Letters; version: number }>();

  /** A write of `letters` to the cell has started. */
  begin(key: string, letters: Letters): void {
    const p = this.pending.get(key);
    this.pending.set(key, { letters, count: (p?.count ?? 0) + 1 });
  }

  /** A write to the cell is over; true when no other write of ours is in flight for it. */
  end(key: string): boolean {
    const p = this.pending.get(key);
    if (!p) return true;
    if (p.count <= 1) {
      this.pending.delete(key);
      return true;
    }
    p.count -= 1;
    return false;
  }

  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /** Our write based on `from` was stored as version `to`. */
  recordBump(key: string, from: number, to: number): void {
    let m = this.bumps.get(key);
    if (!m) {
      m = new Map();
      this.bumps.set(key, m);
    }
    m.set(from, to);
  }

  /**
   * The server stored our write as `version`. A refetch whose answer was produced before
   * that (an older version) must not put the old letters back.
   */
  acknowledge(key: string, letters: Letters, version: number): void {
    const prev = this.acked.get(key);
    if (!prev || prev.version < version) this.acked.set(key, { letters, version });
  }

  /**
   * Versions of our acknowledged writes that the cached model does not show yet. An
   * acknowledgement changes no letters, so it is not worth a new model (and a findings
   * run) of its own: these ride along with the next cell patch.
   */
  lateVersions(model: Pick<MatrixModel, "cells">): { key: string; version: number }[] {
    const out: { key: string; version: number }[] = [];
    for (const [key, a] of this.acked) {
      if ((model.cells.get(key)?.version ?? 0) < a.version) out.push({ key, version: a.version });
    }
    return out;
  }

  /** The version to send for a write based on `base`, following our own acknowledged writes. */
  resolveVersion(key: string, base: number): number {
    const m = this.bumps.get(key);
    if (!m) return base;
    let v = base;
    // Bounded: versions only grow, but a malformed answer must not hang the tab.
    for (let i = 0; i < 1000 && m.has(v); i++) {
      const next = m.get(v)!;
      if (next <= v) break;
      v = next;
    }
    return v;
  }

  /**
   * Puts our newer state over a freshly fetched model: acknowledged writes the answer
   * predates, then the letters of writes still in flight.
   */
  overlay(model: MatrixModel): MatrixModel {
    if (this.pending.size === 0 && this.acked.size === 0) return model;
    const cells = new Map(model.cells);
    for (const [key, a] of this.acked) {
      const fetched = cells.get(key);
      if ((fetched?.version ?? 0) < a.version) cells.set(key, { letters: a.letters, version: a.version });
      // The server has caught up: nothing left to protect for this cell.
      else this.acked.delete(key);
    }
    for (const [key, p] of this.pending) {
      const prev = cells.get(key);
      cells.set(key, { letters: p.letters, version: prev?.version ?? 0 });
    }
    return { ...model, cells };
  }
}

const registry = new Map<string, PendingCells>();

/** The bookkeeping of one matrix (shared by every hook of the tab that edits it). */
export function pendingCellsOf(matrixId: string): PendingCells {
  let p = registry.get(matrixId);
  if (!p) {
    p = new PendingCells();
    registry.set(matrixId, p);
  }
  return p;
}

export { cellKey };
