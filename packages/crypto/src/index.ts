export { CryptoError, CryptoErrorCode } from './errors.js'
export { bytesEqual, fromHex, sha256, sha256Parts, toHex } from './hash.js'
export {
  generateKeyPair,
  PRIVATE_KEY_BYTES,
  PUBLIC_KEY_BYTES,
  publicKeyFromPrivate,
  SIGNATURE_BYTES,
  sign,
  verify,
} from './ed25519.js'
export type { KeyPair } from './ed25519.js'
export { VerifyPool } from './verifyPool.js'
export { deriveKey, portablePublicKey, portableSign, portableVerify } from './portable.js'
export {
  privateKeyFromPem,
  privateKeyToPem,
  publicKeyToPem,
  readPrivateKeyFile,
  writePrivateKeyFile,
} from './keyFile.js'
