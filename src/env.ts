// The parsers environment variables are read with, for config.ts and the modules' config fragments, and the
// fragment itself: a module's variables, their defaults and the part of Config they make, in one file.
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { Limit } from './rate-limit.js';

export type Env = Record<string, string | undefined>;

/**
 * The proxies in front of the service: how many hops (each appends the address it was reached from to
 * X-Forwarded-For), or which addresses they connect from. Entries a client wrote itself sit left of theirs.
 */
export type TrustProxy = { hops: number } | { proxies: BlockList };

/** A module's part of the configuration; list it in CONFIG_FRAGMENTS (config.ts) under the key it fills. */
export interface ConfigFragment<T> {
  /** Parses the fragment's variables from `source`; a bad value is added to `problems` (and undefined returned). */
  load(source: Env, problems: string[]): T | undefined;
}

/** `shape`: the variables, each with its parser and default; `read`: the Config part made from them. */
export function configFragment<S extends z.ZodRawShape, T>(shape: S, read: (env: z.output<z.ZodObject<S>>) => T): ConfigFragment<T> {
  const schema = z.object(shape);
  return {
    load(source, problems) {
      const parsed = schema.safeParse(source);
      if (parsed.success) return read(parsed.data);
      problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
      return undefined;
    },
  };
}

export const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const intInRange = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

/** "count/seconds", e.g. 10/60 for ten per minute. */
export const limit = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): Limit => {
      const match = /^(\d{1,7})\/(\d{1,7})$/.exec(v || fallback);
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
        ctx.addIssue({ code: 'custom', message: `must be count/seconds such as 10/60 (got "${v}")` });
        return z.NEVER;
      }
      return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
    });

export const bool = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || ['0', 'false', 'no', 'off'].includes(v)) return false;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
    return z.NEVER;
  });

/** The IPv4 form of an IPv4-mapped IPv6 address (how a dual-stack socket shows IPv4 peers). */
export const unmapIPv4 = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/** false/true (0/1 hops, as before), a number of hops, or a comma list of proxy addresses and CIDR ranges. */
export const trustProxy = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx): TrustProxy => {
    if (v === undefined || v === '' || ['false', 'no', 'off'].includes(v)) return { hops: 0 };
    if (['true', 'yes', 'on'].includes(v)) return { hops: 1 };
    if (/^\d{1,2}$/.test(v)) return { hops: Number(v) };
    const proxies = new BlockList();
    for (const entry of v.split(',').map((e) => e.trim())) {
      const [address = '', prefix, extra] = entry.split('/');
      const family = isIP(unmapIPv4(address));
      const bits = prefix === undefined ? undefined : Number(prefix);
      const type = family === 6 ? 'ipv6' : 'ipv4';
      if (family === 0 || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(prefix!) || bits > (family === 6 ? 128 : 32)))) {
        ctx.addIssue({ code: 'custom', message: `must be true, false, a number of proxies (hops) or a comma list of proxy addresses / CIDR ranges (bad entry "${entry}")` });
        return z.NEVER;
      }
      if (bits === undefined) proxies.addAddress(unmapIPv4(address), type);
      else proxies.addSubnet(unmapIPv4(address), bits, type);
    }
    return { proxies };
  });

/** A boolean with no default of its own (the default depends on NODE_ENV). */
export const optionalBool = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
    return z.NEVER;
  });
