import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { bytesEqual, toHex } from '@consort/crypto'
import { copyDb, digestDb } from '@consort/storage'
import type { DbDigest, LevelBlockStore, LevelRaftWal } from '@consort/storage'
import { ConsortError } from '@consort/types'
import type { BackupResult, Logger } from '@consort/types'
import type { ParsedBlock } from '@consort/protocol'
import type { Chain } from './chain.js'

export const BackupErrorCode = {
  /** The backup folder is relative, or holds files already. */
  BAD_DIR: 'ERR_BACKUP_BAD_DIR',
  /** A backup file is missing or does not match the digest in backup.json. */
  CORRUPT: 'ERR_BACKUP_CORRUPT',
  /** The backup is another orderer's. */
  WRONG_NODE: 'ERR_BACKUP_WRONG_NODE',
  /** The node's data folder holds data: move it aside first. */
  DATA_EXISTS: 'ERR_BACKUP_DATA_EXISTS',
  /** A restored orderer holds blocks the cluster does not have: its log is ahead of the cluster's. */
  AHEAD: 'ERR_ORDERER_RESTORED_AHEAD',
  /** A restored orderer's chain differs from the cluster's at its tip. */
  DIVERGED: 'ERR_ORDERER_RESTORED_DIVERGED',
} as const
export type BackupErrorCode = (typeof BackupErrorCode)[keyof typeof BackupErrorCode]
export class BackupError extends ConsortError<BackupErrorCode> {}

/** backup.json: what a backup holds and how to check it. */
export interface BackupManifest {
  format: 1
  orderer: string
  channel: string
  createdAt: string
  height: number
  tipHash: string
  lastIndex: number
  term: number
  /** Digests of the two LevelDB copies, `wal/` and `blocks/`. */
  wal: DbDigest
  blocks: DbDigest
}

const MARKER = 'restored.json'

/**
 * A consistent backup of a running orderer into `dir` (absolute, absent or empty, on its
 * machine): the Raft WAL and the block store copied from LevelDB snapshots taken at one point
 * of the Ready loop, and backup.json with their digests.
 */
