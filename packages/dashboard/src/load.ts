import type { Network } from '@consort/sdk'
import type { Monitor } from './monitor.js'

/**
 * A load generator at a fixed rate: `CreateAsset` submits of asset-transfer as Org1's client,
 * at most `maxInFlight` at a time (beyond that, sends are skipped and not counted as sent).
 * Each committed one's latency goes to the monitor's charts.
 */
export class LoadGenerator {
  private timer: ReturnType<typeof setInterval> | undefined
  private inFlight = 0
  private n = 0
  private readonly prefix = `dash-${Date.now().toString(36)}`

  constructor(
    private readonly network: Network,
    private readonly monitor: Monitor,
    private readonly maxInFlight = 256,
  ) {}

  get running(): boolean {
    return this.timer !== undefined
  }

  start(rate: number): void {
    this.stop()
    const everyMs = 50
    let owed = 0
    this.monitor.load = { ...this.monitor.load, running: true, rate }
    this.timer = setInterval(() => {
      owed += (rate * everyMs) / 1000
      for (; owed >= 1; owed--) this.send()
    }, everyMs)
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
    this.monitor.load = { ...this.monitor.load, running: false }
  }

  private send(): void {
    if (this.inFlight >= this.maxInFlight) return
    this.inFlight++
    this.monitor.load.sent++
    const started = Date.now()
    this.network
      .contract('asset-transfer')
      .submit('CreateAsset', `${this.prefix}-${this.n++}`, 'blue', '1', 'dashboard', '1')
      .then(
        () => {
          this.monitor.load.committed++
          this.monitor.recordLatency(Date.now() - started)
        },
        () => this.monitor.load.failed++,
      )
      .finally(() => this.inFlight--)
  }
}
