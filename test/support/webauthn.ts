// A software authenticator for tests that speak GraphQL without a browser: it makes ES256 passkeys and answers
// WebAuthn options with the JSON @simplewebauthn/browser would send, and can be told to misbehave (another origin,
// no user verification, a chosen counter, a tampered signature) as an attacker's client would.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

export interface SoftCredential {
  id: string;
  privateKey: KeyObject;
  cosePublicKey: Uint8Array;
  userHandle: string;
  counter: number;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}
interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export interface Misbehaviour {
  origin?: string;
  /** Leave the user-verified flag off. */
  unverified?: boolean;
  /** The signature counter to report (by default one more than the last). */
  counter?: number;
  /** Flip a bit of the signature. */
  tamper?: boolean;
  /** The user handle to report instead of the credential's. */
  userHandle?: string;
  /** Answer this challenge instead of the options' one. */
  challenge?: string;
  /** Registration: claim this (someone else's) credential id for the new key. */
  credentialId?: string;
}

function authData(rpId: string, flags: number, counter: number, attested?: Uint8Array): Buffer {
  const head = Buffer.alloc(37);
  sha256(rpId).copy(head, 0);
  head[32] = flags;
  head.writeUInt32BE(counter >>> 0, 33);
  return attested ? Buffer.concat([head, attested]) : head;
}

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  constructor(
    readonly origin: string,
    readonly rpId = new URL(origin).hostname,
  ) {}

  /** navigator.credentials.create: a new resident ES256 key for the options' user. */
  register(options: unknown, misbehave: Misbehaviour = {}) {
    const { challenge, user } = options as CreationOptions;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const rawId = misbehave.credentialId ? Buffer.from(misbehave.credentialId, 'base64url') : sha256(`${Date.now()}-${Math.random()}`).subarray(0, 16);
    const id = b64(rawId);
    const credential: SoftCredential = { id, privateKey, cosePublicKey, userHandle: user.id, counter: 0 };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(rawId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, rawId, cosePublicKey]);
    const data = authData(this.rpId, UP | (misbehave.unverified ? 0 : UV) | AT, 0, attested);
    const attestationObject = isoCBOR.encode(new Map<string, string | Uint8Array | Map<string, string>>([['fmt', 'none'], ['attStmt', new Map<string, string>()], ['authData', data]]));
    const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: misbehave.challenge ?? challenge, origin: misbehave.origin ?? this.origin, crossOrigin: false });
    this.credentials.push(credential);
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON: b64(clientDataJSON), attestationObject: b64(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** navigator.credentials.get with `credential` (by default the first allowed, else the newest). */
  authenticate(options: unknown, misbehave: Misbehaviour = {}, credential?: SoftCredential) {
    const { challenge, allowCredentials } = options as RequestOptions;
    const chosen = credential ?? this.credentials.find((c) => allowCredentials?.some((a) => a.id === c.id)) ?? this.credentials.at(-1)!;
    chosen.counter = misbehave.counter ?? chosen.counter + 1;
    const data = authData(this.rpId, UP | (misbehave.unverified ? 0 : UV), chosen.counter);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: misbehave.challenge ?? challenge, origin: misbehave.origin ?? this.origin, crossOrigin: false }));
    const signature = sign('sha256', Buffer.concat([data, sha256(clientDataJSON)]), chosen.privateKey);
    if (misbehave.tamper) signature[signature.length - 1]! ^= 0x01;
    return {
      id: chosen.id,
      rawId: chosen.id,
      type: 'public-key',
      response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(data), signature: b64(signature), userHandle: misbehave.userHandle ?? chosen.userHandle },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
