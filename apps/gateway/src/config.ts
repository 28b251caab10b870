import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

const int = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Gateway settings from the environment, validated once at start (a bad value stops the process with a clear message). */
export class GatewayConfig {
  @Transform(int) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsString() @Matches(/^[a-z0-9-]{1,40}$/) REGION = 'local';
  @IsOptional() @IsString() @MinLength(16) INFLUGENTIC_ADMIN_TOKEN?: string;
  @IsOptional() @Matches(/^ig_(live|test)_[A-Za-z0-9]{16,}$/) INFLUGENTIC_BOOTSTRAP_API_KEY?: string;
  @Transform(int) @IsInt() @Min(1024) BODY_LIMIT_BYTES = 1_048_576;
  @Transform(int) @IsInt() @Min(100) RPC_TIMEOUT_MS = 5000;
  @Transform(int) @IsInt() @Min(0) KEY_CACHE_MS = 10_000;
  @IsString() DATA_DIR = '.data';
  @Transform(({ value }) => value === true || value === 'true') @IsBoolean() TRUST_PROXY = false;
  /** How often the batched `last_used_at` of API keys is written. */
  @Transform(int) @IsInt() @Min(100) @Max(60_000) KEY_USAGE_FLUSH_MS = 30_000;
  /** Requests with an unknown or revoked key allowed per client address and minute before 429. */
  @Transform(int) @IsInt() @Min(1) AUTH_FAILURE_LIMIT = 60;
  /** Prefix of the per-address limiter buckets; every gateway of one installation uses the same (default: none). */
  @IsString() @MaxLength(64) RATE_LIMIT_NAMESPACE = '';
  /** When set, `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string = undefined;
  /** When set, `/metrics` is served only on this separate port (e.g. reachable by Prometheus, not the public). */
  @IsOptional() @Transform(int) @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number = undefined;
  /** A client must send its request line and headers within this time (a trickling client cannot hold a socket). */
  @Transform(int) @IsInt() @Min(100) HEADERS_TIMEOUT_MS = 10_000;
  /** …and the whole request, body included, within this time; at least HEADERS_TIMEOUT_MS. */
  @Transform(int) @IsInt() @Min(100) REQUEST_TIMEOUT_MS = 30_000;
  /** An idle keep-alive connection is closed after this time. */
  @Transform(int) @IsInt() @Min(100) KEEP_ALIVE_TIMEOUT_MS = 5_000;
  /** Origins allowed by CORS, comma-separated (`*` for any); empty: no CORS headers. */
  @IsString() CORS_ORIGINS = '';
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const known = Object.keys(new GatewayConfig());
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && (known.includes(k) || k.startsWith('INFLUGENTIC_'))));
  const config = plainToInstance(GatewayConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    throw new Error('Invalid gateway configuration: HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS');
  }
  if (errors.length) {
    throw new Error(`Invalid gateway configuration: ${errors.map((e) => `${e.property} (${Object.values(e.constraints ?? {}).join(', ')})`).join('; ')}`);
  }
  return config;
}
