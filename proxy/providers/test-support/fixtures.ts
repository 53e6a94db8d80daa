// A provider's recorded fixtures (`<provider>/fixtures/<name>`), read by its tests.
import { readFileSync } from "node:fs";
import path from "node:path";

/** `directory` is the provider folder: pass the test's import.meta.dirname. */
export function readFixtureBytes(directory: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(directory, "fixtures", name)));
}

export function readFixtureJson<T = unknown>(directory: string, name: string): T {
  return JSON.parse(readFileSync(path.join(directory, "fixtures", name), "utf8")) as T;
}
