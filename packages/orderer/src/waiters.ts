import { OrdererError, OrdererErrorCode } from '@consort/client'
import type { Scheduler, TimerHandle } from '@consort/types'

interface Waiter {
  resolve: (blockNumber: number) => void
  reject: (err: OrdererError) => void
}

/** Broadcasts waiting for their transaction to be in a committed block, each with a deadline. */
export class TxWaiters {
  private readonly waiting = new Map<string, Waiter[]>()

  constructor(private readonly scheduler: Scheduler) {}

  /** Resolves with the block that holds `txId` once committed; rejects TIMEOUT after `timeoutMs`. */
  wait(txId: string, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      let timer: TimerHandle | undefined
      const w: Waiter = {
        resolve: (n) => {
          this.scheduler.clear(timer)
          resolve(n)
        },
        reject: (e) => {
          this.scheduler.clear(timer)
          reject(e)
        },
      }
      timer = this.scheduler.setTimeout(() => {
        const list = this.waiting.get(txId)
        const i = list?.indexOf(w) ?? -1
        if (list !== undefined && i >= 0) list.splice(i, 1)
        if (list?.length === 0) this.waiting.delete(txId)
        reject(new OrdererError(OrdererErrorCode.TIMEOUT, `transaction ${txId} was not committed within ${timeoutMs} ms`, { txId }))
      }, timeoutMs)
      const list = this.waiting.get(txId) ?? []
      list.push(w)
      this.waiting.set(txId, list)
    })
  }

  resolve(txId: string, block: number): void {
    const list = this.waiting.get(txId)
    if (list === undefined) return
    this.waiting.delete(txId)
    for (const w of list) w.resolve(block)
  }

  reject(txId: string, err: OrdererError): void {
    const list = this.waiting.get(txId)
    if (list === undefined) return
    this.waiting.delete(txId)
    for (const w of list) w.reject(err)
  }

  rejectAll(err: OrdererError): void {
    for (const list of this.waiting.values()) for (const w of list) w.reject(err)
    this.waiting.clear()
  }

  get size(): number {
    return this.waiting.size
  }
}
