/**
 * Public API of the pure RACI domain. `bench-findings.ts` is deliberately not exported:
 * it exists for the benchmark and would only add weight to app bundles.
 */
export type {
  CellPatch,
  Domain,
  Finding,
  FindingCode,
  Fix,
  Letter,
  Letters,
  RaciColumn,
  RaciMatrix,
  RaciRow,
  RaciSettings,
  RoleKind,
  Severity,
} from "./types";
export * from "./letters";
export * from "./role-kinds";
// The catalog and defaults; the settings schema (zod) is imported from
// "@/lib/raci/settings" by the code that validates, so the browser bundle of every
// page that shows findings does not carry zod.
export * from "./rules";
export type { RaciSettingsInput, ReadSettingsResult } from "./settings";
export * from "./findings";
export * from "./templates";
export * from "./view";
