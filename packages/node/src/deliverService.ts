import type { MembershipService } from '@consort/identity'
import { PROTOCOL } from '@consort/client'
import type { FramedStream, P2PNode } from '@consort/p2p'
import { openEnvelope, ProtocolError, refusalFor, verifyEnvelope } from '@consort/protocol'
import { decode, DecodeError, DeliverResponse, HeaderType, RefusalCode, SeekInfo, Status } from '@consort/types'
import type { ChannelConfig, Logger } from '@consort/types'

/** Where a deliver service reads blocks: the orderer's block store, or a peer's ledger. */
export interface BlockSource {
  height(): number
  get(number: number): Promise<Uint8Array | undefined>
  /** Calls `listener` after each new block; returns a function that stops it. */
  subscribe(listener: () => void): () => void
}

/**
 * The deliver service (orderers and peers): a channel member asks for blocks from a height (or the newest) up
 * to a stop block or forever; blocks committed while it streams are sent as they commit.
 */
export class DeliverService {
  /** Streams waiting for their next block: woken when there is one, or when serving must stop. */
  private readonly waiting = new Set<() => void>()

  constructor(
    private readonly config: () => ChannelConfig,
    private readonly m: {
      p2p: P2PNode
      blocks: BlockSource
      msp: () => MembershipService
      logger: Logger
      /** Why this node must not serve blocks (an orderer removed from the consenters), if it must not. */
      refusal?: () => string | undefined
    },
  ) {}

  async start(): Promise<void> {
    await this.m.p2p.handle(PROTOCOL.DELIVER, (s) => this.serve(s), { maxInboundStreams: 256, maxFrameBytes: 1024 * 1024 })
  }

  private async serve(stream: FramedStream): Promise<void> {
    let seek: SeekInfo
    const refuse = async (info: string) => {
      await stream.write(DeliverResponse.encode({ status: Status.SERVICE_UNAVAILABLE, code: RefusalCode.NOT_A_CONSENTER, info }))
      await stream.close()
    }
    try {
      const opened = openEnvelope(await stream.readBytes())
      verifyEnvelope(opened, this.m.msp(), { channelId: this.config().channelId, types: [HeaderType.DELIVER_SEEK] })
      seek = decode(SeekInfo, opened.payload.data, 'SeekInfo')
    } catch (err) {
      if (err instanceof ProtocolError || err instanceof DecodeError) {
        await stream.write(DeliverResponse.encode({ ...refusalFor(err), info: err.message }))
        await stream.close()
        return
      }
      throw err
    }
    const refused = this.m.refusal?.()
    if (refused !== undefined) return refuse(refused)
    const closed = new Promise<void>((resolve) => stream.stream.addEventListener('close', () => resolve(), { once: true }))
    let n = seek.newest ? Math.max(0, this.m.blocks.height() - 1) : seek.start
    while (seek.stop === undefined || n <= seek.stop) {
      const stop = this.m.refusal?.()
      if (stop !== undefined) return refuse(stop)
      if (n >= this.m.blocks.height()) {
        if (!(await this.waitForBlock(n, closed))) return
        continue
      }
      const block = await this.m.blocks.get(n)
      if (block === undefined) break
      await stream.write(DeliverResponse.encode({ status: Status.STATUS_UNKNOWN, block, info: '' }))
      n++
    }
    await stream.write(DeliverResponse.encode({ status: Status.SUCCESS, info: '' }))
    await stream.close()
  }

  /** Wakes every waiting stream, so that each one learns of a refusal (see `refusal`) at once. */
  wake(): void {
    for (const w of this.waiting) w()
  }

  /** Resolves true once block `n` exists or serving must stop, false if the stream closes first. */
  private waitForBlock(n: number, closed: Promise<void>): Promise<boolean> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.m.blocks.height() <= n && this.m.refusal?.() === undefined) return
        stop()
        resolve(true)
      }
      const unsubscribe = this.m.blocks.subscribe(check)
      const stop = () => {
        unsubscribe()
        this.waiting.delete(check)
      }
      this.waiting.add(check)
      void closed.then(() => {
        stop()
        resolve(false)
      })
      check()
    })
  }
}
