// Zod schemas for the sign-in and sign-up forms. No server imports here: the
// browser forms validate with the same rules the API enforces.
import { z } from "zod";

export const MINIMUM_PASSWORD_LENGTH = 8;
// Argon2 accepts any length; the cap only stops someone posting megabytes.
export const MAXIMUM_PASSWORD_LENGTH = 256;

/** Emails are compared lower-cased and trimmed everywhere. */
export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .email("Enter a valid email address");

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(MINIMUM_PASSWORD_LENGTH, `Password must be at least ${MINIMUM_PASSWORD_LENGTH} characters`)
  .max(MAXIMUM_PASSWORD_LENGTH, `Password must be at most ${MAXIMUM_PASSWORD_LENGTH} characters`);

export const nameSchema = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(100, "Name must be at most 100 characters");

export const organizationNameSchema = z.string().trim().min(1, "Enter a name for the organization").max(100, "The organization name can be at most 100 characters");

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
  // Optional: left empty, the organization is named after its first user (and can be renamed in Settings).
  organization: z.preprocess((value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value), organizationNameSchema.optional()),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

// Sign-in only checks shape: length rules would tell an attacker about the policy for nothing.
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(MAXIMUM_PASSWORD_LENGTH),
});
export type SignInInput = z.infer<typeof signInSchema>;
