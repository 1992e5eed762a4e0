// Attacks on account recovery as an attacker would make them: guessing a code past its five tries, replaying a
// used link, an expired link or code, a link or code outliving the address it was sent to or a password change,
// telling existing accounts from unknown ones by the answer or by its time, flooding someone's inbox or phone, and one
// user's reset proof used for another. Every guess and request goes over
// HTTP POST, SSE (POST, accept: text/event-stream) and graphql-ws in turn; mutations never run over GET.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import type { ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { registerUser } from './support/accounts.js';
import { eventually } from './support/eventually.js';
import {
  ChangePassword,
  Me,
  Reauthenticate,
  RequestPasswordReset,
  RequestSignInCode,
  ResetPassword,
  SignInWithCode,
  UpdateProfile,
  VerifyEmail,
  VerifyPhone,
  RequestPhoneVerification,
} from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { startSmsGateway, type SmsGateway } from './support/sms.js';
import { lastMailTo, linkToken, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { over as overTransport, TRANSPORTS, type Transport } from './support/transports.js';
import { session } from './support/sign-in.js';


let smtp: TestSmtpServer;
let sms: SmsGateway;
const servers: TestServer[] = [];

before(async () => {
  smtp = await startSmtpServer();
  sms = await startSmsGateway();
});
after(async () => {
  for (const server of servers) await server.close();
  await smtp.close();
  await sms.close();
});

async function recoveryServer(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({ SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, DEFAULT_LOCALE: 'en', ...env });
  servers.push(server);
  return server;
}

/** One operation over the given transport, its one result as a client would read it. */
const over = <TData, TVars extends Record<string, unknown>>(server: TestServer, transport: Transport, document: TypedDocumentNode<TData, TVars>, variables: TVars, token?: string) =>
  overTransport(server, transport, document, variables, token);

const smsCode = (text: string) => /^(\d{6}) /.exec(text)![1]!;
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function account(server: TestServer) {
  const made = await registerUser(server);
  await lastMailTo(smtp, made.input.email);
  const phone = (await server.request(Me, {}, { token: made.token })).data!.me.phone!;
  return { ...made, phone };
}

describe('guessing a code', () => {
  test('five wrong codes over any mix of transports void it: the right one is refused after', async () => {
    const server = await recoveryServer();
    for (const flow of ['reset', 'signIn', 'verifyPhone'] as const) {
      const user = await account(server);
      const before = sms.received.length;
      if (flow === 'reset') await server.request(RequestPasswordReset, { input: { identifier: user.phone } });
      else if (flow === 'signIn') await server.request(RequestSignInCode, { input: { identifier: user.phone } });
      else await server.request(RequestPhoneVerification, {}, { token: user.token });
      const code = smsCode(await sms.lastTo(user.phone, { after: before }));
      const wrong = otherCode(code);
      const attempt = (transport: Transport, guess: string) =>
        flow === 'reset'
          ? over(server, transport, ResetPassword, { input: { identifier: user.phone, code: guess, newPassword: 'guessed new password' } })
          : flow === 'signIn'
            ? over(server, transport, SignInWithCode, { input: { identifier: user.phone, code: guess } })
            : over(server, transport, VerifyPhone, { input: { code: guess } }, user.token);
      for (let i = 0; i < 5; i += 1) {
        const result = await attempt(TRANSPORTS[i % 3]!, wrong);
        assert.equal(errorCode(result), 'BAD_USER_INPUT', `${flow}: wrong guess ${i + 1}`);
      }
      for (const transport of TRANSPORTS) assert.equal(errorCode(await attempt(transport, code)), 'BAD_USER_INPUT', `${flow}: the right code after five wrong ones, over ${transport}`);
      const [row] = await server.db.query<{ attempts: number; used_at: Date | null }[]>(`SELECT attempts, used_at FROM verification_tokens WHERE user_id = ${user.id} AND purpose = '${flow === 'reset' ? 'password_reset' : flow === 'signIn' ? 'sign_in' : 'verify_phone'}' ORDER BY id DESC LIMIT 1`);
      assert.equal(row!.attempts, 5, `${flow}: no try beyond the fifth was counted or compared`);
    }
  });

  test('parallel guesses cannot exceed five tries', async () => {
    const server = await recoveryServer();
    const user = await account(server);
    const before = sms.received.length;
    await server.request(RequestSignInCode, { input: { identifier: user.phone } });
    const code = smsCode(await sms.lastTo(user.phone, { after: before }));
    // 30 distinct wrong guesses at once, then the right one: had more than five been compared, the count would show it.
    const guesses = Array.from({ length: 30 }, (_, i) => otherCode(String(Number(code) + i)));
    const results = await Promise.all(guesses.map((guess, i) => over(server, TRANSPORTS[i % 3]!, SignInWithCode, { input: { identifier: user.phone, code: guess } })));
    assert.ok(results.every((r) => errorCode(r) === 'BAD_USER_INPUT'));
    const [row] = await server.db.query<{ attempts: number }[]>(`SELECT attempts FROM verification_tokens WHERE user_id = ${user.id} AND purpose = 'sign_in'`);
    assert.equal(row!.attempts, 5);
    assert.equal(errorCode(await server.request(SignInWithCode, { input: { identifier: user.phone, code } })), 'BAD_USER_INPUT');
  });
});

describe('replaying and expired proofs', () => {
  test('a reset link and a verification link work once, over any transport', async () => {
    const server = await recoveryServer();
    const user = await account(server);
    const verifyToken = linkToken(await lastMailTo(smtp, user.input.email), '/verify-email');
    const count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: user.input.username } });
    const resetToken = linkToken(await lastMailTo(smtp, user.input.email, { after: count }), '/reset-password');
    assert.equal((await over(server, 'POST', ResetPassword, { input: { token: resetToken, newPassword: 'first use of the link' } })).errors, undefined);
    assert.equal((await over(server, 'POST', VerifyEmail, { input: { token: verifyToken } })).errors, undefined);
    for (const transport of TRANSPORTS) {
      const again = await over(server, transport, ResetPassword, { input: { token: resetToken, newPassword: 'second use of the link' } });
      assert.equal(errorCode(again), 'BAD_USER_INPUT', `reset link reused over ${transport}`);
      assert.equal(again.errors![0]!.extensions!.reason, 'INVALID_TOKEN');
      assert.equal(errorCode(await over(server, transport, VerifyEmail, { input: { token: verifyToken } })), 'BAD_USER_INPUT', `verification link reused over ${transport}`);
    }
  });

  test('an expired link or code is refused; an older link stops working when a new one is sent', async () => {
    const server = await recoveryServer();
    const user = await account(server);
    let count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: user.input.email } });
    const older = linkToken(await lastMailTo(smtp, user.input.email, { after: count }), '/reset-password');
    count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: user.input.email } });
    const newer = linkToken(await lastMailTo(smtp, user.input.email, { after: count }), '/reset-password');
    assert.equal(errorCode(await server.request(ResetPassword, { input: { token: older, newPassword: 'older link password' } })), 'BAD_USER_INPUT');

    const smsBefore = sms.received.length;
    await server.request(RequestSignInCode, { input: { identifier: user.phone } });
    const code = smsCode(await sms.lastTo(user.phone, { after: smsBefore }));
    // The clock moves on: every live token of the user is past its expiry.
    await server.db.query(`UPDATE verification_tokens SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ${user.id} AND used_at IS NULL`);
    for (const transport of TRANSPORTS) {
      assert.equal(errorCode(await over(server, transport, ResetPassword, { input: { token: newer, newPassword: 'expired link password' } })), 'BAD_USER_INPUT', `expired link over ${transport}`);
      assert.equal(errorCode(await over(server, transport, SignInWithCode, { input: { identifier: user.phone, code } })), 'BAD_USER_INPUT', `expired code over ${transport}`);
    }
  });

  test("user A's reset link or code does nothing for user B", async () => {
    const server = await recoveryServer();
    const a = await account(server);
    const b = await account(server);
    const before = sms.received.length;
    await server.request(RequestPasswordReset, { input: { identifier: a.phone } });
    const codeOfA = smsCode(await sms.lastTo(a.phone, { after: before }));
    // B has a live code too, so a code bound to nobody in particular would have something to match.
    await server.request(RequestPasswordReset, { input: { identifier: b.phone } });
    await sms.lastTo(b.phone, { after: before });
    for (const transport of TRANSPORTS) {
      const forB = await over(server, transport, ResetPassword, { input: { identifier: b.phone, code: codeOfA, newPassword: 'taking over b' } });
      assert.equal(errorCode(forB), 'BAD_USER_INPUT', `A's code for B over ${transport}`);
    }
    // A's link, sent to A, resets A alone, whatever identifier comes with it.
    const count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: a.input.email } });
    const linkOfA = linkToken(await lastMailTo(smtp, a.input.email, { after: count }), '/reset-password');
    const reset = await server.request(ResetPassword, { input: { token: linkOfA, identifier: b.input.username, newPassword: 'new password of a' } });
    assert.equal(session(reset.data!.resetPassword).user.id, String(a.id));
    // B still signs in with B's password, and B's session still works.
    assert.equal((await server.request(Me, {}, { token: b.token })).errors, undefined);
    // A reset link is no verification link.
    assert.equal(errorCode(await server.request(VerifyEmail, { input: { token: linkOfA } })), 'BAD_USER_INPUT');
  });
});

