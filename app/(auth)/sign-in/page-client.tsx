"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInSchema } from "@/lib/auth/schemas";

type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({ destination }: { destination: string }) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result?.ok || result.error) {
        setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.");
        setPending(false);
        return;
      }
      // A full navigation, so every server component renders with the new session.
      window.location.assign(destination);
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-muted">Welcome back. Sign in to manage your gateway.</p>
      <form onSubmit={handleSubmit} noValidate className="mt-6 flex flex-col gap-4">
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Email" name="email" type="email" autoComplete="email" autoFocus required error={fieldErrors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
        <Button type="submit" pending={pending} className="mt-2 w-full">
          Sign in
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-muted">
        No account yet?{" "}
        <Link href="/sign-up" className="font-medium text-primary hover:underline">
          Sign up
        </Link>
      </p>
    </>
  );
}
