/** What a failed Bot Connector call tells: its HTTP status (if any) and a Retry-After. */
export interface ConnectorFailure {
  status: number | null;
  /** From Retry-After (seconds or an HTTP date), when the answer had one. */
  retryAfterMs: number | null;
  /** A network error code (ECONNREFUSED, ETIMEDOUT…) when no answer came. */
  code: string | null;
}

/** Reads the failure out of what botbuilder's connector client threw (an Azure RestError). */
export function connectorFailure(error: unknown): ConnectorFailure {
  const e = error as {
    statusCode?: number;
    status?: number;
    code?: string;
    response?: { status?: number; headers?: unknown };
  };
  const status = e?.statusCode ?? e?.response?.status ?? e?.status ?? null;
  const header = headerOf(e?.response?.headers, 'retry-after');
  return {
    status: typeof status === 'number' ? status : null,
    retryAfterMs: parseRetryAfter(header),
    code: typeof e?.code === 'string' ? e.code : null,
  };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  const withGet = headers as { get?: (n: string) => unknown };
  if (typeof withGet.get === 'function') {
    const value = withGet.get(name);
    return typeof value === 'string' ? value : null;
  }
  const plain = headers as Record<string, unknown>;
  const value = plain[name] ?? plain[name.toLowerCase()];
  return typeof value === 'string' ? value : null;
}

export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Connection errors that mean the request never reached the service. */
export const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
