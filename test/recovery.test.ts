// Verified email and phone, password reset and sign-in by code, through the API as a client uses them, with the
// messages delivered for real: a real SMTP server (smtp-server, parsed with mailparser) and an HTTP SMS gateway.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { login, newUserInput, registerUser } from './support/accounts.js';
import {
  Login,
  Me,
  RegisterUser,
  RequestEmailVerification,
  RequestPasswordReset,
  RequestPhoneVerification,
  RequestSignInCode,
  ResetPassword,
  SignInWithCode,
  UpdateProfile,
  VerificationState,
  VerifyEmail,
  VerifyPhone,
} from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { startSmsGateway, type SmsGateway } from './support/sms.js';
import { lastMailTo, linkToken, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { session } from './support/sign-in.js';

let server: TestServer;
let smtp: TestSmtpServer;
let sms: SmsGateway;

before(async () => {
  smtp = await startSmtpServer();
  sms = await startSmsGateway();
  server = await startTestServer({ SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, PUBLIC_URL: 'https://members.example.com', DEFAULT_LOCALE: 'en' });
});
after(async () => {
  await server.close();
  await smtp.close();
  await sms.close();
});

const smsCode = (text: string) => /^(\d{6}) /.exec(text)![1]!;

/** A new account whose registration email has arrived, so later messages can be told apart from it. */
async function registered(target: TestServer = server) {
  const account = await registerUser(target);
  await lastMailTo(smtp, account.input.email);
  return account;
}

test('registration sends a verification link; opening it verifies the email', async () => {
  const account = await registerUser(server);
  const mail = await lastMailTo(smtp, account.input.email);
  assert.equal(mail.subject, 'Verify your email address');
  assert.match(mail.text ?? '', /https:\/\/members\.example\.com\/verify-email\?token=/);
  assert.match(String(mail.html), /href="https:\/\/members\.example\.com\/verify-email\?token=/);
  const before = await server.request(VerificationState, {}, { token: account.token });
  assert.equal(before.data!.me.emailVerified, false);

  // Opened in any browser: no session needed.
  const verified = await server.request(VerifyEmail, { input: { token: linkToken(mail, '/verify-email') } });
  assert.equal(verified.errors, undefined, JSON.stringify(verified.errors));
  assert.equal((await server.request(VerificationState, {}, { token: account.token })).data!.me.emailVerified, true);
  // Nothing left to verify.
  assert.equal((await server.request(RequestEmailVerification, {}, { token: account.token })).data!.requestEmailVerification, false);
});

test('requestEmailVerification sends a new link that replaces the old one', async () => {
  const account = await registerUser(server);
  const first = await lastMailTo(smtp, account.input.email);
  const count = smtp.messages.length;
  assert.equal((await server.request(RequestEmailVerification, {}, { token: account.token })).data!.requestEmailVerification, true);
  const second = await lastMailTo(smtp, account.input.email, { after: count });
  const stale = await server.request(VerifyEmail, { input: { token: linkToken(first, '/verify-email') } });
  assert.equal(errorCode(stale), 'BAD_USER_INPUT');
  assert.equal(stale.errors![0]!.extensions!.reason, 'INVALID_TOKEN');
  const fresh = await server.request(VerifyEmail, { input: { token: linkToken(second, '/verify-email') } });
  assert.equal(fresh.errors, undefined, JSON.stringify(fresh.errors));
});

test('requestPhoneVerification sends a 6-digit code by SMS; verifyPhone with it verifies the phone', async () => {
  const account = await registerUser(server);
  const { phone } = (await server.request(Me, {}, { token: account.token })).data!.me;
  assert.equal((await server.request(RequestPhoneVerification, {}, { token: account.token })).data!.requestPhoneVerification, true);
  const text = await sms.lastTo(phone!);
  assert.match(text, /^\d{6} is your code to verify your phone number/);
  const wrong = await server.request(VerifyPhone, { input: { code: smsCode(text) === '000000' ? '111111' : '000000' } }, { token: account.token });
  assert.equal(errorCode(wrong), 'BAD_USER_INPUT');
  const right = await server.request(VerifyPhone, { input: { code: smsCode(text) } }, { token: account.token });
  assert.equal(right.errors, undefined, JSON.stringify(right.errors));
  assert.equal(right.data!.verifyPhone.user.phoneVerified, true);
});

test('REQUIRE_VERIFIED_EMAIL refuses sign-in with EMAIL_NOT_VERIFIED until the link is opened', async () => {
  const strict = await startTestServer({ SMTP_URL: smtp.url, REQUIRE_VERIFIED_EMAIL: 'true' });
  try {
    // No session for the unverified account: registration says where the link went instead.
    const input = newUserInput();
    const registered = await strict.request(RegisterUser, { input });
    assert.equal(registered.data?.registerUser.__typename, 'EmailVerificationRequired', JSON.stringify(registered));
    const account = { input };
    const refused = await strict.request(Login, { input: { identifier: account.input.username, password: account.input.password } });
    assert.equal(errorCode(refused), 'EMAIL_NOT_VERIFIED');
    assert.equal(refused.data, null);
    const mail = await lastMailTo(smtp, account.input.email);
    assert.equal((await strict.request(VerifyEmail, { input: { token: linkToken(mail, '/verify-email') } })).errors, undefined);
    await login(strict, account.input.username, account.input.password);
  } finally {
    await strict.close();
  }
});

test('a reset link by email sets the password, signs out every session, signs in, and says so by email', async () => {
  const account = await registered();
  const count = smtp.messages.length;
  assert.equal((await server.request(RequestPasswordReset, { input: { identifier: account.input.email.toUpperCase() } })).data!.requestPasswordReset, true);
  const mail = await lastMailTo(smtp, account.input.email, { after: count });
  assert.equal(mail.subject, 'Reset your password');
  const reset = await server.request(ResetPassword, { input: { token: linkToken(mail, '/reset-password'), newPassword: 'a brand new password' } });
  assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
  assert.equal(session(reset.data!.resetPassword).user.id, String(account.id));
  // The old session is gone; the new one works.
  assert.equal(errorCode(await server.request(Me, {}, { token: account.token })), 'UNAUTHENTICATED');
  assert.equal((await server.request(Me, {}, { token: session(reset.data!.resetPassword).token })).errors, undefined);
  const changed = await lastMailTo(smtp, account.input.email, { after: count + 1 });
  assert.equal(changed.subject, 'Your password was changed');
  assert.equal(errorCode(await server.request(Login, { input: { identifier: account.input.username, password: account.input.password } })), 'UNAUTHENTICATED');
  await login(server, account.input.username, 'a brand new password');
  // The link proved the address.
  assert.equal((await server.request(VerificationState, {}, { token: session(reset.data!.resetPassword).token })).data!.me.emailVerified, true);
});

test('a reset asked for by phone number sends an SMS code; identifier and code reset the password and clear the lockout', async () => {
  const locking = await startTestServer({ SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, LOCKOUT_THRESHOLD: '3', DEFAULT_LOCALE: 'en' });
  try {
    const account = await registered(locking);
    const { phone } = (await locking.request(Me, {}, { token: account.token })).data!.me;
    for (let i = 0; i < 3; i += 1) await locking.request(Login, { input: { identifier: account.input.username, password: 'not the password' } });
    assert.equal(errorCode(await locking.request(Login, { input: { identifier: account.input.username, password: account.input.password } })), 'RATE_LIMITED');

    const count = sms.received.length;
    assert.equal((await locking.request(RequestPasswordReset, { input: { identifier: account.input.phone } })).data!.requestPasswordReset, true);
    const text = await sms.lastTo(phone!, { after: count });
    assert.match(text, /reset your password/);
    const reset = await locking.request(ResetPassword, { input: { identifier: account.input.phone, code: smsCode(text), newPassword: 'reset by sms code' } });
    assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
    await login(locking, account.input.username, 'reset by sms code');
  } finally {
    await locking.close();
  }
});

test('sign-in by a code sent by email or by SMS; off with PASSWORDLESS=false', async () => {
  const account = await registered();
  const { phone } = (await server.request(Me, {}, { token: account.token })).data!.me;
  const count = smtp.messages.length;
  assert.equal((await server.request(RequestSignInCode, { input: { identifier: account.input.username } })).data!.requestSignInCode, true);
  const mail = await lastMailTo(smtp, account.input.email, { after: count });
  const code = /Your sign-in code is (\d{6})/.exec(mail.subject ?? '')![1]!;
  const signedIn = await server.request(SignInWithCode, { input: { identifier: account.input.username, code } });
  assert.equal(signedIn.errors, undefined, JSON.stringify(signedIn.errors));
  assert.equal((await server.request(Me, {}, { token: session(signedIn.data!.signInWithCode).token })).data!.me.id, String(account.id));
  // Once only.
  assert.equal(errorCode(await server.request(SignInWithCode, { input: { identifier: account.input.username, code } })), 'BAD_USER_INPUT');

  const smsCount = sms.received.length;
  await server.request(RequestSignInCode, { input: { identifier: phone! } });
  const text = await sms.lastTo(phone!, { after: smsCount });
  const bySms = await server.request(SignInWithCode, { input: { identifier: phone!, code: smsCode(text) } });
  assert.equal(bySms.errors, undefined, JSON.stringify(bySms.errors));

  const off = await startTestServer({ PASSWORDLESS: 'false' });
  try {
    const refused = await off.request(RequestSignInCode, { input: { identifier: 'anyone' } });
    assert.equal(errorCode(refused), 'FORBIDDEN');
    assert.equal(errorCode(await off.request(SignInWithCode, { input: { identifier: 'anyone', code: '123456' } })), 'FORBIDDEN');
  } finally {
    await off.close();
  }
});

test('a new email in updateProfile is pending until its link is opened; the old address is told and stays in use', async () => {
  const account = await registered();
  const count = smtp.messages.length;
  const newEmail = `moved-${account.id}@example.com`;
  const asked = await server.request(UpdateProfile, { input: { email: newEmail } }, { token: account.token });
  assert.equal(asked.errors, undefined, JSON.stringify(asked.errors));
  const state = (await server.request(VerificationState, {}, { token: account.token })).data!.me;
  assert.equal(state.email, account.input.email);
  assert.equal(state.pendingEmail, newEmail);
  const notice = await lastMailTo(smtp, account.input.email, { after: count });
  assert.equal(notice.subject, 'A change of your email address was requested');
  assert.match(notice.text ?? '', new RegExp(newEmail));
  // The old address still signs in; the new one does not yet.
  await login(server, account.input.email, account.input.password);
  assert.equal(errorCode(await server.request(Login, { input: { identifier: newEmail, password: account.input.password } })), 'UNAUTHENTICATED');

  const link = await lastMailTo(smtp, newEmail, { after: count });
  const verified = await server.request(VerifyEmail, { input: { token: linkToken(link, '/verify-email') } });
  assert.equal(verified.errors, undefined, JSON.stringify(verified.errors));
  const after = (await server.request(VerificationState, {}, { token: account.token })).data!.me;
  assert.deepEqual([after.email, after.pendingEmail, after.emailVerified], [newEmail, null, true]);
  await login(server, newEmail, account.input.password);
});

test('a new phone in updateProfile is pending until the SMS code is entered', async () => {
  const account = await registered();
  const newPhone = '+66899' + String(account.id).padStart(6, '0');
  const count = sms.received.length;
  assert.equal((await server.request(UpdateProfile, { input: { phone: newPhone } }, { token: account.token })).errors, undefined);
  const state = (await server.request(VerificationState, {}, { token: account.token })).data!.me;
  assert.equal(state.pendingPhone, newPhone);
  assert.notEqual(state.phone, newPhone);
  const text = await sms.lastTo(newPhone, { after: count });
  const verified = await server.request(VerifyPhone, { input: { code: smsCode(text) } }, { token: account.token });
  assert.equal(verified.errors, undefined, JSON.stringify(verified.errors));
  assert.deepEqual([verified.data!.verifyPhone.user.phone, verified.data!.verifyPhone.user.phoneVerified], [newPhone, true]);
});

test('registrations at the same moment each get their own verification link', async () => {
  const accounts = await Promise.all(Array.from({ length: 8 }, () => registerUser(server)));
  const mails = await Promise.all(accounts.map((account) => lastMailTo(smtp, account.input.email)));
  assert.equal(new Set(mails.map((mail) => linkToken(mail, '/verify-email'))).size, 8);
});
