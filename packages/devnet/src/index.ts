export { addOrdererNode, DevnetError, DevnetErrorCode, generateNetwork, loadManifest } from './generate.js'
export type { Manifest, NetworkSpec, NodeEntry, OrgEntry } from './generate.js'
export {
  controlNode,
  cpuSeconds,
  findLeader,
  findNode,
  freePort,
  rssBytes,
  nodeStatus,
  operationsGet,
  runningPid,
  signalNode,
  startNode,
  stopNode,
  stopProcesses,
  waitExit,
  waitUntil,
} from './processes.js'
export { FaultProxy } from './faultProxy.js'
export type { Faults } from './faultProxy.js'
export { NetworkNamespaces } from './netns.js'
export type { NetHost } from './netns.js'
