// Signing and verification throughput of the two ed25519 implementations on this machine.
// Usage: pnpm --filter @consort/bench crypto [-- --ms 1000]
import { generateKeyPair, portableSign, portableVerify, sha256, sign, verify } from '@consort/crypto'
import { numberArg, opsPerSecond, report } from './report.js'

const ms = numberArg('--ms', 1000)

const { privateKey, publicKey } = generateKeyPair()
const msgs = Array.from({ length: 256 }, (_, i) => sha256(new Uint8Array([i, i >> 8])))
const sigs = msgs.map((m) => sign(privateKey, m))
const at = (i: number) => i & 255

const rows = [
  { library: 'node:crypto', op: 'sign', 'ops/s': opsPerSecond((i) => sign(privateKey, msgs[at(i)]!), ms) },
  { library: 'node:crypto', op: 'verify', 'ops/s': opsPerSecond((i) => verify(publicKey, msgs[at(i)]!, sigs[at(i)]!), ms) },
  { library: '@noble/ed25519', op: 'sign', 'ops/s': opsPerSecond((i) => portableSign(privateKey, msgs[at(i)]!), ms) },
  {
    library: '@noble/ed25519',
    op: 'verify',
    'ops/s': opsPerSecond((i) => portableVerify(publicKey, msgs[at(i)]!, sigs[at(i)]!), ms),
  },
  { library: 'node:crypto', op: 'sha256 (32 B)', 'ops/s': opsPerSecond((i) => sha256(msgs[at(i)]!), ms) },
]
report('crypto', rows, { msPerRow: ms })
