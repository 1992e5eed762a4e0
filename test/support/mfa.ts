// TOTP as an authenticator app computes it (otpauth, from the secret the enrollment answered), and enrollment in one call.
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { ConfirmTotpEnrollment, StartTotpEnrollment } from './operations.js';
import type { TestServer } from './server.js';

export function authenticator(secret: string): TOTP {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** The code `steps` 30-second steps from now (negative: a phone whose clock is behind). */
export const codeAt = (totp: TOTP, steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 });

/** Waits out the end of a step, so a test that uses several codes does not see the step change under it. */
export async function freshStep(marginMs = 8_000): Promise<void> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** Turns TOTP on for the holder of `token`; the step of the confirming code is used up. */
export async function enrollTotp(server: TestServer, token: string) {
  const started = await server.request(StartTotpEnrollment, {}, { token });
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const { secret, otpauthUri, qrCodeSvg } = started.data!.startTotpEnrollment;
  const totp = authenticator(secret);
  // A step behind: the confirmation uses it up, and the current code stays free for the first sign-in.
  const confirmed = await server.request(ConfirmTotpEnrollment, { input: { code: codeAt(totp, -1) } }, { token });
  assert.equal(confirmed.errors, undefined, JSON.stringify(confirmed.errors));
  return { secret, otpauthUri, qrCodeSvg, totp, backupCodes: confirmed.data!.confirmTotpEnrollment.backupCodes, confirmed: confirmed.data!.confirmTotpEnrollment };
}
