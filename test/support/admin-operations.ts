// The operations an admin console would send: roles, permissions, history, user administration and reports.
import { graphql } from '../gql/index.js';

export const Roles = graphql(`
  query Roles {
    roles {
      id
      name
      description
      isSystem
      userCount
      permissions {
        id
        name
      }
    }
  }
`);

export const Permissions = graphql(`
  query Permissions {
    permissions {
      id
      name
      description
      isSystem
    }
  }
`);

export const CreateRole = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      role {
        id
        name
        description
        isSystem
        permissions {
          name
        }
      }
    }
  }
`);

export const UpdateRole = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      role {
        id
        name
        description
        permissions {
          name
        }
      }
    }
  }
`);

export const DeleteRole = graphql(`
  mutation DeleteRole($input: DeleteRoleInput!) {
    deleteRole(input: $input) {
      deletedRoleId
    }
  }
`);

export const CreatePermission = graphql(`
  mutation CreatePermission($input: CreatePermissionInput!) {
    createPermission(input: $input) {
      permission {
        id
        name
        description
        isSystem
      }
    }
  }
`);

export const UpdatePermission = graphql(`
  mutation UpdatePermission($input: UpdatePermissionInput!) {
    updatePermission(input: $input) {
      permission {
        id
        name
        description
      }
    }
  }
`);

export const DeletePermission = graphql(`
  mutation DeletePermission($input: DeletePermissionInput!) {
    deletePermission(input: $input) {
      deletedPermissionId
      revokedFromRoles
    }
  }
`);

export const ChangeUserRole = graphql(`
  mutation ChangeUserRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
      user {
        id
        role {
          id
          name
        }
      }
    }
  }
`);

export const SetUserStatus = graphql(`
  mutation SetUserStatus($input: SetUserStatusInput!) {
    setUserStatus(input: $input) {
      user {
        id
        isActive
      }
      revokedSessions
    }
  }
`);

export const DeleteUser = graphql(`
  mutation DeleteUser($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
      revokedSessions
    }
  }
`);

export const Users = graphql(`
  query Users($search: String, $role: ID, $status: AccountStatus, $orderBy: UserOrder, $first: Int, $after: String, $last: Int, $before: String) {
    users(search: $search, role: $role, status: $status, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          username
          email
          phone
          isActive
          createdAt
          role {
            id
            name
          }
        }
      }
    }
  }
`);

/** The same list without totalCount, to show the count is only computed on request. */
export const UserIds = graphql(`
  query UserIds($search: String, $first: Int, $after: String) {
    users(search: $search, first: $first, after: $after) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const User = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      id
      username
      email
      phone
      isActive
      deletedAt
      role {
        id
        name
      }
    }
  }
`);

export const PermissionHistory = graphql(`
  query PermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {
    permissionHistory(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actor {
            id
            username
          }
          targetUser {
            id
            username
          }
          targetRoleId
          targetRole {
            id
            name
          }
          targetPermissionId
          targetPermission {
            id
            name
          }
          before
          after
          reason
          createdAt
        }
      }
    }
  }
`);

export const UserRoleHistory = graphql(`
  query UserRoleHistory($userId: ID!, $first: Int, $after: String) {
    userRoleHistory(userId: $userId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          action
          actor {
            id
          }
          targetUser {
            id
          }
          before
          after
          reason
        }
      }
    }
  }
`);

export const LoginHistory = graphql(`
  query LoginHistory($userId: ID, $success: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
    loginHistory(userId: $userId, success: $success, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          user {
            id
            username
          }
          identifier
          success
          reason
          ip
          userAgent
          createdAt
        }
      }
    }
  }
`);

export const UserStats = graphql(`
  query UserStats {
    userStats {
      totalUsers
      activeUsers
      disabledUsers
      deletedUsers
      byRole {
        role {
          name
        }
        count
      }
      byStatus {
        status
        count
      }
      newUsersPerDay {
        date
        count
      }
      loginsPerDay {
        date
        successful
        failed
        total
      }
    }
  }
`);
