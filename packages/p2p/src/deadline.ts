/**
 * An abort signal for an operation that must end within `ms` (0 or undefined: no limit),
 * combined with `signal`. Unlike AbortSignal.timeout its timer keeps the process alive: a
 * command awaiting an answer on a dead connection gets its timeout error instead of exiting
 * silently when nothing else is pending. It aborts with a TimeoutError, as AbortSignal.timeout
 * does. Call `done()` when the operation ends.
 */
export function deadline(ms: number | undefined, signal?: AbortSignal): { signal: AbortSignal | undefined; done: () => void } {
  if (ms === undefined || ms <= 0) return { signal, done: () => undefined }
  const c = new AbortController()
  const timer = setTimeout(() => c.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError')), ms)
  return { signal: signal === undefined ? c.signal : AbortSignal.any([signal, c.signal]), done: () => clearTimeout(timer) }
}
