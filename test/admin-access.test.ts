// Who may use each admin field: admin, moderator, member and anonymous callers against every query and mutation.
// Refused callers get FORBIDDEN (signed in) or UNAUTHENTICATED (no token), no data, and change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { graphql } from './gql/index.js';
import {
  ChangeUserRole,
  CreatePermission,
  CreateRole,
  DeletePermission,
  DeleteRole,
  DeleteUser,
  LoginHistory,
  PermissionHistory,
  Permissions,
  Roles,
  SetUserStatus,
  UpdatePermission,
  UpdateRole,
  User,
  UserRoleHistory,
  Users,
  UserStats,
} from './support/admin-operations.js';
import { accountWithRole, register, roleIds, signInRootAdmin } from './support/accounts.js';
import { errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const MyRole = graphql(`
  query MyRole {
    me {
      id
      role {
        name
        userCount
        permissions {
          name
        }
      }
    }
  }
`);

type Caller = 'anonymous' | 'member' | 'moderator' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'member', 'moderator', 'admin'];

let server: TestServer;
const tokens: Partial<Record<Caller, string>> = {};
let adminToken: string;
let roleId: Record<string, string>;
let counter = 0;

before(async () => {
  server = await startTestServer();
  adminToken = (await signInRootAdmin(server)).token;
  tokens.admin = adminToken;
  tokens.member = (await register(server)).token;
  tokens.moderator = (await accountWithRole(server, adminToken, 'Moderator')).token;
  roleId = await roleIds(server, adminToken);
});
after(async () => {
  await server?.close();
});

/** Everything an admin field could change, to show a refused call changed none of it. */
async function stateSnapshot(): Promise<string> {
  const [row] = await server.db.query(`
    SELECT (SELECT COUNT(*) FROM roles) AS roles, (SELECT COUNT(*) FROM permissions) AS permissions,
           (SELECT COUNT(*) FROM role_permissions) AS grants, (SELECT COUNT(*) FROM permission_history) AS history,
           (SELECT COUNT(*) FROM users WHERE deleted_at IS NULL AND is_active) AS active_users,
           (SELECT GROUP_CONCAT(role_id ORDER BY id) FROM users) AS user_roles,
           (SELECT COUNT(*) FROM sessions WHERE revoked_at IS NOT NULL) AS revoked_sessions,
           (SELECT GROUP_CONCAT(CONCAT(name, '=', description) ORDER BY id) FROM roles) AS role_names,
           (SELECT GROUP_CONCAT(CONCAT(name, '=', description) ORDER BY id) FROM permissions) AS permission_names`);
  return JSON.stringify(row);
}

const unique = (prefix: string) => `${prefix}${(counter += 1)}`;

interface Case {
  field: string;
  allowed: Caller[];
  /** Arranges what the call needs (as the admin) and returns the call. */
  prepare(): Promise<(token: string | undefined) => Promise<GraphQLResponse<unknown>>>;
}

const newRole = async () => (await server.request(CreateRole, { input: { name: unique('Access role ') } }, { token: adminToken })).data!.createRole.role.id;
const newPermission = async () =>
  (await server.request(CreatePermission, { input: { name: unique('access:thing') } }, { token: adminToken })).data!.createPermission.permission.id;
const newUser = async () => (await register(server)).id;

const ADMIN_ONLY: Caller[] = ['admin'];
const STAFF: Caller[] = ['admin', 'moderator'];
const SIGNED_IN: Caller[] = ['admin', 'moderator', 'member'];

