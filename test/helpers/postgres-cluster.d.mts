export interface PostgresCluster {
  port: number;
  /** postgres://gateway@127.0.0.1:<port>/<database> (default `postgres`). */
  url(database?: string): string;
  /** Stops the server at once (connections drop as in a crash), keeping its data. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}
export function postgresAvailable(): boolean;
export function startPostgresCluster(options?: { fsync?: boolean }): Promise<PostgresCluster>;
