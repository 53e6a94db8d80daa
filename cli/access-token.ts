// The credential the local proxy sends to the gateway. For a device-flow
// login: a short-lived access token, refreshed REFRESH_MARGIN_MS before it
// expires (by a timer, and before any request that finds it that close) and
// once more whenever the gateway answers 401. For `login --token`: the
// personal key itself. Fresh tokens are written back so `status` reuses them.
import { CliError } from "./errors";
import { OAuthAnswerError, refreshAccessToken } from "./gateway-client";
import { writeCredentials, type Credentials } from "./config";

export const REFRESH_MARGIN_MS = 120_000;

export class SessionEndedError extends CliError {}

export class AccessTokenSource {
  private accessToken: string | null;
  private expiresAt: number;
  private refreshing: Promise<string> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ended: SessionEndedError | null = null;
  /** How many times a new access token was obtained (shown by /_gateway/status). */
  refreshes = 0;

  constructor(private credentials: Credentials) {
    this.accessToken = credentials.kind === "session" ? (credentials.accessToken ?? null) : credentials.key;
    this.expiresAt = credentials.kind === "session" ? (credentials.accessTokenExpiresAt ?? 0) : Number.POSITIVE_INFINITY;
  }

  get gatewayUrl(): string {
    return this.credentials.gatewayUrl;
  }

  get refreshable(): boolean {
    return this.credentials.kind === "session";
  }

  get accessTokenExpiresAt(): number | null {
    return Number.isFinite(this.expiresAt) ? this.expiresAt : null;
  }

  /** A token good for at least the margin, refreshing first when needed. */
  async current(): Promise<string> {
    if (this.ended) throw this.ended;
    if (this.accessToken && this.expiresAt - Date.now() > this.margin()) return this.accessToken;
    return this.refresh();
  }

  /** A new access token now (after a 401, or when the old one nears expiry); concurrent callers share one refresh. */
  refresh(): Promise<string> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.credentials.kind !== "session") return Promise.resolve(this.credentials.key);
    this.refreshing ??= this.doRefresh(this.credentials).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(credentials: Extract<Credentials, { kind: "session" }>): Promise<string> {
    let answer;
    try {
      answer = await refreshAccessToken(credentials.gatewayUrl, credentials.refreshToken);
    } catch (error) {
      if (error instanceof OAuthAnswerError && error.code === "invalid_grant") {
        this.ended = new SessionEndedError(`The gateway refused to refresh this CLI session: ${error.message}`, 3);
        this.stop();
        throw this.ended;
      }
      throw error;
    }
    this.accessToken = answer.access_token;
    this.expiresAt = Date.now() + answer.expires_in * 1000;
    this.lifetimeMs = answer.expires_in * 1000;
    this.refreshes++;
    this.credentials = { ...credentials, refreshToken: answer.refresh_token, accessToken: answer.access_token, accessTokenExpiresAt: this.expiresAt };
    writeCredentials(this.credentials);
    if (this.keepFresh) this.schedule();
    return answer.access_token;
  }

  private keepFresh = false;
  private lifetimeMs: number | null = null;

  /** Refresh in the background REFRESH_MARGIN_MS before each expiry, for as long as `serve` runs. */
  startKeepingFresh(): void {
    if (this.credentials.kind !== "session") return;
    this.keepFresh = true;
    this.schedule();
  }

  private schedule(delayMs = Math.max(0, this.expiresAt - this.margin() - Date.now())): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch((error: Error) => {
        process.stderr.write(`gateway: could not refresh the access token: ${error.message}\n`);
        if (!this.ended && this.keepFresh) this.schedule(5_000);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** 120 s before expiry; half the lifetime for a gateway configured with tokens shorter than that. */
  private margin(): number {
    return this.lifetimeMs === null ? REFRESH_MARGIN_MS : Math.min(REFRESH_MARGIN_MS, this.lifetimeMs / 2);
  }

  stop(): void {
    this.keepFresh = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
