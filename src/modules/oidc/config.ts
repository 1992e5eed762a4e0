// The OpenID Connect module's variables: which providers (OIDC_PROVIDERS) and, for each, OIDC_<NAME>_ISSUER,
// _CLIENT_ID, _CLIENT_SECRET, _SCOPES and _LABEL; presets fill the issuer, scopes and label of LINE, Google and
// Microsoft. OIDC_REDIRECT_ALLOWLIST names the app URLs a flow may end at besides this service's own web client.
import { z } from 'zod';
import { configFragment, intInRange, optionalString, type Env } from '../../env.js';

export interface OidcProviderConfig {
  /** Lower-case, as in OIDC_PROVIDERS and the routes (/auth/oidc/<name>/…). */
  name: string;
  label: string;
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  scopes: string;
}

/**
 * Known providers: only the client id and secret are needed. Microsoft's `common` issuer stands for every tenant:
 * its ID tokens name the user's own tenant, which openid-client checks against the `tid` claim (set
 * OIDC_MICROSOFT_ISSUER to https://login.microsoftonline.com/<tenant id>/v2.0 to let in one tenant only).
 */
export const OIDC_PRESETS: Record<string, { issuer: string; scopes: string; label: string }> = {
  line: { issuer: 'https://access.line.me', scopes: 'openid profile email', label: 'LINE' },
  google: { issuer: 'https://accounts.google.com', scopes: 'openid profile email', label: 'Google' },
  microsoft: { issuer: 'https://login.microsoftonline.com/common/v2.0', scopes: 'openid profile email', label: 'Microsoft' },
};

const NAME = /^[a-z][a-z0-9]{0,31}$/;

const names = optionalString.transform((v, ctx) => {
  const list = (v ?? '').split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
  for (const name of list) {
    if (!NAME.test(name)) {
      ctx.addIssue({ code: 'custom', message: `provider names are lower-case letters and digits, starting with a letter (bad name "${name}")` });
      return z.NEVER;
    }
  }
  if (new Set(list).size !== list.length) {
    ctx.addIssue({ code: 'custom', message: 'a provider is named twice' });
    return z.NEVER;
  }
  return list;
});

const urlList = optionalString.transform((v, ctx) => {
  const list = (v ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  for (const entry of list) {
    if (!URL.canParse(entry) || !/^https?:$/.test(new URL(entry).protocol) || new URL(entry).hash !== '') {
      ctx.addIssue({ code: 'custom', message: `must be a comma list of http(s) app URLs without a #fragment (bad entry "${entry}")` });
      return z.NEVER;
    }
  }
  return list.map((entry) => new URL(entry).href);
});

/** Reads OIDC_<NAME>_* for each provider; a missing client id or issuer is a problem named for its variable. */
function readProviders(source: Env, list: string[], problems: string[]): OidcProviderConfig[] {
  const providers: OidcProviderConfig[] = [];
  for (const name of list) {
    const prefix = `OIDC_${name.toUpperCase()}_`;
    const value = (key: string) => source[`${prefix}${key}`]?.trim() || undefined;
    const preset = OIDC_PRESETS[name];
    const issuer = value('ISSUER') ?? preset?.issuer;
    const clientId = value('CLIENT_ID');
    if (!issuer) problems.push(`${prefix}ISSUER: is required for provider "${name}" (no preset has that name)`);
    else if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) problems.push(`${prefix}ISSUER: must be the provider's issuer URL, such as https://accounts.google.com`);
    if (!clientId) problems.push(`${prefix}CLIENT_ID: is required for provider "${name}"`);
    const scopes = value('SCOPES') ?? preset?.scopes ?? 'openid profile email';
    if (!scopes.split(/\s+/).includes('openid')) problems.push(`${prefix}SCOPES: must include openid (got "${scopes}")`);
    if (!issuer || !clientId || !URL.canParse(issuer)) continue;
    providers.push({ name, label: value('LABEL') ?? preset?.label ?? name, issuer: new URL(issuer), clientId, clientSecret: value('CLIENT_SECRET'), scopes });
  }
  return providers;
}

const shape = {
  OIDC_PROVIDERS: names,
  OIDC_REDIRECT_ALLOWLIST: urlList,
  OIDC_FLOW_TTL_SECONDS: intInRange(60, 3600, 600),
  OIDC_DISCOVERY_TIMEOUT_SECONDS: intInRange(1, 60, 5),
  /** Only for tests and a laptop: lets the service talk to an http:// issuer. Refused in production. */
  OIDC_ALLOW_INSECURE_ISSUER: z.string().optional(),
};

const base = configFragment(shape, (env) => env);

export const oidcConfig = {
  load(source: Env, problems: string[]) {
    const env = base.load(source, problems);
    if (!env) return undefined;
    const providers = readProviders(source, env.OIDC_PROVIDERS, problems);
    const allowInsecure = ['1', 'true', 'yes', 'on'].includes((env.OIDC_ALLOW_INSECURE_ISSUER ?? '').trim().toLowerCase());
    if (allowInsecure && source.NODE_ENV === 'production') problems.push('OIDC_ALLOW_INSECURE_ISSUER: cannot be on in production');
    for (const provider of providers) {
      if (provider.issuer.protocol === 'http:' && !allowInsecure) problems.push(`OIDC_${provider.name.toUpperCase()}_ISSUER: must be https (http only with OIDC_ALLOW_INSECURE_ISSUER=true, outside production)`);
    }
    return {
      providers,
      /** Besides PUBLIC_URL's web client (always allowed), the URLs `?redirect=` may name; compared whole. */
      redirectAllowlist: env.OIDC_REDIRECT_ALLOWLIST,
      flowTtlMs: env.OIDC_FLOW_TTL_SECONDS * 1000,
      discoveryTimeoutSeconds: env.OIDC_DISCOVERY_TIMEOUT_SECONDS,
      allowInsecureIssuer: allowInsecure,
    };
  },
};

export type OidcConfig = NonNullable<ReturnType<typeof oidcConfig.load>>;
