import { z } from "zod";
import { isCanonicalLetters, normalizeLetters } from "@/lib/raci/letters";
import { raciSettingsSchema } from "@/lib/raci/settings";

const id = z.string().min(1).max(64);
const version = z.number().int().min(0);

export const domainSchema = z.enum(["SYSTEM", "PEOPLE", "SHARED"]);
export const roleKindSchema = z.enum(["TECH_LEAD", "ENGINEERING_MANAGER"]);

/** Letters as sent by a client: any case and order, normalised to canonical R/A/C/I. */
export const lettersSchema = z
  .string()
  .max(8)
  .transform((s) => s.replace(/[\s/]/g, "").toUpperCase())
  .refine((s) => /^[RACI]*$/.test(s), "Letters must be among R, A, C and I.")
  .transform((s) => normalizeLetters(s))
  .refine(isCanonicalLetters);

export const matrixNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Use at most 120 characters.");

export const createMatrixSchema = z
  .object({
    name: matrixNameSchema,
    description: z.string().trim().max(2000).optional(),
    template: z.string().max(64).optional(),
  })
  .strict();

export const updateMatrixSchema = z
  .object({
    name: matrixNameSchema.optional(),
    description: z.string().trim().max(2000).optional(),
    settings: raciSettingsSchema.optional(),
    version,
  })
  .strict();

export const cellWriteSchema = z
  .object({ responsibilityId: id, personId: id, letters: lettersSchema, version })
  .strict();

/** PUT /cells: one cell, or several applied together (a fix, a rectangle). */
export const putCellsSchema = z.union([
  cellWriteSchema,
  z
    .object({
      cells: z.array(cellWriteSchema).min(1).max(5000),
      /** "fix": the write applies a finding's one-click fix (history shows it so). */
      origin: z.enum(["edit", "fix"]).optional(),
    })
    .strict(),
]);

const rowFields = {
  title: z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters."),
  description: z.string().trim().max(2000, "Use at most 2000 characters."),
  category: z.string().trim().max(80, "Use at most 80 characters."),
  domain: domainSchema.nullable(),
};

export const createRowSchema = z
  .object({
    title: rowFields.title,
    description: rowFields.description.optional(),
    category: rowFields.category.optional(),
    domain: rowFields.domain.optional(),
    /** Insert after this row; null or absent = at the end. */
    afterId: id.nullable().optional(),
  })
  .strict();

export const updateRowSchema = z
  .object({
    title: rowFields.title.optional(),
    description: rowFields.description.optional(),
    category: rowFields.category.optional(),
    domain: rowFields.domain.optional(),
    /** Move after this row; null = to the top. */
    afterId: id.nullable().optional(),
    version,
  })
  .strict();

const personFields = {
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  roleTitle: z.string().trim().max(120, "Use at most 120 characters."),
  roleKinds: z.array(roleKindSchema).max(2),
  kindsManual: z.boolean(),
  isVacant: z.boolean(),
  codingShare: z.number().int().min(0, "Between 0 and 100.").max(100, "Between 0 and 100.").nullable(),
  userId: id.nullable(),
};

export const createPersonSchema = z
  .object({
    name: personFields.name,
    roleTitle: personFields.roleTitle.optional(),
    roleKinds: personFields.roleKinds.optional(),
    kindsManual: personFields.kindsManual.optional(),
    isVacant: personFields.isVacant.optional(),
    codingShare: personFields.codingShare.optional(),
    userId: personFields.userId.optional(),
  })
  .strict();

export const updatePersonSchema = z
  .object({
    name: personFields.name.optional(),
    roleTitle: personFields.roleTitle.optional(),
    roleKinds: personFields.roleKinds.optional(),
    kindsManual: personFields.kindsManual.optional(),
    isVacant: personFields.isVacant.optional(),
    codingShare: personFields.codingShare.optional(),
    userId: personFields.userId.optional(),
    version,
  })
  .strict();

export const addColumnSchema = z
  .object({
    /** An existing person of the team, or a new one. */
    personId: id.optional(),
    person: createPersonSchema.optional(),
    afterId: id.nullable().optional(),
  })
  .strict()
  .refine((v) => Boolean(v.personId) !== Boolean(v.person), {
    message: "Give either personId or person.",
    path: ["personId"],
  });

export const moveColumnSchema = z.object({ afterId: id.nullable(), version }).strict();

export type CreateMatrixInput = z.infer<typeof createMatrixSchema>;
export type UpdateMatrixInput = z.infer<typeof updateMatrixSchema>;
export type CellWrite = z.infer<typeof cellWriteSchema>;
export type PutCellsInput = z.infer<typeof putCellsSchema>;
export type CreateRowInput = z.infer<typeof createRowSchema>;
export type UpdateRowInput = z.infer<typeof updateRowSchema>;
export type CreatePersonInput = z.infer<typeof createPersonSchema>;
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;
export type AddColumnInput = z.infer<typeof addColumnSchema>;
export type MoveColumnInput = z.infer<typeof moveColumnSchema>;
