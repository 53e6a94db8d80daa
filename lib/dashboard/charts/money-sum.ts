// Adding USD amounts from the API without binary-float drift: each amount is
// turned into integer micro-USD, summed exactly, and converted back once.
import { microsToUsd, usdToMicros } from "@/lib/money";

export function sumUsd(amounts: Iterable<number>): number {
  let micros = 0n;
  for (const amount of amounts) micros += usdToMicros(amount);
  return microsToUsd(micros);
}
