import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem } from '@consort/identity'

/**
 * An identity from its folder as `consort org init` writes it (`users/client`, `users/admin`):
 * `cert.pem` and `key.pem`.
 */
export async function loadIdentity(dir: string): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }> {
  return {
    certificate: certificateFromPem(await readFile(join(dir, 'cert.pem'), 'utf8')),
    privateKey: await readPrivateKeyFile(join(dir, 'key.pem')),
  }
}
