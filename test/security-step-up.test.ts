// Attacks on step-up as the holder of a stolen, stale session would make them: a checked-in table of every mutation
// (WAYS_IN: those that add, remove or change a way into an account; NOT_A_WAY_IN: every other, with why), so a new
// mutation cannot be forgotten; each way in refused on a session whose proof is older than REAUTH_MAX_AGE, and in an
// impersonation, then allowed after `reauthenticate`; issue 23's takeover (add a factor, then use it as its own proof)
// as reported; a factor added since the session's last proof refused as a proof; an enrollment-only session past its
// window; several ways in aliased into one document.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { isObjectType } from 'graphql';
import { getSchema } from '../src/graphql/schema.js';
import { accountWithRole, registerUser, signInRootAdmin } from './support/accounts.js';
import { gq, impersonate } from './support/audit.js';
import { authenticator, codeAt, enrollTotp, freshStep } from './support/mfa.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { provedAgo } from './support/step-up.js';
import { SoftAuthenticator } from './support/webauthn.js';

const ORIGIN = 'https://members.example.test';
const REAUTH_MAX_AGE = 600;
let server: TestServer;
let provider: TestOidcProvider;
let rootAdmin: { id: string; token: string };

before(async () => {
  provider = await startOidcProvider([{ clientId: 'line-client', clientSecret: 'line-secret-0123456789', redirectUris: [`${ORIGIN}/auth/oidc/line/callback`] }]);
  server = await startTestServer({
    PUBLIC_URL: ORIGIN,
    REAUTH_MAX_AGE: String(REAUTH_MAX_AGE),
    OIDC_PROVIDERS: 'line',
    OIDC_LINE_ISSUER: provider.issuer,
    OIDC_LINE_CLIENT_ID: 'line-client',
    OIDC_LINE_CLIENT_SECRET: 'line-secret-0123456789',
    OIDC_ALLOW_INSECURE_ISSUER: 'true',
  });
  rootAdmin = await signInRootAdmin(server);
});
after(async () => {
  await server?.close();
  await provider?.close();
});

type Result = Awaited<ReturnType<typeof gq>>;
type Subject = Awaited<ReturnType<typeof registerUser>>;

interface WayIn {
  /**
   * Where its proof comes from: the session's own, within REAUTH_MAX_AGE (`recent`), or always the input for an
   * account with a password (`inline`: changePassword's current password, deleteMyAccount's password).
   */
  proof: 'recent' | 'inline';
  /** Made by an administrator about another account (the administrator's session is the stale one). */
  admin?: true;
  /** Puts a fresh account in the state the call needs (a TOTP on, a passkey, a link), while its session is fresh. */
  arrange?(subject: Subject): Promise<Record<string, unknown>>;
  /** The mutation as `token` (the subject's, or the admin's), with the inline proof when `withProof`. */
  call(token: string, subject: Subject, arranged: Record<string, unknown>, withProof: boolean): Promise<Result>;
}

const soft = new WeakMap<Subject, SoftAuthenticator>();
const authenticatorOf = (subject: Subject) => soft.get(subject) ?? soft.set(subject, new SoftAuthenticator(ORIGIN)).get(subject)!;

async function withPasskey(subject: Subject): Promise<string> {
  const started = await gq(server, 'mutation { startPasskeyRegistration { options } }', {}, subject.token);
  const finished = await gq(
    server,
    'mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { passkey { id } } }',
    { input: { response: authenticatorOf(subject).register(started.data!.startPasskeyRegistration.options) } },
    subject.token,
  );
  assert.equal(finished.errors, undefined, JSON.stringify(finished.errors));
  return finished.data!.finishPasskeyRegistration.passkey.id as string;
}

/** The id of another session of the subject's (a second sign-in). */
async function otherSessionId(subject: Subject): Promise<string> {
  const signedIn = await gq(server, 'mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }', {
    input: { identifier: subject.input.username, password: subject.input.password },
  });
  const sessions = await gq(server, '{ mySessions { id current } }', {}, signedIn.data!.login.token);
  return (sessions.data!.mySessions as { id: string; current: boolean }[]).find((s) => s.current)!.id;
}

