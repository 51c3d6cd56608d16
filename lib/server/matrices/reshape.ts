import "server-only";
import type { Domain } from "@/lib/raci/types";
import type { RowDto } from "@/lib/matrix/dto";

const DOMAINS = new Set<string>(["SYSTEM", "PEOPLE", "SHARED"]);

export function domainOrNull(value: string | null): Domain | null {
  return value && DOMAINS.has(value) ? (value as Domain) : null;
}

export const rowSelect = {
  id: true,
  title: true,
  description: true,
  category: true,
  domain: true,
  version: true,
} as const;

export function reshapeRow(r: {
  id: string;
  title: string;
  description: string;
  category: string;
  domain: string | null;
  version: number;
}): RowDto {
  return { ...r, domain: domainOrNull(r.domain) };
}
