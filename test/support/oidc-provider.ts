// A real OpenID Provider for the tests: oidc-provider (a certified implementation) on a free loopback port, with
// its development login page (any password; the login names the account) and consent granted automatically, so a
// test only has to type a login. Its users are whatever the test puts in `users`, with the claims it chooses.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type OidcContext } from 'oidc-provider';

export interface ProviderUser {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcProvider {
  issuer: string;
  /** Accounts by login (their `sub`); change them freely between sign-ins. */
  users: Map<string, ProviderUser>;
  close(): Promise<void>;
}

export async function startOidcProvider(clients: TestOidcClient[]): Promise<TestOidcProvider> {
  const users = new Map<string, ProviderUser>();
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...user }) };
    },
    // First-party clients: consent is given as soon as the user has signed in.
    async loadExistingGrant(ctx: OidcContext) {
      const { oidc } = ctx;
      const existing = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      if (!oidc.session.accountId) return undefined;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  handler = provider.callback();
  return {
    issuer,
    users,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
