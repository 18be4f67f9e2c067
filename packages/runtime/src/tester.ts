import { silentLogger } from '@consort/types'
import { bundleContract } from '@consort/bundle'
import type { ContractPackage } from '@consort/bundle'
import { ContractRuntime } from './runtime.js'
import type { Creator } from './runtime.js'
import { MemoryState } from './state.js'

/**
 * For contract unit tests: runs a contract folder in the real sandbox against an in-memory
 * world state; `submit` commits a successful transaction's writes as a block would,
 * `evaluate` only reads. Results are the decoded payload strings.
 */
export class ContractTester {
  readonly state = new MemoryState()
  readonly runtime = new ContractRuntime({}, { logger: silentLogger })
  private block = 1

  private constructor(readonly pkg: ContractPackage) {}

  static async load(dir: string): Promise<ContractTester> {
    return new ContractTester(await bundleContract(dir))
  }

  async submit(creator: Creator, fcn: string, ...args: string[]): Promise<string> {
    const txId = `tx-${this.block}`
    const timestamp = 1_700_000_000_000 + this.block
    const r = await this.runtime.invoke(this.pkg, { namespace: this.pkg.name, fcn, args, txId, channelId: 'test', timestamp, creator }, this.state)
    this.state.commit(this.pkg.name, r.rwset.nsRwset[0]?.writes ?? [], { blockNum: this.block, txNum: 0, txId, timestamp })
    this.block++
    return new TextDecoder().decode(r.payload)
  }

  async evaluate(creator: Creator, fcn: string, ...args: string[]): Promise<string> {
    const r = await this.runtime.invoke(
      this.pkg,
      { namespace: this.pkg.name, fcn, args, txId: 'evaluate', channelId: 'test', timestamp: 1_700_000_000_000, creator },
      this.state,
    )
    return new TextDecoder().decode(r.payload)
  }

  dispose(): void {
    this.runtime.dispose()
  }

  /** A test identity; its id is "x509::<name>.<org>::ca.<org>". */
  static identity(mspId: string, name: string, role = 'client', attributes: Record<string, string> = {}): Creator {
    return {
      mspId,
      subject: `${name}.${mspId.toLowerCase()}`,
      issuer: `ca.${mspId.toLowerCase()}`,
      role,
      attributes,
      certificate: new TextEncoder().encode(`${mspId}/${name}`),
    }
  }
}
