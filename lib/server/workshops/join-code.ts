import "server-only";
import { randomInt } from "node:crypto";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/schemas/workshop";

/**
 * A fresh join code: six characters from an alphabet without look-alikes (about 244
 * million codes). Uniqueness is the database's job (Workshop.joinCode is unique); the
 * caller retries on a clash.
 */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
