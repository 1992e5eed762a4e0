// Creating users through the API, as a client would.
import assert from 'node:assert/strict';
import { Login, RegisterUser } from './operations.js';
import type { TestServer } from './server.js';

let counter = 0;

export interface NewUserInput {
  username: string;
  email: string;
  phone: string;
  password: string;
}

/** A fresh, valid registration input; each call gets its own username, email and phone. */
export function newUserInput(overrides: Partial<NewUserInput> = {}): NewUserInput {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  const tag = process.pid % 1000;
  return {
    username: `user${tag}_${n}`,
    email: `user${tag}_${n}@example.com`,
    phone: `081-${String(tag).padStart(3, '0')}-${n}`,
    password: 'correct horse battery',
    ...overrides,
  };
}

export async function registerUser(server: TestServer, overrides: Partial<NewUserInput> = {}) {
  const input = newUserInput(overrides);
  const result = await server.request(RegisterUser, { input });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const { token, user, expiresAt, refreshToken, refreshTokenExpiresAt } = result.data!.registerUser;
  return { input, token, user, expiresAt, refreshToken, refreshTokenExpiresAt, id: Number(user.id) };
}

/** Signs in as the admin every test server is seeded with. */
export async function loginAsAdmin(server: TestServer) {
  const result = await server.request(Login, { input: { identifier: 'root_admin', password: 'admin-password-1' } });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return { token: result.data!.login.token, id: Number(result.data!.login.user.id) };
}

/** Gives a user one of the seeded roles, straight in the database (the admin API is tested on its own). */
export async function setRole(server: TestServer, userId: number, role: 'Admin' | 'Moderator' | 'User') {
  await server.db.query('UPDATE users SET role_id = (SELECT id FROM roles WHERE name = ?) WHERE id = ?', [role, userId]);
}