describe('a link or code outliving what it was sent to (issue 23, finding 5)', () => {
  test('a reset link, and a reset or sign-in code by SMS, stop working once their address is no longer the account\'s', async () => {
    const server = await recoveryServer();
    const user = await account(server);
    let count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: user.input.email } });
    const resetLink = linkToken(await lastMailTo(smtp, user.input.email, { after: count }), '/reset-password');
    let before = sms.received.length;
    await server.request(RequestSignInCode, { input: { identifier: user.phone } });
    const signInCode = smsCode(await sms.lastTo(user.phone, { after: before }));

    // The owner moves to a new email and a new phone (proved, as updateProfile needs), and confirms both.
    const newEmail = `moved-${user.input.email}`;
    count = smtp.messages.length;
    before = sms.received.length;
    assert.equal((await server.request(UpdateProfile, { input: { email: newEmail, phone: '089-765-4321' } }, { token: user.token })).errors, undefined);
    await server.request(VerifyEmail, { input: { token: linkToken(await lastMailTo(smtp, newEmail, { after: count }), '/verify-email') } });
    const phoneCode = smsCode(await sms.lastTo('+66897654321', { after: before }));
    assert.equal((await server.request(VerifyPhone, { input: { code: phoneCode } }, { token: user.token })).errors, undefined);
    const me = (await server.request(Me, {}, { token: user.token })).data!.me;
    assert.deepEqual([me.email, me.phone], [newEmail, '+66897654321']);

    // Whoever still reads the old mailbox or the old number gets nothing from the links and codes sent there.
    for (const transport of TRANSPORTS) {
      const reset = await over(server, transport, ResetPassword, { input: { token: resetLink, newPassword: 'taken over at last 1' } });
      assert.equal(reset.errors?.[0]?.extensions?.reason, 'INVALID_TOKEN', `reset link over ${transport}`);
    }
    assert.equal(errorCode(await server.request(SignInWithCode, { input: { identifier: newEmail, code: signInCode } })), 'BAD_USER_INPUT');
    assert.equal((await server.request(Me, {}, { token: user.token })).data?.me.email, newEmail, 'nothing changed');
  });

  test('changing the password voids every reset link and sign-in code sent before', async () => {
    const server = await recoveryServer();
    const user = await account(server);
    let count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: user.input.email } });
    const resetLink = linkToken(await lastMailTo(smtp, user.input.email, { after: count }), '/reset-password');
    count = smtp.messages.length;
    await server.request(RequestSignInCode, { input: { identifier: user.input.email } });
    const code = /Your sign-in code is (\d{6})/.exec((await lastMailTo(smtp, user.input.email, { after: count })).subject ?? '')![1]!;

    assert.equal((await server.request(ChangePassword, { input: { currentPassword: user.input.password, newPassword: 'a brand new lantern 9' } }, { token: user.token })).errors, undefined);
    for (const transport of TRANSPORTS) {
      const reset = await over(server, transport, ResetPassword, { input: { token: resetLink, newPassword: 'someone else sets it 2' } });
      assert.equal(reset.errors?.[0]?.extensions?.reason, 'INVALID_TOKEN', `reset link over ${transport}`);
    }
    assert.equal(errorCode(await server.request(SignInWithCode, { input: { identifier: user.input.email, code } })), 'BAD_USER_INPUT');
    // A link asked for after the change works.
    count = smtp.messages.length;
    await server.request(RequestPasswordReset, { input: { identifier: user.input.email } });
    const fresh = linkToken(await lastMailTo(smtp, user.input.email, { after: count }), '/reset-password');
    assert.equal((await server.request(ResetPassword, { input: { token: fresh, newPassword: 'the owner again 3' } })).errors, undefined);
    assert.ok((await server.request(Reauthenticate, { input: { password: 'x' } }, { token: user.token })).errors, 'the reset signed the old session out');
  });
});