/** Every mutation that adds, removes or changes a way into an account (signing out other sessions included). */
const WAYS_IN: Record<string, WayIn> = {
  changePassword: {
    proof: 'inline',
    call: (token, s, _a, withProof) =>
      gq(server, 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { success } }', { input: { currentPassword: withProof ? s.input.password : '', newPassword: 'quartz lantern orchid 77' } }, token),
  },
  updateProfile: {
    proof: 'recent',
    call: (token, s) => gq(server, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { pendingEmail } } }', { input: { email: `new-${s.input.email}` } }, token),
  },
  startTotpEnrollment: { proof: 'recent', call: (token) => gq(server, 'mutation { startTotpEnrollment { secret } }', {}, token) },
  confirmTotpEnrollment: {
    proof: 'recent',
    arrange: async (s) => ({ secret: (await gq(server, 'mutation { startTotpEnrollment { secret } }', {}, s.token)).data!.startTotpEnrollment.secret }),
    call: (token, _s, a) => gq(server, 'mutation ($input: ConfirmTotpInput!) { confirmTotpEnrollment(input: $input) { backupCodes } }', { input: { code: codeAt(authenticator(a.secret as string)) } }, token),
  },
  disableTotp: {
    proof: 'recent',
    arrange: async (s) => ({ ...(await enrollTotp(server, s.token)) }),
    call: (token) => gq(server, 'mutation ($input: DisableTotpInput!) { disableTotp(input: $input) { user { mfaEnabled } } }', { input: {} }, token),
  },
  regenerateBackupCodes: {
    proof: 'recent',
    arrange: async (s) => ({ ...(await enrollTotp(server, s.token)) }),
    call: (token) => gq(server, 'mutation ($input: RegenerateBackupCodesInput!) { regenerateBackupCodes(input: $input) { backupCodes } }', { input: {} }, token),
  },
  startPasskeyRegistration: { proof: 'recent', call: (token) => gq(server, 'mutation { startPasskeyRegistration { options } }', {}, token) },
  finishPasskeyRegistration: {
    proof: 'recent',
    arrange: async (s) => ({ options: (await gq(server, 'mutation { startPasskeyRegistration { options } }', {}, s.token)).data!.startPasskeyRegistration.options }),
    call: (token, s, a) =>
      gq(server, 'mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { passkey { id } } }', { input: { response: authenticatorOf(s).register(a.options) } }, token),
  },
  removePasskey: {
    proof: 'recent',
    arrange: async (s) => ({ id: await withPasskey(s) }),
    call: (token, _s, a) => gq(server, 'mutation ($input: RemovePasskeyInput!) { removePasskey(input: $input) { removedPasskeyId } }', { input: { id: a.id } }, token),
  },
  startOidcLink: { proof: 'recent', call: (token) => gq(server, 'mutation ($input: StartOidcLinkInput!) { startOidcLink(input: $input) { url } }', { input: { provider: 'line' } }, token) },
  unlinkAccount: {
    proof: 'recent',
    arrange: async (s) => {
      // A link made at the provider; arranged in the database (test/security-oidc.test.ts walks the real redirects).
      await server.db.query("INSERT INTO user_identities (user_id, provider, subject, email_verified) VALUES (?, 'line', ?, 1)", [s.id, randomBytes(8).toString('hex')]);
      return {};
    },
    call: (token) => gq(server, 'mutation ($input: UnlinkAccountInput!) { unlinkAccount(input: $input) { linkedAccounts { provider } } }', { input: { provider: 'line' } }, token),
  },
  revokeOtherSessions: { proof: 'recent', call: (token) => gq(server, 'mutation { revokeOtherSessions { revokedCount } }', {}, token) },
  revokeSession: {
    proof: 'recent',
    arrange: async (s) => ({ other: await otherSessionId(s) }),
    call: (token, _s, a) => gq(server, 'mutation ($id: ID!) { revokeSession(id: $id) { success } }', { id: a.other }, token),
  },
  deleteMyAccount: {
    proof: 'inline',
    call: (token, s, _a, withProof) =>
      gq(server, 'mutation ($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { scheduledFor } }', { input: withProof ? { password: s.input.password } : {} }, token),
  },
  resetUserSecondFactors: {
    proof: 'recent',
    admin: true,
    arrange: async (s) => ({ ...(await enrollTotp(server, s.token)) }),
    call: (token, s) =>
      gq(server, 'mutation ($input: ResetUserSecondFactorsInput!) { resetUserSecondFactors(input: $input) { user { mfaEnabled } } }', { input: { userId: String(s.id), reason: 'lost phone' } }, token),
  },
  startImpersonation: {
    proof: 'recent',
    admin: true,
    call: (token, s) => gq(server, 'mutation ($input: StartImpersonationInput!) { startImpersonation(input: $input) { session { token } } }', { input: { userId: String(s.id), reason: 'ticket 7' } }, token),
  },
};

