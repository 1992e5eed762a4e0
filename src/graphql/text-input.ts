// Every string a client sends as a GraphQL argument or input field, from a literal or a variable, over any transport,
// is checked here (after coercion, before the field's resolver or subscribe runs) against ../text.ts: ill-formed
// UTF-16, control characters, direction overrides and invisible format characters are a BAD_USER_INPUT naming the
// field. A field opts into more with `...multilineText` or `...secretText` in its options.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { badInput } from '../errors.js';
import { findTextProblem, type TextMode } from '../text.js';

/** Options for an argument or input field holding free text that may span lines (messages, reasons). */
export const multilineText = { extensions: { text: 'multiline' satisfies TextMode } } as const;
/** Options for a password: only well-formedness is checked, see TextMode. */
export const secretText = { extensions: { text: 'secret' satisfies TextMode } } as const;

const modeOf = (field: GraphQLArgument | GraphQLInputField): TextMode => (field.extensions.text as TextMode | undefined) ?? 'line';

function checkValue(value: unknown, type: GraphQLInputType, name: string, mode: TextMode): void {
  if (value == null) return;
  if (isNonNullType(type)) return checkValue(value, type.ofType, name, mode);
  if (isListType(type)) {
    if (Array.isArray(value)) for (const item of value) checkValue(item, type.ofType, name, mode);
    return;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) checkValue((value as Record<string, unknown>)[field.name], field.type, field.name, modeOf(field));
    return;
  }
  // Strings of any scalar (String, ID, or a custom one that keeps its input as text); enums and parsed values pass.
  if (isScalarType(type) && typeof value === 'string') {
    const problem = findTextProblem(value, mode);
    if (problem) throw badInput(name, `"${name}" ${problem.message}`);
  }
}

/** Whether any argument can carry a string at all; most fields' arguments are ids, counts and enums' siblings. */
function carriesText(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  if (isNonNullType(type) || isListType(type)) return carriesText(type.ofType, seen);
  if (isInputObjectType(type)) {
    if (seen.has(type)) return false;
    seen.add(type);
    return Object.values(type.getFields()).some((field) => carriesText(field.type, seen));
  }
  return isScalarType(type);
}

const textArguments = new WeakMap<GraphQLField<unknown, unknown>, readonly GraphQLArgument[]>();

function checkArguments(args: Record<string, unknown>, info: GraphQLResolveInfo): void {
  const field = info.parentType.getFields()[info.fieldName]!;
  let checked = textArguments.get(field);
  if (!checked) textArguments.set(field, (checked = field.args.filter((arg) => carriesText(arg.type))));
  for (const arg of checked) checkValue(args[arg.name], arg.type, arg.name, modeOf(arg));
}

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

export class TextInputPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      checkArguments(args as Record<string, unknown>, info);
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(subscribe: Resolver<Types> | undefined, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    if (!subscribe || Object.keys(fieldConfig.args).length === 0) return subscribe;
    return (parent, args, context, info) => {
      checkArguments(args as Record<string, unknown>, info);
      return subscribe(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      textInput: TextInputPlugin<Types>;
    }
  }
}

/** The plugin's name, for the builder's `plugins` list. */
export const TEXT_INPUT_PLUGIN = 'textInput';
SchemaBuilder.registerPlugin(TEXT_INPUT_PLUGIN, TextInputPlugin);
