export { bundleContract, BundleError, BundleErrorCode } from './bundle.js'
export type { ContractPackage } from './bundle.js'
