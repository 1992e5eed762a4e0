// What an error message may tell a client about the schema and about what the client sent. graphql-js's messages
// suggest names ("Did you mean …?", a map of the schema for someone who may not introspect it) and echo values
// whole (a 100 KB string, or an upload's streams and file names, printed into a variable's error).
import { inspect } from 'graphql/jsutils/inspect.js';
import { Upload } from 'graphql-upload-minimal';

/** Longer quoted text in a message is replaced by its length. */
const MAX_QUOTED_CHARS = 64;
/** Room for the longest message graphql-js builds from schema names, with a value already shortened. */
const MAX_MESSAGE_CHARS = 300;

/** graphql-js appends every suggestion as " Did you mean …?" (names, enum values, "to use an inline fragment on …"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
const LONG_QUOTED = new RegExp(`"((?:[^"\\\\]|\\\\.){${MAX_QUOTED_CHARS + 1},})"`, 'g');

export interface MessageOptions {
  /** Keep graphql-js's "Did you mean …?" hints (development); off in production. */
  suggestions: boolean;
}

/** A short description of a value a client sent, in place of the value itself when that is long or not plain data. */
export function describeValue(value: unknown): string {
  if (value instanceof Upload) return '<a file upload>';
  if (typeof value === 'string') return value.length <= MAX_QUOTED_CHARS ? JSON.stringify(value) : `<a string of ${value.length} characters>`;
  if (Array.isArray(value)) return `<a list of ${value.length} items>`;
  if (value !== null && typeof value === 'object') return '<an object>';
  return String(value).slice(0, MAX_QUOTED_CHARS);
}

/**
 * The message a client is shown for a message graphql-js built: `value` (what the client sent, when the message is
 * about it) described rather than printed, suggestions dropped unless allowed, long quoted text shortened.
 */
export function clientMessage(message: string, options: MessageOptions, sent?: { value: unknown }): string {
  let text = message;
  if (sent) {
    const printed = inspect(sent.value);
    const described = describeValue(sent.value);
    if (printed !== described) text = text.split(printed).join(described);
  }
  if (!options.suggestions) text = text.replace(SUGGESTION, '');
  text = text.replace(LONG_QUOTED, (_, quoted: string) => `<a string of ${quoted.length} characters>`);
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}
