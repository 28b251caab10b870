import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const known = Object.keys(new GatewayConfig());
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && (known.includes(k) || k.startsWith('INFLUGENTIC_'))));
  const config = plainToInstance(GatewayConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length) {
    throw new Error(`Invalid gateway configuration: ${errors.map((e) => `${e.property} (${Object.values(e.constraints ?? {}).join(', ')})`).join('; ')}`);
  }
  return config;
}
