// The passkey operations the tests send; typed by `npm run codegen`.
import { graphql } from '../gql/index.js';

export const StartPasskeyRegistration = graphql(`
  mutation StartPasskeyRegistration {
    startPasskeyRegistration {
      options
    }
  }
`);

export const FinishPasskeyRegistration = graphql(`
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) {
      passkey {
        id
        name
        createdAt
        lastUsedAt
        deviceType
        backedUp
        flagged
      }
    }
  }
`);

export const MyPasskeys = graphql(`
  query MyPasskeys {
    myPasskeys {
      id
      name
      createdAt
      lastUsedAt
      deviceType
      backedUp
      flagged
    }
  }
`);

export const RenamePasskey = graphql(`
  mutation RenamePasskey($input: RenamePasskeyInput!) {
    renamePasskey(input: $input) {
      passkey {
        id
        name
      }
    }
  }
`);

export const RemovePasskey = graphql(`
  mutation RemovePasskey($input: RemovePasskeyInput!) {
    removePasskey(input: $input) {
      removedPasskeyId
    }
  }
`);

export const StartPasskeySignIn = graphql(`
  mutation StartPasskeySignIn {
    startPasskeySignIn {
      challengeId
      options
    }
  }
`);

export const FinishPasskeySignIn = graphql(`
  mutation FinishPasskeySignIn($input: FinishPasskeySignInInput!) {
    finishPasskeySignIn(input: $input) {
      token
      refreshToken
      user {
        id
        username
      }
    }
  }
`);

export const StartMfaChallenge = graphql(`
  mutation StartMfaChallenge($input: StartMfaChallengeInput!) {
    startMfaChallenge(input: $input) {
      options
    }
  }
`);

export const StartReauthentication = graphql(`
  mutation StartReauthentication {
    startReauthentication {
      options
    }
  }
`);
