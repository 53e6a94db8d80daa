"use client";
// Auto-recharge: when the balance falls below the threshold, top it up to the target.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { parseUsdAmount } from "@/lib/dashboard/charts/limit-usage";
import { balanceQueryKey, type Balance } from "./balance-types";

type Settings = Balance["autoRecharge"];

export function AutoRechargeForm({ organizationSlug, saved }: { organizationSlug: string; saved: Settings }) {
  const queryClient = useQueryClient();
  const checkboxId = useId();
  const [enabled, setEnabled] = useState(saved.enabled);
  const [threshold, setThreshold] = useState(saved.enabled || saved.thresholdUsd > 0 ? String(saved.thresholdUsd) : "");
  const [target, setTarget] = useState(saved.enabled || saved.targetUsd > 0 ? String(saved.targetUsd) : "");
  const [errors, setErrors] = useState<{ threshold?: string; target?: string }>({});

  const save = useMutation({
    mutationFn: (autoRecharge: Settings) => apiFetch<Balance>(organizationSlug, "balance", { method: "PATCH", body: { autoRecharge } }),
    onSuccess: (answer) => {
      toast.success(answer.autoRecharge.enabled ? "Auto-recharge is on" : "Auto-recharge is off");
      void queryClient.invalidateQueries({ queryKey: balanceQueryKey(organizationSlug) });
    },
    onError: (failure) => toast.error(failure.message),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!enabled) {
      setErrors({});
      return save.mutate({ enabled: false, thresholdUsd: saved.thresholdUsd, targetUsd: saved.targetUsd });
    }
    const thresholdUsd = parseUsdAmount(threshold, { allowZero: true });
    const targetUsd = parseUsdAmount(target);
    const next = {
      threshold: "error" in thresholdUsd ? thresholdUsd.error : undefined,
      target: "error" in targetUsd ? targetUsd.error : undefined,
    };
    if (!next.threshold && !next.target && "value" in thresholdUsd && "value" in targetUsd && targetUsd.value <= thresholdUsd.value) {
      next.target = "Must be more than the threshold";
    }
    setErrors(next);
    if (next.threshold || next.target || !("value" in thresholdUsd) || !("value" in targetUsd)) return;
    save.mutate({ enabled: true, thresholdUsd: thresholdUsd.value, targetUsd: targetUsd.value });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
          className="mt-0.5 size-4 rounded border-border-strong accent-[var(--primary)]"
        />
        <div>
          <label htmlFor={checkboxId} className="text-sm font-medium">
            Auto-recharge
          </label>
          <p className="text-xs text-muted">When the balance falls below the threshold, top it up to the target.</p>
        </div>
      </div>
      {enabled && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Threshold (USD)"
            inputMode="decimal"
            autoComplete="off"
            placeholder="10.00"
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            error={errors.threshold}
          />
          <TextField
            label="Target (USD)"
            inputMode="decimal"
            autoComplete="off"
            placeholder="50.00"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            error={errors.target}
          />
        </div>
      )}
      <Button type="submit" variant="secondary" pending={save.isPending} disabled={enabled === saved.enabled && !enabled}>
        Save auto-recharge
      </Button>
    </form>
  );
}
