// The operations the tests send, written as a frontend team would; typed by `npm run codegen`.
import { graphql } from '../gql/index.js';

export const RegisterUser = graphql(`
  mutation RegisterUser($input: RegisterUserInput!) {
    registerUser(input: $input) {
      token
      expiresAt
      user {
        id
        username
        email
        phone
        isActive
        role {
          name
        }
      }
    }
  }
`);

export const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user {
        id
        username
        email
      }
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout {
      success
    }
  }
`);

export const Me = graphql(`
  query Me {
    me {
      id
      username
      email
      phone
      isActive
      createdAt
      role {
        name
      }
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        username
        email
        phone
      }
    }
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      success
      revokedSessions
    }
  }
`);