/** Every other mutation, and why it is not one. */
const NOT_A_WAY_IN: Record<string, string> = {
  registerUser: 'makes an account and signs it in: a first proof',
  login: 'a first proof',
  signInWithCode: 'a first proof',
  resetPassword: 'a first proof (the address); it ends the ways in that skip the password',
  completeMfaSignIn: 'the second step of a sign-in',
  startMfaChallenge: 'begins the second step of a sign-in',
  completeOidcSignIn: 'a first proof (the provider)',
  startPasskeySignIn: 'begins a first proof',
  finishPasskeySignIn: 'a first proof',
  reauthenticate: 'the proof itself',
  startReauthentication: 'begins the proof itself',
  refreshToken: 'continues a session, proves nothing (never renews the proof)',
  logout: 'ends this session only',
  stopImpersonation: 'ends an impersonation',
  requestPasswordReset: 'sends a message to an address the account already has',
  requestSignInCode: 'sends a message to an address the account already has',
  requestEmailVerification: 'sends a message to the address asked for by updateProfile (which needed the proof)',
  requestPhoneVerification: 'sends a message to the number asked for by updateProfile (which needed the proof)',
  verifyEmail: 'completes a change updateProfile made with the proof; the link proves the new address',
  verifyPhone: 'completes a change updateProfile made with the proof; the code proves the new number',
  renamePasskey: 'a label only',
  cancelAccountDeletion: 'keeps the account as it is',
  acceptTerms: 'consent, no way in',
  exportMyData: 'reads data; the file goes to the account holder',
  uploadAvatar: 'profile data',
  deleteAvatar: 'profile data',
  sendMessage: 'chat',
  setPresence: 'presence',
  sendNotification: 'notifications',
  broadcastNotification: 'notifications',
  markNotificationRead: 'notifications',
  markAllNotificationsRead: 'notifications',
  changeUserRole: 'authorization, not a way in (audited; ends impersonations that lose their right)',
  setUserStatus: 'disables or enables an account: removes no way in and adds none',
  deleteUser: 'removes the whole account',
  revokeUserSessions: 'signs a user out everywhere: removes no way in',
  createRole: 'authorization',
  updateRole: 'authorization',
  deleteRole: 'authorization',
  createPermission: 'authorization',
  updatePermission: 'authorization',
  deletePermission: 'authorization',
};

const reasonOf = (result: Result) => result.errors?.[0]?.extensions?.reason;

test('the table names every mutation of the schema exactly once', () => {
  const mutation = getSchema().getMutationType();
  assert.ok(mutation && isObjectType(mutation));
  const inSchema = Object.keys(mutation.getFields()).sort();
  const listed = [...Object.keys(WAYS_IN), ...Object.keys(NOT_A_WAY_IN)].sort();
  assert.deepEqual(listed, [...new Set(listed)], 'a mutation is in both tables');
  assert.deepEqual(listed, inSchema, 'a mutation is missing from the tables (or a listed one is gone): classify it in WAYS_IN or NOT_A_WAY_IN');
});

