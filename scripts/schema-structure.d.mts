export function migrationScripts(directory: string): string[];
export function migrationsReproduceSchema(engine: "sqlite" | "postgresql"): Promise<{ differences: string[]; skipped?: undefined } | { skipped: string; differences?: undefined }>;
