import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ip = (...args: string[]) => run('ip', args, { timeout: 10_000 })

/** One test host: a network namespace with its own address on a shared segment. */
export interface NetHost {
  name: string
  namespace: string
  /** Its IPv4 address on the segment. */
  address: string
}

/**
 * Hosts for tests of what crosses a network: each a network namespace with one interface on a
 * bridge that lives in a hub namespace of its own, so nothing is added to the machine's own
 * namespace (no interface, no address, no route). Addresses are 10.99.0.1, .2, … inside those
 * namespaces only. A host's link can be set down (a partition) and up again. Needs root and
 * iproute2: `available()` says whether this machine allows it.
 */
export class NetworkNamespaces {
  private constructor(
    private readonly prefix: string,
    readonly hosts: NetHost[],
  ) {}

  /** Whether namespaces can be made here (root, `ip netns`): made and deleted once to know. */
  static async available(): Promise<boolean> {
    if (process.getuid?.() !== 0) return false
    const probe = `consort-probe-${process.pid}`
    try {
      await ip('netns', 'add', probe)
      await ip('netns', 'del', probe)
      return true
    } catch {
      return false
    }
  }

  /** Makes one namespace per name (at most 250), joined by a bridge. Destroy it when done. */
  static async create(names: string[]): Promise<NetworkNamespaces> {
    if (names.length === 0 || names.length > 250) throw new RangeError('between 1 and 250 hosts')
    // The pid and a counter keep concurrent test files (and runs) apart.
    const prefix = `consort-${process.pid}-${++created}`
    const hub = `${prefix}-hub`
    const net = new NetworkNamespaces(
      prefix,
      names.map((name, i) => ({ name, namespace: `${prefix}-${i}`, address: `10.99.0.${i + 1}` })),
    )
    try {
      await ip('netns', 'add', hub)
      await ip('-n', hub, 'link', 'add', 'br0', 'type', 'bridge')
      await ip('-n', hub, 'link', 'set', 'br0', 'up')
      for (const [i, h] of net.hosts.entries()) {
        await ip('netns', 'add', h.namespace)
        await ip('-n', hub, 'link', 'add', `h${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', h.namespace)
        await ip('-n', hub, 'link', 'set', `h${i}`, 'master', 'br0', 'up')
        await ip('-n', h.namespace, 'addr', 'add', `${h.address}/24`, 'dev', 'eth0')
        await ip('-n', h.namespace, 'link', 'set', 'eth0', 'up')
        await ip('-n', h.namespace, 'link', 'set', 'lo', 'up')
      }
    } catch (err) {
      await net.destroy()
      throw err
    }
    return net
  }

  host(name: string): NetHost {
    const h = this.hosts.find((x) => x.name === name)
    if (h === undefined) throw new RangeError(`no host ${name}; hosts: ${this.hosts.map((x) => x.name).join(', ')}`)
    return h
  }

  /** The command line that runs `argv` inside the host's namespace (`ip netns exec` execs it: same pid). */
  command(name: string, argv: readonly string[]): { file: string; args: string[] } {
    return { file: 'ip', args: ['netns', 'exec', this.host(name).namespace, ...argv] }
  }

  /** Cuts the host off the segment (its link on the bridge goes down), or joins it again. */
  async setLink(name: string, up: boolean): Promise<void> {
    await ip('-n', `${this.prefix}-hub`, 'link', 'set', `h${this.hosts.indexOf(this.host(name))}`, up ? 'up' : 'down')
  }

  /**
   * Drops this share (0–1) of the packets the host sends and of those it receives, at random
   * (iptables' statistic match in the host's namespace: real loss, which TCP retransmits); 0
   * removes the rules. Needs iptables (`lossAvailable()`).
   */
  async setLoss(name: string, share: number): Promise<void> {
    const ns = this.host(name).namespace
    const iptables = (...args: string[]) => run('ip', ['netns', 'exec', ns, 'iptables', ...args], { timeout: 10_000 })
    for (const chain of ['INPUT', 'OUTPUT']) await iptables('-F', chain)
    if (share <= 0) return
    for (const chain of ['INPUT', 'OUTPUT']) await iptables('-A', chain, '-m', 'statistic', '--mode', 'random', '--probability', String(share), '-j', 'DROP')
  }

  /** Whether setLoss can work here (iptables installed). */
  static async lossAvailable(): Promise<boolean> {
    return run('iptables', ['-V'], { timeout: 10_000 }).then(
      () => true,
      () => false,
    )
  }

  /** Deletes every namespace made (their interfaces go with them). Processes still inside keep running, cut off. */
  async destroy(): Promise<void> {
    for (const ns of [...this.hosts.map((h) => h.namespace), `${this.prefix}-hub`]) {
      await ip('netns', 'del', ns).catch(() => undefined)
    }
  }
}

let created = 0
