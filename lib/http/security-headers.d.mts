// Types for security-headers.mjs (plain JavaScript so next.config.mjs can import it).
export interface SecurityHeaderEnv {
  production: boolean;
  https: boolean;
}
export function createNonce(): string;
export function pageContentSecurityPolicy(env: SecurityHeaderEnv & { nonce: string }): string;
export function apiContentSecurityPolicy(): string;
export function securityHeaders(env: Pick<SecurityHeaderEnv, "production">): { key: string; value: string }[];
export function securityEnv(processEnv?: Record<string, string | undefined>): SecurityHeaderEnv;
export function headerRulesFromEnv(processEnv?: Record<string, string | undefined>): { source: string; headers: { key: string; value: string }[] }[];