const cases: Case[] = [
  { field: 'roles', allowed: ADMIN_ONLY, prepare: async () => (token) => server.request(Roles, {}, { token }) },
  { field: 'permissions', allowed: ADMIN_ONLY, prepare: async () => (token) => server.request(Permissions, {}, { token }) },
  { field: 'permissionHistory', allowed: ADMIN_ONLY, prepare: async () => (token) => server.request(PermissionHistory, { first: 5 }, { token }) },
  {
    field: 'userRoleHistory',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const userId = await newUser();
      return (token) => server.request(UserRoleHistory, { userId }, { token });
    },
  },
  { field: 'createRole', allowed: ADMIN_ONLY, prepare: async () => (token) => server.request(CreateRole, { input: { name: unique('Created ') } }, { token }) },
  {
    field: 'updateRole',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const id = await newRole();
      return (token) => server.request(UpdateRole, { input: { id, description: 'changed' } }, { token });
    },
  },
  {
    field: 'deleteRole',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const id = await newRole();
      return (token) => server.request(DeleteRole, { input: { id } }, { token });
    },
  },
  { field: 'createPermission', allowed: ADMIN_ONLY, prepare: async () => (token) => server.request(CreatePermission, { input: { name: unique('made:here') } }, { token }) },
  {
    field: 'updatePermission',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const id = await newPermission();
      return (token) => server.request(UpdatePermission, { input: { id, description: 'changed' } }, { token });
    },
  },
  {
    field: 'deletePermission',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const id = await newPermission();
      return (token) => server.request(DeletePermission, { input: { id } }, { token });
    },
  },
  {
    field: 'changeUserRole',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const userId = await newUser();
      return (token) => server.request(ChangeUserRole, { input: { userId, roleId: roleId.Moderator! } }, { token });
    },
  },
  {
    field: 'setUserStatus',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const userId = await newUser();
      return (token) => server.request(SetUserStatus, { input: { userId, active: false } }, { token });
    },
  },
  {
    field: 'deleteUser',
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const userId = await newUser();
      return (token) => server.request(DeleteUser, { input: { userId } }, { token });
    },
  },
  { field: 'users', allowed: SIGNED_IN, prepare: async () => (token) => server.request(Users, { first: 5 }, { token }) },
  {
    field: 'user',
    allowed: SIGNED_IN,
    prepare: async () => {
      const id = await newUser();
      return (token) => server.request(User, { id }, { token });
    },
  },
  { field: 'loginHistory', allowed: STAFF, prepare: async () => (token) => server.request(LoginHistory, { first: 5 }, { token }) },
  { field: 'userStats', allowed: STAFF, prepare: async () => (token) => server.request(UserStats, {}, { token }) },
];

describe('every admin field declares who may use it', () => {
  for (const { field, allowed, prepare } of cases) {
    for (const caller of CALLERS) {
      const expected = allowed.includes(caller) ? 'allowed' : caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      test(`${field} as ${caller}: ${expected}`, async () => {
        const call = await prepare();
        const before = await stateSnapshot();
        const result = await call(tokens[caller]);
        if (expected === 'allowed') {
          assert.equal(result.errors, undefined, JSON.stringify(result.errors));
          assert.ok(result.data && (result.data as Record<string, unknown>)[field], 'answers with data');
          return;
        }
        assert.equal(errorCode(result), expected);
        assert.deepEqual(result.errors![0]!.path, [field]);
        assert.equal(result.data, null, 'no data at all');
        assert.equal(await stateSnapshot(), before, 'and nothing changed');
      });
    }
  }
});

describe('fields inside types check their own permission', () => {
  test("Role.userCount needs role:manage; the role's permissions are visible to its holder", async () => {
    const member = await server.request(MyRole, {}, { token: tokens.member });
    assert.equal(member.data!.me.role.userCount, null);
    assert.equal(errorCode(member), 'FORBIDDEN');
    assert.deepEqual(member.errors![0]!.path, ['me', 'role', 'userCount']);
    assert.deepEqual(member.data!.me.role.permissions, [{ name: 'user:read' }]);

    const admin = await server.request(MyRole, {}, { token: adminToken });
    assert.equal(admin.errors, undefined);
    assert.equal(admin.data!.me.role.userCount, 1);
  });

  test('a broken or expired token is UNAUTHENTICATED on admin fields too, not FORBIDDEN', async () => {
    assert.equal(errorCode(await server.request(Roles, {}, { token: 'not-a-token' })), 'UNAUTHENTICATED');
    const [header, payload] = adminToken.split('.');
    assert.equal(errorCode(await server.request(Roles, {}, { token: `${header}.${payload}.forged` })), 'UNAUTHENTICATED');
  });
});
