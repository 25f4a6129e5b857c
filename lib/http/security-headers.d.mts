// Types for security-headers.mjs (plain JavaScript so next.config.mjs can import it).
export interface SecurityHeaderEnv {
  production: boolean;
  https: boolean;
}
export function contentSecurityPolicy(env: SecurityHeaderEnv): string;
export function securityHeaders(env: SecurityHeaderEnv): { key: string; value: string }[];
export function securityHeadersFromEnv(processEnv?: Record<string, string | undefined>): { key: string; value: string }[];
