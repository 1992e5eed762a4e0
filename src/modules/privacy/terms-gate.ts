// With TERMS_VERSION set, a signed-in user who has not accepted that version can read but not change anything:
// mutations other than ALLOWED_WITHOUT_TERMS answer FORBIDDEN, reason TERMS_NOT_ACCEPTED, until acceptTerms. An
// envelop hook (not a Yoga HTTP hook), so it holds on HTTP, SSE and graphql-ws alike (see graphql/pipeline.ts).
import { getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/context.js';
import { typedGraphQLError } from '../../graphql/errors.js';
import { ALLOWED_WITHOUT_TERMS, hasAcceptedTerms, termsNotAccepted } from './consent.js';

/** Whether every root field is allowed; a fragment spread at the root counts as not (it could hold anything). */
function onlyAllowed(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' || ALLOWED_WITHOUT_TERMS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return onlyAllowed(selection.selectionSet);
    return false;
  });
}

export function useTermsGate(): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as Context;
      const version = ctx.runtime.config.privacy.termsVersion;
      if (!version) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation' || onlyAllowed(operation.selectionSet)) return;
      // Anonymous callers (and bad tokens) are left to the fields' own checks.
      const viewer = await ctx.auth.viewer().catch(() => null);
      if (!viewer || (await hasAcceptedTerms(ctx.runtime.db, version, viewer.user.id))) return;
      setResultAndStopExecution({ errors: [typedGraphQLError(termsNotAccepted(version))] });
    },
  };
}