describe('every way in, on a stale session', () => {
  for (const [name, way] of Object.entries(WAYS_IN)) {
    test(`${name}: refused while the proof is older than REAUTH_MAX_AGE, and in an impersonation; allowed once proven again`, async () => {
      const subject = await registerUser(server);
      const arranged = (await way.arrange?.(subject)) ?? {};
      const actor = way.admin ? await accountWithRole(server, rootAdmin.token, 'Admin') : undefined;
      const token = actor?.token ?? subject.token;
      const actorId = actor?.id ?? subject.id;
      const password = actor?.password ?? subject.input.password;
      await provedAgo(server, actorId, REAUTH_MAX_AGE + 60);

      const stale = await way.call(token, subject, arranged, false);
      if (way.proof === 'recent') {
        assert.equal(errorCode(stale), 'REAUTH_REQUIRED', JSON.stringify(stale.errors));
        assert.equal(stale.errors![0]!.extensions!.maxAgeSeconds, REAUTH_MAX_AGE);
      } else {
        // A password account gives its password with every such call, however fresh the session.
        assert.equal(errorCode(stale), 'BAD_USER_INPUT', JSON.stringify(stale.errors));
        assert.ok(['password', 'currentPassword'].includes(String(stale.errors![0]!.extensions!.field)));
      }
      assert.equal(stale.data?.[name] ?? null, null, 'nothing answered');

      if (!way.admin) {
        // An impersonation never holds a proof of the user: refused whatever its age.
        const acting = await impersonate(server, rootAdmin.token, String(subject.id));
        const impersonated = await way.call(acting.token, subject, arranged, true);
        assert.equal(errorCode(impersonated), 'FORBIDDEN', JSON.stringify(impersonated.errors));
        assert.equal(reasonOf(impersonated), 'IMPERSONATION_FORBIDDEN');
      }

      if (way.proof === 'recent') {
        const proved = await gq(server, 'mutation ($input: ReauthenticateInput!) { reauthenticate(input: $input) { provedAt } }', { input: { password } }, token);
        assert.equal(proved.errors, undefined, JSON.stringify(proved.errors));
      }
      const allowed = await way.call(token, subject, arranged, true);
      assert.equal(allowed.errors, undefined, JSON.stringify(allowed.errors));
    });
  }
});

