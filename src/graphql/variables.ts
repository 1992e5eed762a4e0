// Variable values are checked before an operation runs, as graphql-js checks them, but refused with messages that
// neither echo what was sent (a huge string, an upload's internals) nor suggest names (in production). graphql-js
// then coerces the same values again and cannot fail.
import { coerceInputValue, getOperationAST, GraphQLError, isInputType, isNonNullType, typeFromAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { clientMessage, describeValue, type MessageOptions } from './client-messages.js';

/** As graphql-js: past this many, a client learns nothing more, and a long list of bad items is not walked to its end. */
const MAX_ERRORS = 50;

class TooManyErrors extends Error {}

interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Readonly<Record<string, unknown>> | null;
}

function printPath(path: readonly (string | number)[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}

/** Why the operation's variables cannot be used; empty when they can. */
export function variableErrors({ schema, document, operationName, variableValues }: Operation, options: MessageOptions): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  const inputs = variableValues ?? {};
  const errors: GraphQLError[] = [];
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // Validation has refused such a document already.
    if (!type || !isInputType(type)) continue;
    const report = (message: string) => {
      if (errors.length >= MAX_ERRORS) {
        errors.push(new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.', { extensions: { code: 'BAD_USER_INPUT' } }));
        throw new TooManyErrors();
      }
      errors.push(new GraphQLError(message, { nodes: definition, extensions: { code: 'BAD_USER_INPUT' } }));
    };
    try {
      if (!Object.hasOwn(inputs, name)) {
        if (!definition.defaultValue && isNonNullType(type)) report(`Variable "$${name}" of required type "${String(type)}" was not provided.`);
        continue;
      }
      const value = inputs[name];
      if (value === null && isNonNullType(type)) {
        report(`Variable "$${name}" of non-null type "${String(type)}" must not be null.`);
        continue;
      }
      coerceInputValue(value, type, (path, invalid, error) => {
        const at = path.length > 0 ? ` at "${name}${printPath(path)}"` : '';
        const reason = clientMessage(error.message, options, { value: invalid });
        report(clientMessage(`Variable "$${name}" got invalid value ${describeValue(invalid)}${at}; ${reason}`, options));
      });
    } catch (error) {
      if (error instanceof TooManyErrors) break;
      throw error;
    }
  }
  return errors;
}

/** Refuses operations whose variables do not fit their types, over every transport (an envelop hook, see pipeline.ts). */
export function useSafeVariables(options: MessageOptions): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const errors = variableErrors(args, options);
        return errors.length > 0 ? { errors } : executeFn(args);
      });
    },
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn((args) => {
        const errors = variableErrors(args, options);
        return errors.length > 0 ? { errors } : subscribeFn(args);
      });
    },
  };
}
