import "server-only";

const formats = new Map<string, Intl.DateTimeFormat>();
const zones = new Map<string, boolean>();

/** True when `tz` is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(tz: string): boolean {
  let known = zones.get(tz);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      known = true;
    } catch {
      known = false;
    }
    // Bounded: time zones are a few hundred names; junk input is not remembered.
    if (known || zones.size < 1000) zones.set(tz, known);
  }
  return known;
}

/** "20 Nov 2025, 14:03 CET": a date and time for documents, in the reader's time zone. */
export function formatDateTime(date: Date, timeZone = "UTC"): string {
  const tz = isTimeZone(timeZone) ? timeZone : "UTC";
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: tz,
      timeZoneName: "short",
    });
    formats.set(tz, f);
  }
  return f.format(date);
}

/** "2025-11-20" in the given time zone, for file names. */
export function isoDate(date: Date, timeZone = "UTC"): string {
  const tz = isTimeZone(timeZone) ? timeZone : "UTC";
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: tz }).format(
    date,
  );
}
