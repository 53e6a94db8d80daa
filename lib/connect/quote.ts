// String literals for generated code. Models and keys are user data: a quote,
// a dollar sign or a newline in them must never break (or inject into) a snippet.

/** A single-quoted POSIX shell word: nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A double-quoted Python string (JSON escapes are valid Python escapes). */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}

/** A double-quoted TypeScript string. */
export function typescriptString(value: string): string {
  return JSON.stringify(value);
}
