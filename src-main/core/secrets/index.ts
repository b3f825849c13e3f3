// Public entry of the shared key store (desktop keyring via Secret Service, else a 0600 file; env over both).
export {
  SharedKeyStore,
  createSharedKeyStore,
  cleanKey,
  InvalidKeyError,
  KEY_NAMES,
  KEY_ENV,
  type KeyName,
  type KeyInfo,
  type KeyLocation,
  type SetResult,
  type SharedKeyStoreOptions,
} from './key-store.js';
export { SecretToolClient, SecretServiceUnavailable, sessionBusPresent, SECRET_SERVICE_APP } from './secret-tool.js';
export { FileKeyStore, KEYS_FILE_NAME } from './file-store.js';
