"use client";
// Add funds to the balance (a credit in the ledger).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatMoney } from "@/components/format/money";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/dashboard/api-fetch";
import { parseUsdAmount } from "@/lib/dashboard/charts/limit-usage";
import { balanceQueryKey, type Balance } from "./balance-types";

export function AddCreditsForm({ organizationSlug }: { organizationSlug: string }) {
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();

  const addCredits = useMutation({
    mutationFn: (input: { amountUsd: number; note?: string }) => apiFetch<Balance>(organizationSlug, "balance/credits", { body: input }),
    onSuccess: (answer, input) => {
      toast.success(`Added ${formatMoney(input.amountUsd)}; the balance is now ${formatMoney(answer.balanceUsd)}`);
      setAmount("");
      setNote("");
      // The balance and its ledger share the key prefix: both refresh.
      void queryClient.invalidateQueries({ queryKey: balanceQueryKey(organizationSlug) });
    },
    onError: (failure) => toast.error(failure.message),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseUsdAmount(amount);
    if ("error" in parsed) return setError(parsed.error);
    setError(undefined);
    addCredits.mutate({ amountUsd: parsed.value, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <h3 className="text-sm font-medium">Add credits</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Amount (USD)"
          inputMode="decimal"
          autoComplete="off"
          placeholder="50.00"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={error}
        />
        <TextField label="Note" autoComplete="off" placeholder="Optional" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <Button type="submit" pending={addCredits.isPending}>
        Add credits
      </Button>
    </form>
  );
}