describe('enumeration', () => {
  test('an existing and an unknown identifier get the same answer over every transport', async () => {
    const server = await recoveryServer();
    const user = await account(server);
    for (const transport of TRANSPORTS) {
      const pairs = [
        [await over(server, transport, RequestPasswordReset, { input: { identifier: user.input.username } }), await over(server, transport, RequestPasswordReset, { input: { identifier: `nobody_${user.id}_${transport}` } })],
        [await over(server, transport, RequestSignInCode, { input: { identifier: user.input.email } }), await over(server, transport, RequestSignInCode, { input: { identifier: `nobody_${user.id}_${transport}@example.com` } })],
      ];
      for (const [known, unknown] of pairs) {
        assert.equal(known!.errors, undefined, JSON.stringify(known));
        assert.deepEqual(known, unknown, `the same answer over ${transport}`);
      }
    }
  });

  test('requestPasswordReset takes the same time for an existing and an unknown identifier (medians reported)', async () => {
    const server = await recoveryServer({ RATE_LIMIT_RECOVERY_IDENTIFIER: '100000/60', RATE_LIMIT_RECOVERY_IP: '100000/60', RATE_LIMIT_RECOVERY_ACCOUNT: '100000/60' });
    const users = await Promise.all([account(server), account(server), account(server)]);
    const time = async (identifier: string) => {
      const started = performance.now();
      const result = await server.request(RequestPasswordReset, { input: { identifier } });
      const elapsed = performance.now() - started;
      assert.equal(result.data!.requestPasswordReset, true);
      return elapsed;
    };
    const existing: number[] = [];
    const unknown: number[] = [];
    // Warm both paths, then interleave, so neither side gets the quieter moments.
    for (const u of users) await time(u.input.email);
    await time('warm-up-nobody@example.com');
    for (let i = 0; i < 40; i += 1) {
      existing.push(await time(users[i % 3]!.input.email));
      unknown.push(await time(`nobody-${i}@example.com`));
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const [e, u] = [median(existing), median(unknown)];
    console.log(`requestPasswordReset medians over 40 each: existing ${e.toFixed(2)} ms, unknown ${u.toFixed(2)} ms`);
    // The answer is given before the account is looked up, so any gap is noise: the bound only catches a path that waits on the lookup or the send.
    assert.ok(Math.abs(e - u) < Math.max(3, 0.5 * Math.min(e, u)), `existing ${e.toFixed(2)} ms vs unknown ${u.toFixed(2)} ms`);
  });
});

describe('flooding', () => {
  test("someone's inbox or phone gets at most RATE_LIMIT_RECOVERY_IDENTIFIER messages per identifier and RATE_LIMIT_RECOVERY_ACCOUNT per account", async () => {
    const server = await recoveryServer({ RATE_LIMIT_RECOVERY_IP: '100000/60', TRUST_PROXY: 'true' });
    const victim = await account(server);
    const identifiers = [victim.input.username, victim.input.email, victim.phone, victim.input.email.toUpperCase()];
    const answers: unknown[] = [];
    for (let i = 0; i < 24; i += 1) {
      const identifier = identifiers[i % identifiers.length]!;
      const result =
        i % 3 === 0
          ? await server.request(RequestPasswordReset, { input: { identifier } }, { headers: { 'x-forwarded-for': `203.0.113.${i}` } })
          : i % 2
            ? await over(server, TRANSPORTS[i % 3]!, RequestSignInCode, { input: { identifier } })
            : await over(server, TRANSPORTS[i % 3]!, RequestPasswordReset, { input: { identifier } });
      answers.push(errorCode(result as ExecutionResult<unknown>) ?? 'ok');
    }
    // Per identifier (email in any case is one identifier): 5 each, so the 6th of each is refused at once.
    assert.ok(answers.includes('RATE_LIMITED'));
    // Per account: 10 messages at most, whatever named it, from wherever.
    await eventually(
      async () => {
        const [row] = await server.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM login_history WHERE user_id = ${victim.id} AND reason IN ('PASSWORD_RESET_REQUESTED', 'SIGN_IN_CODE_REQUESTED')`);
        return Number(row!.n) === 10;
      },
      { timeoutMs: 5000, what: 'ten requests recorded for the account' },
    );
    const [sent] = await server.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM outbox WHERE kind IN ('password_reset', 'sign_in_code') AND recipient IN ('${victim.input.email}', '${victim.phone}')`);
    assert.equal(Number(sent!.n), 10);
  });

  test('one address asking for many identifiers is held to RATE_LIMIT_RECOVERY_IP', async () => {
    const server = await recoveryServer({ RATE_LIMIT_RECOVERY_IP: '6/3600' });
    const results: unknown[] = [];
    for (let i = 0; i < 9; i += 1) results.push(errorCode(await over(server, TRANSPORTS[i % 3]!, RequestPasswordReset, { input: { identifier: `someone${i}@example.com` } })));
    assert.deepEqual(results, [undefined, undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
