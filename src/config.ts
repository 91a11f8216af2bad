import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project root, so templates, migrations and reference data are found from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Single sign-on settings (all four variables, or none). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
}

/**
 * Every setting Vigil reads from its environment, read and validated here only (README lists them).
 * A bad value stops the service at start with a one-line reason.
 */
export interface Config {
  /** A PostgreSQL server; when absent Vigil runs on embedded PGlite. */
  databaseUrl: string | undefined;
  /** Connections in the server pool. */
  databasePoolSize: number;
  /** Where embedded PGlite keeps its files (and the generated audit signing and secrets keys). */
  dataDir: string;
  port: number;
  host: string;
  /** Set when the service sits behind TLS-terminating proxies, so cookies stay Secure but URLs are built right. */
  trustProxy: boolean;
  smtpUrl: string | undefined;
  /** pino level, or `silent`. */
  logLevel: string;
  /** The address people use, for links in emails. */
  baseUrl: string;
  oidc: OidcConfig | undefined;
  /** The Ed25519 private key (PKCS#8 PEM) that signs access-log checkpoints; else one is made in dataDir. */
  auditSigningKey: string | undefined;
  /** AES-256 keys (`id:base64`, comma-separated, the current one first) for secrets stored reversibly; else made in dataDir. */
  secretsKey: string | undefined;
  /** Print stack traces of CLI failures (support only). */
  debug: boolean;
  /** Reload templates on every request (development only). */
  development: boolean;
}

export class ConfigError extends Error {}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = z.preprocess(blank, z.string().optional());
const url = (name: string) =>
  z.preprocess(
    blank,
    z.url({ error: `${name} must be a full URL, like https://vigil.example.gov.uk` }).optional(),
  );

const ENVIRONMENT = z.object({
  DATABASE_URL: optional,
  VIGIL_DB_POOL: z.preprocess(
    blank,
    z.coerce
      .number({ error: 'VIGIL_DB_POOL must be a whole number from 1 to 200' })
      .int({ error: 'VIGIL_DB_POOL must be a whole number from 1 to 200' })
      .min(1, { error: 'VIGIL_DB_POOL must be a whole number from 1 to 200' })
      .max(200, { error: 'VIGIL_DB_POOL must be a whole number from 1 to 200' })
      .default(10),
  ),
  VIGIL_DATA_DIR: optional,
  PORT: z.preprocess(
    blank,
    z.coerce
      .number({ error: 'PORT must be a port number' })
      .int({ error: 'PORT must be a port number' })
      .min(0, { error: 'PORT must be a port number' })
      .max(65535, { error: 'PORT must be a port number' })
      .default(3000),
  ),
  HOST: optional,
  VIGIL_TRUST_PROXY: z.preprocess(
    blank,
    z.enum(['true', 'false'], { error: 'VIGIL_TRUST_PROXY must be true or false' }).default('false'),
  ),
  SMTP_URL: optional,
  VIGIL_LOG: z.preprocess(
    blank,
    z
      .enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'], {
        error: 'VIGIL_LOG must be one of silent, fatal, error, warn, info, debug, trace',
      })
      .default('info'),
  ),
  VIGIL_BASE_URL: url('VIGIL_BASE_URL'),
  VIGIL_OIDC_ISSUER: url('VIGIL_OIDC_ISSUER'),
  VIGIL_OIDC_CLIENT_ID: optional,
  VIGIL_OIDC_CLIENT_SECRET: optional,
  VIGIL_OIDC_REDIRECT_URL: url('VIGIL_OIDC_REDIRECT_URL'),
  VIGIL_AUDIT_SIGNING_KEY: optional,
  VIGIL_SECRETS_KEY: optional,
  VIGIL_DEBUG: optional,
  NODE_ENV: optional,
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'Invalid configuration');
  const e = parsed.data;
  const port = e.PORT;
  const oidcValues = [
    e.VIGIL_OIDC_ISSUER,
    e.VIGIL_OIDC_CLIENT_ID,
    e.VIGIL_OIDC_CLIENT_SECRET,
    e.VIGIL_OIDC_REDIRECT_URL,
  ];
  const given = oidcValues.filter(Boolean).length;
  if (given > 0 && given < 4)
    throw new ConfigError(
      'Single sign-on needs all of VIGIL_OIDC_ISSUER, VIGIL_OIDC_CLIENT_ID, VIGIL_OIDC_CLIENT_SECRET and VIGIL_OIDC_REDIRECT_URL',
    );
  return {
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.VIGIL_DB_POOL,
    dataDir: path.resolve(e.VIGIL_DATA_DIR ?? './data'),
    port,
    host: e.HOST ?? '127.0.0.1',
    trustProxy: e.VIGIL_TRUST_PROXY === 'true',
    smtpUrl: e.SMTP_URL,
    logLevel: e.VIGIL_LOG,
    baseUrl: e.VIGIL_BASE_URL ?? `http://localhost:${port}`,
    oidc:
      given === 4
        ? {
            issuer: e.VIGIL_OIDC_ISSUER!,
            clientId: e.VIGIL_OIDC_CLIENT_ID!,
            clientSecret: e.VIGIL_OIDC_CLIENT_SECRET!,
            redirectUrl: e.VIGIL_OIDC_REDIRECT_URL!,
          }
        : undefined,
    auditSigningKey: e.VIGIL_AUDIT_SIGNING_KEY,
    secretsKey: e.VIGIL_SECRETS_KEY,
    debug: Boolean(e.VIGIL_DEBUG),
    development: e.NODE_ENV === 'development',
  };
}
