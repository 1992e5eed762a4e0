// Sign-in mutations answer a union (a session, or a second-factor challenge, or an email to verify first): these
// narrow an answer to the member a test expects, failing with what came instead.
type Member<T, Name extends string> = Extract<NonNullable<T>, { __typename?: Name }>;

function member<Name extends string>(name: Name) {
  return <T extends { __typename?: string } | null | undefined>(result: T): Member<T, Name> => {
    if (!result || result.__typename !== name) throw new Error(`expected ${name}, got ${JSON.stringify(result)}`);
    return result as Member<T, Name>;
  };
}

/** The AuthPayload of login, registerUser, resetPassword, signInWithCode, completeMfaSignIn. */
export const session = member('AuthPayload');
/** The MfaChallenge of a sign-in by an account with a second factor. */
export const challenge = member('MfaChallenge');
