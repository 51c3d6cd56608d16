import "server-only";
import { inflateRawSync } from "node:zlib";

/** Why an archive was refused; the message is written for people. */
export class UnzipError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = "UnzipError";
  }
}

export interface UnzipLimits {
  /** Everything read from the archive, once inflated. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** A readable view of a ZIP archive: entry names, and the bytes of an entry on demand. */
export interface ZipReader {
  names(): string[];
  /** The inflated bytes of `name`, or undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
}

interface CentralEntry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Opens a ZIP archive (an XLSX file) defensively: entries are located through the
 * central directory, only stored and deflated entries are read, encrypted and ZIP64
 * archives are refused, and inflating is capped by native zlib's maxOutputLength so
 * that a zip bomb stops at `maxTotalBytes` instead of filling memory. The size an
 * entry claims is never trusted.
 */
export function openZip(data: Buffer, limits: UnzipLimits): ZipReader {
  const eocd = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new UnzipError("This file uses ZIP64, which a spreadsheet of this size never needs.");
  if (count > limits.maxEntries)
    throw new UnzipError(
      `This file holds ${count} parts; a spreadsheet has far fewer (at most ${limits.maxEntries} are read).`,
      true,
    );
  if (dirOffset + dirSize > data.length)
    throw new UnzipError("This file is damaged (its table of contents is cut off).");

  const entries = new Map<string, CentralEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50)
      throw new UnzipError("This file is damaged (bad table of contents).");
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const compressedSize = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    const name = data.toString(flags & 0x0800 ? "utf8" : "latin1", p + 46, p + 46 + nameLength);
    entries.set(name, { method, flags, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }

  let budget = limits.maxTotalBytes;
  return {
    names: () => [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      if (!e) return undefined;
      if (e.flags & 0x0001)
        throw new UnzipError("This file is password-protected. Save it without a password and try again.");
      const at = e.localOffset;
      if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50)
        throw new UnzipError("This file is damaged (a part is missing).");
      const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
      const end = start + e.compressedSize;
      if (end > data.length) throw new UnzipError("This file is damaged (a part is cut off).");
      const raw = data.subarray(start, end);
      let out: Buffer;
      if (e.method === 0) out = Buffer.from(raw);
      else if (e.method === 8) {
        try {
          out = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
        } catch (err) {
          if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
            throw new UnzipError(
              `This file unpacks to more than ${Math.round(limits.maxTotalBytes / 1_000_000)} MB, more than an import takes.`,
              true,
            );
          }
          throw new UnzipError("This file is damaged (a part cannot be unpacked).");
        }
      } else throw new UnzipError("This file uses a compression method spreadsheets do not use.");
      budget -= out.length;
      if (budget < 0)
        throw new UnzipError(
          `This file unpacks to more than ${Math.round(limits.maxTotalBytes / 1_000_000)} MB, more than an import takes.`,
          true,
        );
      return out;
    },
  };
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const min = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new UnzipError("This is not an Excel (.xlsx) file.");
}
