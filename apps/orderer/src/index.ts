export { ConfigError, ConfigErrorCode, loadOrdererConfig } from './config.js'
export type { OrdererFileConfig } from './config.js'
export { runNode } from './runNode.js'
export type { NodeStartInput, RunningNode } from './runNode.js'
