import "server-only";
import { effectiveRoleKinds, parseRoleKinds } from "@/lib/raci/role-kinds";
import type { RoleKind } from "@/lib/raci/types";

export interface PersonDto {
  id: string;
  name: string;
  roleTitle: string;
  roleKinds: RoleKind[];
  kindsManual: boolean;
  isVacant: boolean;
  codingShare: number | null;
  userId: string | null;
  version: number;
}

export const personSelect = {
  id: true,
  name: true,
  roleTitle: true,
  roleKinds: true,
  kindsManual: true,
  isVacant: true,
  codingShare: true,
  userId: true,
  version: true,
} as const;

export interface PersonRow {
  id: string;
  name: string;
  roleTitle: string;
  roleKinds: string;
  kindsManual: boolean;
  isVacant: boolean;
  codingShare: number | null;
  userId: string | null;
  version: number;
}

/** Maps a stored person to the API shape; role kinds are the effective ones. */
export function reshapePerson(p: PersonRow): PersonDto {
  return {
    id: p.id,
    name: p.name,
    roleTitle: p.roleTitle,
    roleKinds: effectiveRoleKinds({
      roleTitle: p.roleTitle,
      roleKinds: parseRoleKinds(p.roleKinds),
      kindsManual: p.kindsManual,
    }),
    kindsManual: p.kindsManual,
    isVacant: p.isVacant,
    codingShare: p.codingShare,
    userId: p.userId,
    version: p.version,
  };
}
