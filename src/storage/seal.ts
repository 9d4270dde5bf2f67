/**
 * What the SDK stores is sealed: AES-GCM with a fresh 96-bit IV per record, under a 256-bit key that
 * WebCrypto made non-extractable (no script, ours included, can read its bytes), kept in the same
 * database. Each record's id is bound in as additional data, so a sealed value moved to another
 * record does not open.
 */
import { OutboxStorageError } from '../outbox/errors.js';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const ALGORITHM = 'AES-GCM';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** WebCrypto, which browsers offer only in secure contexts (https, localhost). */
export function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) throw new OutboxStorageError('insecure-context');
  return subtle;
}

/** A new key for sealing; its bytes never leave WebCrypto. */
export function newSealingKey(): Promise<CryptoKey> {
  return subtleCrypto().generateKey({ name: ALGORITHM, length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new key for lookup names (HMAC-SHA-256): a case id is stored as its HMAC, never in clear. */
export function newLookupKey(): Promise<CryptoKey> {
  return subtleCrypto().generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function seal(key: CryptoKey, value: unknown, boundTo: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await subtleCrypto().encrypt(
    { name: ALGORITHM, iv, additionalData: encoder.encode(boundTo) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Opens a sealed value; rejects if the key, the record it is bound to or a single byte differs. */
export async function unseal<T>(key: CryptoKey, sealed: Sealed, boundTo: string): Promise<T> {
  const plain = await subtleCrypto().decrypt(
    { name: ALGORITHM, iv: sealed.iv, additionalData: encoder.encode(boundTo) },
    key,
    sealed.data,
  );
  return JSON.parse(decoder.decode(plain)) as T;
}

/** The stored name for a lookup value (a case id): its HMAC, hex. */
export async function lookupName(key: CryptoKey, value: string): Promise<string> {
  const mac = await subtleCrypto().sign('HMAC', key, encoder.encode(value));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
