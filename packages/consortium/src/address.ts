import { isIP } from 'node:net'
import { ConsortiumError, ConsortiumErrorCode } from './errors.js'

/** `HOST:PORT` (an IPv4 or IPv6 address, or a DNS name for advertised addresses) as a libp2p TCP multiaddr. */
export function hostPortToMultiaddr(hostPort: string, opts: { dns?: boolean } = {}): string {
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(hostPort.trim())
  const port = Number(m?.[2])
  if (m === null || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_ADDRESS, `"${hostPort}" is not HOST:PORT (e.g. 10.0.0.5:7050, [::1]:7050)`, { address: hostPort })
  }
  const host = m[1] as string
  const family = isIP(host)
  if (family === 4) return `/ip4/${host}/tcp/${port}`
  if (family === 6) return `/ip6/${host}/tcp/${port}`
  if (opts.dns === true && /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(host)) return `/dns4/${host}/tcp/${port}`
  throw new ConsortiumError(ConsortiumErrorCode.BAD_ADDRESS, `"${host}" is not an IP address${opts.dns === true ? ' or a DNS name' : ''}`, {
    address: hostPort,
  })
}
