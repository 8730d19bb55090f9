/**
 * The device's keys (docs/security.md item 6): a random AES-GCM data key encrypts sensitive
 * fields; it is stored only wrapped by a key derived from the user's password with
 * PBKDF2-SHA256, and unwrapped into a non-extractable CryptoKey that lives in memory only.
 */
export const PBKDF2_ITERATIONS = 600_000;

export type Keyring = {
  userId: string;
  salt: string;
  iterations: number;
  /** The data key, wrapped (AES-GCM) under the password-derived key: iv + ciphertext. */
  wrapped: string;
  createdAt: string;
};

export const b64 = (input: ArrayBuffer | Uint8Array) => {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  let s = '';
  // In slices: spreading a large record's bytes into one call would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
// A plain loop: `Uint8Array.from(text, mapFn)` calls a function per character through the
// string iterator, and made decoding 10,000 records about ten times slower.
const unb64 = (s: string) => {
  const text = atob(s);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
};

const deriveWrappingKey = async (password: string, salt: Uint8Array, iterations: number) => {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
};

/** A new data key, wrapped under the password; returns the keyring to store and the key. */
export const createKeyring = async (
  userId: string,
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ keyring: Keyring; key: CryptoKey }> => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapping = await deriveWrappingKey(password, salt, iterations);
  // Extractable only for the moment it takes to wrap it; the key kept in memory is not.
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('raw', fresh, wrapping, { name: 'AES-GCM', iv });
  const keyring: Keyring = {
    userId,
    salt: b64(salt),
    iterations,
    wrapped: b64(new Uint8Array([...iv, ...new Uint8Array(wrapped)])),
    createdAt: new Date().toISOString(),
  };
  return { keyring, key: (await unwrapKeyring(keyring, password)) as CryptoKey };
};

/** The data key for this password, or null when the password is wrong. */
export const unwrapKeyring = async (
  keyring: Keyring,
  password: string,
): Promise<CryptoKey | null> => {
  const wrapping = await deriveWrappingKey(password, unb64(keyring.salt), keyring.iterations);
  const bytes = unb64(keyring.wrapped);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      bytes.slice(12),
      wrapping,
      { name: 'AES-GCM', iv: bytes.slice(0, 12) },
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
};

/** Encrypts a JSON value with a fresh IV: "iv.ciphertext" in base64. */
export const seal = async (key: CryptoKey, value: unknown): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new TextEncoder().encode(JSON.stringify(value));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
  return `${b64(iv)}.${b64(ct)}`;
};

const utf8 = new TextDecoder();

/** The JSON text a sealed value holds. */
export const openToText = async (key: CryptoKey, sealed: string): Promise<string> => {
  const [iv = '', ct = ''] = sealed.split('.');
  const data = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: unb64(iv) as BufferSource },
    key,
    unb64(ct) as BufferSource,
  );
  return utf8.decode(data);
};

export const open = async <T>(key: CryptoKey, sealed: string): Promise<T> =>
  JSON.parse(await openToText(key, sealed)) as T;
