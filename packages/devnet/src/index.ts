export { addOrdererNode, connectionProfile, DevnetError, DevnetErrorCode, generateNetwork, loadManifest } from './generate.js'
export type { ConnectionProfile, IdentityFiles, Manifest, NetworkSpec, NodeEntry, OrgEntry } from './generate.js'
export { cpuSeconds, findLeader, findNode, nodeStatus, operationsGet, runningPid, signalNode, startNode, stopNode, waitExit, waitUntil } from './processes.js'
