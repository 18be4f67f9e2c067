import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256, toHex } from '@consort/crypto'
import type { ContractPackage } from '@consort/bundle'

/** Installed contract packages, one file per code hash under the peer's data dir. */
export class PackageStore {
  private readonly byHash = new Map<string, ContractPackage>()

  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<PackageStore> {
    await mkdir(dir, { recursive: true })
    const store = new PackageStore(dir)
    for (const f of await readdir(dir)) {
      if (!f.endsWith('.json')) continue
      const pkg = JSON.parse(await readFile(join(dir, f), 'utf8')) as ContractPackage
      store.byHash.set(pkg.hash, pkg)
    }
    return store
  }

  get(hash: string): ContractPackage | undefined {
    return this.byHash.get(hash)
  }

  /** Installs a package; its id is the sha256 of its code. Installing twice is harmless. */
  async install(name: string, version: string, code: string): Promise<ContractPackage> {
    const hash = toHex(sha256(new TextEncoder().encode(code)))
    const pkg: ContractPackage = { name, version, hash, code }
    if (!this.byHash.has(hash)) {
      await writeFile(join(this.dir, `${hash}.json`), JSON.stringify(pkg))
      this.byHash.set(hash, pkg)
    }
    return pkg
  }

  list(): ContractPackage[] {
    return [...this.byHash.values()]
  }
}
