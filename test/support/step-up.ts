// Step-up in tests: make a user's sessions look signed in some time ago, with what the account holds now held then.
import type { TestServer } from './server.js';

/**
 * Every session of the user proved who holds it `seconds` ago (sessions.proved_at), and every way in the account
 * has now already existed by then (the password, TOTP, backup codes, passkeys), as for a sign-in made that long
 * before: re-authenticating with any of them is then accepted (a factor added after the proof would not be).
 */
export async function provedAgo(server: TestServer, userId: number | string, seconds: number): Promise<void> {
  const id = Number(userId);
  const before = `NOW(3) - INTERVAL ${Number(seconds) + 1} SECOND`;
  await server.db.query('UPDATE sessions SET proved_at = NOW(3) - INTERVAL ? SECOND WHERE user_id = ?', [seconds, id]);
  await server.db.query(`UPDATE users SET password_changed_at = LEAST(COALESCE(password_changed_at, ${before}), ${before}) WHERE id = ?`, [id]);
  await server.db.query(`UPDATE mfa_totp SET enabled_at = LEAST(enabled_at, ${before}) WHERE user_id = ? AND enabled_at IS NOT NULL`, [id]);
  await server.db.query(`UPDATE mfa_backup_codes SET created_at = LEAST(created_at, ${before}) WHERE user_id = ?`, [id]);
  await server.db.query(`UPDATE passkeys SET created_at = LEAST(created_at, ${before}) WHERE user_id = ?`, [id]);
}
