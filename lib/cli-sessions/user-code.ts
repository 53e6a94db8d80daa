// User codes a person reads off a terminal and types on /device: eight
// letters from RFC 8628 §6.1's consonant alphabet (no vowels, so no words;
// no look-alikes), shown as XXXX-XXXX, typed in any case with or without dash.
import { randomInt } from "node:crypto";

const ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
const LENGTH = 8;

export function newUserCode(): string {
  let code = "";
  for (let index = 0; index < LENGTH; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The stored form of what someone typed, or null when it cannot be a user code. */
export function normalizeUserCode(typed: string): string | null {
  const letters = typed.toUpperCase().replace(/[^A-Z]/g, "");
  if (letters.length !== LENGTH || [...letters].some((letter) => !ALPHABET.includes(letter))) return null;
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}