export async function backupOrderer(
  dir: string,
  node: { name: string; channel: string; chain: Chain; wal: LevelRaftWal; blocks: LevelBlockStore },
): Promise<BackupResult> {
  if (!isAbsolute(dir)) throw new BackupError(BackupErrorCode.BAD_DIR, `the backup folder must be an absolute path, not ${dir}`, { dir })
  const present = await readdir(dir).catch(() => [])
  if (present.length > 0) throw new BackupError(BackupErrorCode.BAD_DIR, `${dir} holds files already; name a new folder`, { dir })
  const started = performance.now()
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const at = await node.chain.paused(() => ({
    wal: node.wal.records(),
    blocks: node.blocks.records(),
    height: node.blocks.height,
    tipHash: node.blocks.tip === undefined ? '' : toHex(node.blocks.tip.hash),
    lastIndex: node.wal.storage.lastIndex(),
    term: node.wal.storage.hardStateNow().term,
  }))
  const wal = await copyDb(at.wal, join(dir, 'wal'))
  const blocks = await copyDb(at.blocks, join(dir, 'blocks'))
  const manifest: BackupManifest = {
    format: 1,
    orderer: node.name,
    channel: node.channel,
    createdAt: new Date().toISOString(),
    height: at.height,
    tipHash: at.tipHash,
    lastIndex: at.lastIndex,
    term: at.term,
    wal,
    blocks,
  }
  await writeFile(join(dir, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return {
    dir,
    orderer: node.name,
    height: at.height,
    tipHash: at.tipHash,
    lastIndex: at.lastIndex,
    term: at.term,
    bytes: wal.bytes + blocks.bytes,
    ms: Math.round(performance.now() - started),
  }
}

/**
 * Puts a backup in the data folder of the (stopped) orderer `name`: checks each copy against
 * its digest, refuses another orderer's backup and a data folder that holds data, and leaves a
 * marker so that the node, at its next start, checks its chain against the cluster's first.
 */
export async function restoreOrderer(backupDir: string, dataDir: string, name: string): Promise<BackupManifest> {
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(await readFile(join(backupDir, 'backup.json'), 'utf8')) as BackupManifest
  } catch (err) {
    throw new BackupError(BackupErrorCode.CORRUPT, `${backupDir} is not an orderer backup (backup.json): ${(err as Error).message}`, { dir: backupDir })
  }
  if (manifest.orderer !== name) {
    throw new BackupError(BackupErrorCode.WRONG_NODE, `${backupDir} is a backup of ${manifest.orderer}, not of ${name}`, { dir: backupDir })
  }
  for (const part of ['wal', 'blocks'] as const) {
    const found = await digestDb(join(backupDir, part)).catch((err: Error) => err)
    if (found instanceof Error || found.sha256 !== manifest[part].sha256 || found.records !== manifest[part].records) {
      throw new BackupError(
        BackupErrorCode.CORRUPT,
        `${join(backupDir, part)} does not match backup.json (${found instanceof Error ? found.message : `${found.records} records, sha256 ${found.sha256.slice(0, 16)}…`}); nothing was restored`,
        { dir: backupDir },
      )
    }
  }
  const held = (await readdir(dataDir).catch(() => [])).filter((f) => f === 'wal' || f === 'blocks')
  if (held.length > 0) {
    throw new BackupError(BackupErrorCode.DATA_EXISTS, `${dataDir} holds ${held.join(' and ')}: move it aside first (a restore does not overwrite data)`, {
      dataDir,
    })
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  await cp(join(backupDir, 'wal'), join(dataDir, 'wal'), { recursive: true })
  await cp(join(backupDir, 'blocks'), join(dataDir, 'blocks'), { recursive: true })
  await writeFile(join(dataDir, MARKER), `${JSON.stringify({ from: backupDir, restoredAt: new Date().toISOString(), ...manifest }, null, 2)}\n`)
  return manifest
}

/**
 * At a restored orderer's first start (its data folder has the marker), before it speaks Raft:
 * its chain must not be ahead of the cluster's (a backup newer than what the cluster holds, as
 * when the others were restored from older backups) nor differ from it at its tip. `newest`
 * asks each other consenter for its newest block (undefined: no answer). With no answer at
 * all (the whole cluster being restored) the node starts and says so. Returns the cluster's
 * height (0 when not restored or not known): the node votes once it holds that many blocks.
 */
export async function checkRestored(
  dataDir: string,
  tip: { number: number; hash: Uint8Array },
  others: () => Promise<(ParsedBlock | undefined)[]>,
  blockAt: (n: number) => Promise<ParsedBlock | undefined>,
  logger: Logger,
): Promise<number> {
  const marker = await readFile(join(dataDir, MARKER), 'utf8').catch(() => undefined)
  if (marker === undefined) return 0
  let clusterHeight = 0
  const answers = (await others()).filter((b): b is ParsedBlock => b !== undefined)
  if (answers.length === 0) {
    logger.warn({ tip: tip.number }, 'restored from a backup; no other consenter answered, so the chain could not be checked against the cluster')
  } else {
    const newest = Math.max(...answers.map((b) => b.number))
    if (tip.number > newest) {
      throw new BackupError(
        BackupErrorCode.AHEAD,
        `this orderer was restored with blocks up to ${tip.number}, but the cluster's newest block is ${newest}: its log is ahead of the cluster's (a backup taken after the data the cluster runs on). Starting would fork the chain; restore an older backup, or empty the data folder to rejoin from the others`,
        { dataDir },
      )
    }
    const theirs = await blockAt(tip.number)
    if (theirs !== undefined && !bytesEqual(theirs.hash, tip.hash)) {
      throw new BackupError(
        BackupErrorCode.DIVERGED,
        `this orderer's block ${tip.number} differs from the cluster's: the backup is of another chain; empty the data folder to rejoin from the others`,
        { dataDir },
      )
    }
    logger.info({ tip: tip.number, clusterNewest: newest }, 'restored from a backup; the chain matches the cluster, catching up (no vote until caught up)')
    clusterHeight = newest + 1
  }
  await rm(join(dataDir, MARKER), { force: true })
  return clusterHeight
}
