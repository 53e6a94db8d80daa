"use client";
// Edit one member's daily, weekly and monthly limits. Empty means no limit.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { parseLimitInput } from "@/lib/dashboard/charts/limit-usage";
import type { MemberResponse } from "@/lib/members/schemas";
import { LIMIT_WINDOWS, type LimitWindow as WindowKey } from "./limit-windows";

type Limits = Record<WindowKey, number | null>;

interface MemberLimitsFormProps {
  organizationSlug: string;
  member: MemberResponse;
  onDone: () => void;
}

export function MemberLimitsForm({ organizationSlug, member, onDone }: MemberLimitsFormProps) {
  const queryClient = useQueryClient();
  const firstField = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Record<WindowKey, string>>(() => ({
    daily: member.limits.daily?.toString() ?? "",
    weekly: member.limits.weekly?.toString() ?? "",
    monthly: member.limits.monthly?.toString() ?? "",
  }));
  const [errors, setErrors] = useState<Partial<Record<WindowKey, string>>>({});

  useEffect(() => firstField.current?.querySelector("input")?.focus(), []);

  const save = useMutation({
    mutationFn: (limits: Limits) => apiFetch<MemberResponse>(organizationSlug, `members/${member.id}`, { method: "PATCH", body: { limits } }),
    onSuccess: () => {
      toast.success(`Limits saved for ${member.email}`);
      void queryClient.invalidateQueries({ queryKey: ["members", organizationSlug] });
      onDone();
    },
    onError: (error) => toast.error(error.message),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const limits: Partial<Limits> = {};
    const nextErrors: Partial<Record<WindowKey, string>> = {};
    for (const { key } of LIMIT_WINDOWS) {
      const parsed = parseLimitInput(values[key]);
      if ("error" in parsed) nextErrors[key] = parsed.error;
      else limits[key] = parsed.value;
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    save.mutate(limits as Limits);
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => event.key === "Escape" && !save.isPending && onDone()}
      noValidate
      aria-label={`Limits of ${member.email}`}
      className="space-y-4"
    >
      <div ref={firstField} className="grid gap-4 sm:grid-cols-3">
        {LIMIT_WINDOWS.map(({ key, label }) => (
          <TextField
            key={key}
            label={`${label} limit`}
            inputMode="decimal"
            autoComplete="off"
            placeholder="No limit"
            value={values[key]}
            onChange={(event) => setValues({ ...values, [key]: event.target.value })}
            error={errors[key]}
            hint="USD; leave empty for no limit"
          />
        ))}
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" pending={save.isPending}>
          Save limits
        </Button>
        <Button variant="ghost" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
