"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { MINIMUM_PASSWORD_LENGTH, signUpSchema } from "@/lib/auth/schemas";

type Field = "name" | "email" | "password" | "organization";
type FieldErrors = Partial<Record<Field, string>>;
type SignUpErrorAnswer = { error?: { code?: string; message?: string; issues?: { path: string[]; message: string }[] } };

export function SignUpForm() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ message: string; offerSignIn: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password"), organization: form.get("organization") });
    if (!parsed.success) {
      setFieldErrors(firstErrorPerField(parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }))));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const response = await fetch("/api/auth/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (!response.ok) {
        const answer = (await response.json().catch(() => ({}))) as SignUpErrorAnswer;
        if (answer.error?.issues) setFieldErrors(firstErrorPerField(answer.error.issues));
        setFormError({ message: answer.error?.message ?? "Could not create the account. Try again.", offerSignIn: response.status === 409 });
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      window.location.assign(signedIn?.ok ? "/" : "/sign-in");
    } catch {
      setFormError({ message: "Could not reach the server. Check your connection and try again.", offerSignIn: false });
      setPending(false);
    }
  }

  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 text-sm text-muted">Set up a gateway for your team in a minute.</p>
      <form onSubmit={handleSubmit} noValidate className="mt-6 flex flex-col gap-4">
        {formError && (
          <Alert>
            {formError.message}
            {formError.offerSignIn && (
              <>
                {" "}
                <Link href="/sign-in" className="font-medium underline">
                  Sign in instead
                </Link>
              </>
            )}
          </Alert>
        )}
        <TextField label="Name" name="name" autoComplete="name" autoFocus required error={fieldErrors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
        <TextField
          label="Organization"
          name="organization"
          autoComplete="organization"
          hint="Optional: your team or company. Left empty, it is named after you; you can rename it in Settings."
          error={fieldErrors.organization}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MINIMUM_PASSWORD_LENGTH}
          hint={`At least ${MINIMUM_PASSWORD_LENGTH} characters.`}
          error={fieldErrors.password}
        />
        <Button type="submit" pending={pending} className="mt-2 w-full">
          Sign up
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-primary hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}

function firstErrorPerField(issues: { path: string[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0] as Field | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
