import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, so templates, migrations and reference data are found from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  /** A PostgreSQL server; when absent Vigil runs on embedded PGlite. */
  databaseUrl: string | undefined;
  /** Where embedded PGlite keeps its files. */
  dataDir: string;
  port: number;
  host: string;
  /** Set when the service sits behind TLS-terminating proxies, so cookies stay Secure but URLs are built right. */
  trustProxy: boolean;
  smtpUrl: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.VIGIL_DATA_DIR || './data'),
    port,
    host: env.HOST || '127.0.0.1',
    trustProxy: env.VIGIL_TRUST_PROXY === 'true',
    smtpUrl: env.SMTP_URL || undefined,
  };
}

export class ConfigError extends Error {}