describe("issue 23's takeover: a stale session adding a factor and using it as its own proof", () => {
  test('as reported: every step is refused, and the owner still signs in with the password alone', async () => {
    await freshStep();
    const owner = await registerUser(server);
    await provedAgo(server, owner.id, REAUTH_MAX_AGE + 60);
    const stolen = owner.token;
    assert.equal(errorCode(await gq(server, 'mutation { startTotpEnrollment { secret } }', {}, stolen)), 'REAUTH_REQUIRED');
    assert.equal(errorCode(await gq(server, 'mutation ($input: ConfirmTotpInput!) { confirmTotpEnrollment(input: $input) { backupCodes } }', { input: { code: '123456' } }, stolen)), 'REAUTH_REQUIRED');
    const guess = await gq(server, 'mutation ($input: ReauthenticateInput!) { reauthenticate(input: $input) { provedAt } }', { input: { code: '123456' } }, stolen);
    assert.equal(errorCode(guess), 'BAD_USER_INPUT');
    assert.equal(errorCode(await gq(server, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }', { input: { email: 'attacker@example.com' } }, stolen)), 'REAUTH_REQUIRED');
    const [row] = await server.db.query<{ email: string; pending_email: string | null; totp: number }[]>(
      'SELECT email, pending_email, (SELECT COUNT(*) FROM mfa_totp t WHERE t.user_id = u.id) AS totp FROM users u WHERE id = ?',
      [owner.id],
    );
    assert.deepEqual({ ...row, totp: Number(row!.totp) }, { email: owner.input.email, pending_email: null, totp: 0 });
    const signIn = await gq(server, 'mutation ($input: LoginInput!) { login(input: $input) { __typename } }', { input: { identifier: owner.input.username, password: owner.input.password } });
    assert.equal(signIn.data!.login.__typename, 'AuthPayload');
  });

  test('a factor added while the proof was fresh cannot renew it later: only what the session held at its last proof can', async () => {
    await freshStep();
    const owner = await registerUser(server);
    const totp = (await enrollTotp(server, owner.token)).totp;
    const key = await withPasskey(owner);
    assert.ok(key);
    // The proof goes stale (the factors keep their real, later creation times).
    await server.db.query('UPDATE sessions SET proved_at = NOW(3) - INTERVAL 1 HOUR WHERE user_id = ?', [owner.id]);
    const REAUTH = 'mutation ($input: ReauthenticateInput!) { reauthenticate(input: $input) { provedAt } }';
    const byCode = await gq(server, REAUTH, { input: { code: codeAt(totp) } }, owner.token);
    assert.equal(errorCode(byCode), 'BAD_USER_INPUT');
    assert.equal(reasonOf(byCode), 'PROOF_NOT_ACCEPTED');
    // The passkey ceremony does not even offer the new passkey.
    assert.equal(errorCode(await gq(server, 'mutation { startReauthentication { options } }', {}, owner.token)), 'BAD_USER_INPUT');
    assert.equal(errorCode(await gq(server, 'mutation { revokeOtherSessions { revokedCount } }', {}, owner.token)), 'REAUTH_REQUIRED', 'nothing was proven');
    // The password the account had at the last proof does it; after that, the factors held then count too.
    assert.equal((await gq(server, REAUTH, { input: { password: owner.input.password } }, owner.token)).errors, undefined);
    await server.db.query('UPDATE sessions SET proved_at = NOW(3) - INTERVAL 1 HOUR WHERE user_id = ?', [owner.id]);
    await server.db.query('UPDATE mfa_totp SET enabled_at = NOW(3) - INTERVAL 2 HOUR WHERE user_id = ?', [owner.id]);
    const later = await gq(server, REAUTH, { input: { code: codeAt(totp, 1) } }, owner.token);
    assert.equal(later.errors, undefined, JSON.stringify(later.errors));
  });
});

test('revokeSession of the session making the call (signing out) needs no proof, however old', async () => {
  const owner = await registerUser(server);
  await provedAgo(server, owner.id, REAUTH_MAX_AGE + 60);
  const current = (await gq(server, '{ mySessions { id current } }', {}, owner.token)).data!.mySessions.find((s: { current: boolean }) => s.current).id;
  const result = await gq(server, 'mutation ($id: ID!) { revokeSession(id: $id) { success } }', { id: current }, owner.token);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  assert.equal(errorCode(await gq(server, '{ me { id } }', {}, owner.token)), 'UNAUTHENTICATED');
});

describe('several ways in in one document', () => {
  test('aliased ways in on a stale session: the first is refused, the document ends there, and none took effect', async () => {
    const owner = await registerUser(server);
    const other = await gq(server, 'mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }', { input: { identifier: owner.input.username, password: owner.input.password } });
    await provedAgo(server, owner.id, REAUTH_MAX_AGE + 60);
    const result = await gq(
      server,
      `mutation ($a: UpdateProfileInput!, $b: UpdateProfileInput!) {
        first: updateProfile(input: $a) { user { id } }
        second: updateProfile(input: $b) { user { id } }
        others: revokeOtherSessions { revokedCount }
      }`,
      { a: { email: `a-${owner.input.email}` }, b: { phone: '089-555-0101' } },
      owner.token,
    );
    assert.equal(result.data, null);
    assert.deepEqual(
      result.errors?.map((e) => [e.path?.[0], e.extensions?.code]),
      [['first', 'REAUTH_REQUIRED']],
    );
    const [row] = await server.db.query<{ pending_email: string | null; pending_phone: string | null }[]>('SELECT pending_email, pending_phone FROM users WHERE id = ?', [owner.id]);
    assert.deepEqual({ ...row }, { pending_email: null, pending_phone: null });
    assert.ok((await gq(server, '{ me { id } }', {}, other.data!.login.token)).data?.me, 'the other session was not signed out');
  });
});

describe('an enrollment-only session (MFA_REQUIRED_ROLES)', () => {
  test('may add its first factor within REAUTH_MAX_AGE of its sign-in only, and nothing else', async () => {
    const strict = await startTestServer({ PUBLIC_URL: ORIGIN, REAUTH_MAX_AGE: String(REAUTH_MAX_AGE), MFA_REQUIRED_ROLES: 'Moderator' }, server.db);
    try {
      const admin = await signInRootAdmin(strict);
      const moderator = await accountWithRole(strict, admin.token, 'Moderator');
      const signIn = async () => {
        const result = await gq(strict, 'mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token mfaEnrollmentRequired } } }', {
          input: { identifier: moderator.username, password: moderator.password },
        });
        assert.equal(result.data!.login.mfaEnrollmentRequired, true);
        return result.data!.login.token as string;
      };
      const limited = await signIn();
      // The session itself lasts no longer than the window: after it, sign in again.
      const [life] = await strict.db.query<{ seconds: number }[]>(
        'SELECT TIMESTAMPDIFF(SECOND, created_at, expires_at) AS seconds FROM sessions WHERE user_id = ? AND enrollment_only = 1 ORDER BY id DESC LIMIT 1',
        [Number(moderator.id)],
      );
      assert.ok(Number(life!.seconds) <= REAUTH_MAX_AGE, `an enrollment-only session lives ${life!.seconds} s`);
      assert.equal(reasonOf(await gq(strict, 'mutation { startPasskeyRegistration { options } }', {}, limited)), 'MFA_ENROLLMENT_REQUIRED');
      assert.equal(reasonOf(await gq(strict, 'mutation { revokeOtherSessions { revokedCount } }', {}, limited)), 'MFA_ENROLLMENT_REQUIRED');
      const started = await gq(strict, 'mutation { startTotpEnrollment { secret } }', {}, limited);
      assert.equal(started.errors, undefined, JSON.stringify(started.errors));
      // Past the window (an old enrollment-only session, or a stolen one): sign in again.
      await strict.db.query('UPDATE sessions SET proved_at = NOW(3) - INTERVAL ? SECOND WHERE user_id = ?', [REAUTH_MAX_AGE + 60, Number(moderator.id)]);
      assert.equal(errorCode(await gq(strict, 'mutation { startTotpEnrollment { secret } }', {}, limited)), 'REAUTH_REQUIRED');
      const code = codeAt(authenticator(started.data!.startTotpEnrollment.secret));
      assert.equal(errorCode(await gq(strict, 'mutation ($input: ConfirmTotpInput!) { confirmTotpEnrollment(input: $input) { backupCodes } }', { input: { code } }, limited)), 'REAUTH_REQUIRED');
      assert.equal(reasonOf(await gq(strict, 'mutation ($input: ReauthenticateInput!) { reauthenticate(input: $input) { provedAt } }', { input: { password: moderator.password } }, limited)), 'MFA_ENROLLMENT_REQUIRED');
      // A fresh sign-in enrolls, and the full session it gets has two factors.
      const fresh = await signIn();
      const again = await gq(strict, 'mutation { startTotpEnrollment { secret } }', {}, fresh);
      const confirmed = await gq(
        strict,
        'mutation ($input: ConfirmTotpInput!) { confirmTotpEnrollment(input: $input) { session { token mfaEnrollmentRequired } } }',
        { input: { code: codeAt(authenticator(again.data!.startTotpEnrollment.secret)) } },
        fresh,
      );
      assert.equal(confirmed.errors, undefined, JSON.stringify(confirmed.errors));
      const full = confirmed.data!.confirmTotpEnrollment.session as { token: string; mfaEnrollmentRequired: boolean };
      assert.equal(full.mfaEnrollmentRequired, false);
      const sessions = await gq(strict, '{ mySessions { current assurance } }', {}, full.token);
      assert.deepEqual(sessions.data!.mySessions.find((s: { current: boolean }) => s.current), { current: true, assurance: 'TWO_FACTORS' });
    } finally {
      await strict.app.close();
    }
  });
});

describe('assurance', () => {
  test('a password sign-in has one factor, a second step makes two, an impersonation none', async () => {
    await freshStep();
    const account = await registerUser(server);
    const { totp } = await enrollTotp(server, account.token);
    const first = await gq(server, 'mutation ($input: LoginInput!) { login(input: $input) { ... on MfaChallenge { challengeToken } } }', {
      input: { identifier: account.input.username, password: account.input.password },
    });
    const challengeToken = first.data!.login.challengeToken as string;
    const second = await gq(server, 'mutation ($input: CompleteMfaSignInInput!) { completeMfaSignIn(input: $input) { token } }', { input: { challengeToken, code: codeAt(totp) } });
    assert.equal(second.errors, undefined, JSON.stringify(second.errors));
    const assuranceOf = async (token: string) => (await gq(server, '{ mySessions { current assurance } }', {}, token)).data!.mySessions.find((s: { current: boolean }) => s.current).assurance;
    assert.equal(await assuranceOf(second.data!.completeMfaSignIn.token), 'TWO_FACTORS');
    assert.equal(await assuranceOf(account.token), 'ONE_FACTOR');
    const acting = await impersonate(server, rootAdmin.token, String(account.id));
    const [row] = await server.db.query<{ assurance: number; proved_at: Date | null }[]>('SELECT assurance, proved_at FROM sessions WHERE impersonator_id IS NOT NULL AND user_id = ?', [account.id]);
    assert.deepEqual({ ...row }, { assurance: 0, proved_at: null });
    assert.ok(acting.token);
  });
});
