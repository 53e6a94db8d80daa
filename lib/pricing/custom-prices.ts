// Finding a provider's own price for a model. Custom prices win over the
// catalog; a price set for "gpt-4o" also covers "gpt-4o-2024-08-06", because
// providers answer with dated or versioned ids of the model the admin priced.
import type { CustomPrice } from "./model-rates";

// Suffixes that name a snapshot of the same model rather than another model:
// -20240620, -2024-08-06, @20240620 (Vertex), -v1:0 / :0 (Bedrock), -latest, -001 (Gemini).
const VERSION_SUFFIXES = [
  /-\d{8}$/,
  /-\d{4}-\d{2}-\d{2}$/,
  /@[\w.-]+$/,
  /-v\d+:\d+$/,
  /:\d+$/,
  /-latest$/,
  /-\d{3}$/,
];

/** The model id with snapshot/version suffixes removed ("claude-3-5-sonnet-20240620-v1:0" → "claude-3-5-sonnet"). */
export function modelBaseName(model: string): string {
  let current = model.trim().toLowerCase();
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of VERSION_SUFFIXES) {
      const stripped = current.replace(suffix, "");
      if (stripped !== current && stripped.length > 0) {
        current = stripped;
        changed = true;
      }
    }
  }
  return current;
}

interface PriceIndex {
  exact: Map<string, CustomPrice>;
  lowercase: Map<string, CustomPrice>;
  base: Map<string, CustomPrice>;
  found: Map<string, CustomPrice | null>;
}

// Keyed by the array itself: the caller keeps one array per provider in its
// config cache, so an index is built once per configuration change.
const indexes = new WeakMap<readonly CustomPrice[], PriceIndex>();
const MAX_REMEMBERED_MODELS = 2_000;

function indexFor(prices: readonly CustomPrice[]): PriceIndex {
  let index = indexes.get(prices);
  if (index) return index;
  index = { exact: new Map(), lowercase: new Map(), base: new Map(), found: new Map() };
  for (const price of prices) {
    if (!index.exact.has(price.model)) index.exact.set(price.model, price);
    const lowercase = price.model.trim().toLowerCase();
    if (!index.lowercase.has(lowercase)) index.lowercase.set(lowercase, price);
  }
  // Base names only after every exact name, so "gpt-4o" priced on its own wins over "gpt-4o-2024-08-06"'s base.
  for (const price of prices) {
    const base = modelBaseName(price.model);
    if (!index.base.has(base)) index.base.set(base, index.lowercase.get(base) ?? price);
  }
  indexes.set(prices, index);
  return index;
}

/** The custom price that applies to `model`: exact id, then case-insensitive, then ignoring version suffixes. */
export function findCustomPrice(prices: readonly CustomPrice[] | undefined, model: string): CustomPrice | null {
  if (!prices || prices.length === 0) return null;
  const index = indexFor(prices);
  const remembered = index.found.get(model);
  if (remembered !== undefined) return remembered;
  const lowercase = model.trim().toLowerCase();
  const base = modelBaseName(model);
  const match = index.exact.get(model) ?? index.lowercase.get(lowercase) ?? index.lowercase.get(base) ?? index.base.get(base) ?? null;
  // Model names come from clients, so the memo is bounded.
  if (index.found.size >= MAX_REMEMBERED_MODELS) index.found.clear();
  index.found.set(model, match);
  return match;
}
