/** The admission protocol: the first stream on a connection to an orderer or peer carries the client's credential. */
export const ADMISSION_PROTOCOL = '/consort/admission/1.0.0'

/** Default per-frame cap: a block or an envelope larger than this is refused. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024
/** Default time to wait for one frame or one write. */
export const DEFAULT_IO_TIMEOUT_MS = 10_000
