export { activeDefinition, approvalKey, CONTRACT_NAME, definitionKey, LIFECYCLE_ENDORSEMENT_POLICY, LIFECYCLE_NS } from './lifecycle.js'
export type { ActiveDefinition } from './lifecycle.js'
export { BlockValidator } from './validator.js'
export type { LedgerView, ValidatedTx } from './validator.js'
