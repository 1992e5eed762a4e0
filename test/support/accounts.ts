// Accounts for tests, made through the API as a client would: fresh users of any role, and the seeded admin.
import assert from 'node:assert/strict';
import { ChangeUserRole, Roles } from './admin-operations.js';
import { Login, RegisterUser } from './operations.js';
import type { TestServer } from './server.js';
import { session } from './sign-in.js';

/** The first admin every test server seeds (see startTestServer). */
export const ROOT_ADMIN = { username: 'root_admin', password: 'admin-password-1' };

let counter = 0;

export interface NewUserInput {
  username: string;
  email: string;
  phone: string;
  password: string;
  /** True by default: required when the server has a TERMS_VERSION, ignored otherwise. */
  acceptTerms?: boolean;
}

/** A fresh, valid registration input; each call gets its own username, email and phone (a Thai mobile number). */
export function newUserInput(overrides: Partial<NewUserInput> = {}): NewUserInput {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  const tag = String(process.pid % 1000).padStart(3, '0');
  return {
    username: `user${tag}_${n}`,
    email: `user${tag}_${n}@example.com`,
    phone: `081-${tag}-${n}`,
    password: 'correct horse battery',
    acceptTerms: true,
    ...overrides,
  };
}

/** Registers a fresh user and returns everything the API answered, with the input used. */
export async function registerUser(server: TestServer, overrides: Partial<NewUserInput> = {}) {
  const input = newUserInput(overrides);
  const result = await server.request(RegisterUser, { input });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const { token, user, expiresAt, refreshToken, refreshTokenExpiresAt } = session(result.data!.registerUser);
  return { input, token, user, expiresAt, refreshToken, refreshTokenExpiresAt, id: Number(user.id) };
}

export interface Account {
  id: string;
  token: string;
  username: string;
  email: string;
  /** E.164, as stored. */
  phone: string;
  password: string;
}

/** A fresh user, in the flat shape the admin tests use. */
export async function register(server: TestServer, overrides: Partial<NewUserInput> = {}): Promise<Account> {
  const { input, token, user } = await registerUser(server, overrides);
  return { id: user.id, token, username: user.username, email: user.email!, phone: user.phone!, password: input.password };
}

export async function login(server: TestServer, identifier: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const result = await server.request(Login, { input: { identifier, password } }, { headers });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return session(result.data!.login).token;
}

export async function signInRootAdmin(server: TestServer): Promise<{ id: string; token: string }> {
  const result = await server.request(Login, { input: { identifier: ROOT_ADMIN.username, password: ROOT_ADMIN.password } });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return { id: session(result.data!.login).user.id, token: session(result.data!.login).token };
}

/** Role ids by name. */
export async function roleIds(server: TestServer, adminToken: string): Promise<Record<string, string>> {
  const result = await server.request(Roles, {}, { token: adminToken });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return Object.fromEntries(result.data!.roles.map((r) => [r.name, r.id]));
}

/** A fresh account moved to `roleName` by the admin. Its token stays valid: permissions are read per request. */
export async function accountWithRole(server: TestServer, adminToken: string, roleName: string, overrides: Partial<NewUserInput> = {}): Promise<Account> {
  const account = await register(server, overrides);
  if (roleName !== 'User') {
    const roleId = (await roleIds(server, adminToken))[roleName];
    assert.ok(roleId, `role ${roleName} exists`);
    const changed = await server.request(ChangeUserRole, { input: { userId: account.id, roleId } }, { token: adminToken });
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
  }
  return account;
}
