import { ConsortError } from '@consort/types'

export const RuntimeErrorCode = {
  /** The invocation used more CPU (or wall) time than allowed. */
  TIMEOUT: 'ERR_RUNTIME_TIMEOUT',
  /** The contract allocated more memory than allowed. */
  MEMORY_LIMIT: 'ERR_RUNTIME_MEMORY_LIMIT',
  /** The contract threw; meta.message is its message. */
  CONTRACT_ERROR: 'ERR_RUNTIME_CONTRACT_ERROR',
  UNKNOWN_FUNCTION: 'ERR_RUNTIME_UNKNOWN_FUNCTION',
  WRONG_ARGS: 'ERR_RUNTIME_WRONG_ARGS',
  /** The contract does not load (syntax error, no contracts exported, imports). */
  BAD_CONTRACT: 'ERR_RUNTIME_BAD_CONTRACT',
  CODE_TOO_LARGE: 'ERR_RUNTIME_CODE_TOO_LARGE',
  BAD_KEY: 'ERR_RUNTIME_BAD_KEY',
  /** No isolated-vm build loads on this Node version. */
  NO_SANDBOX: 'ERR_RUNTIME_NO_SANDBOX',
} as const
export type RuntimeErrorCode = (typeof RuntimeErrorCode)[keyof typeof RuntimeErrorCode]

export class RuntimeError extends ConsortError<RuntimeErrorCode> {}
