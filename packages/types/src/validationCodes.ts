import { ValidationCode } from './gen/consort.js'

/**
 * The numeric value of each validation code, as stored one byte per transaction in
 * BlockMetadata.validation_codes. Mirrors the enum in proto/consort.proto.
 */
const CODE_VALUES: Readonly<Record<ValidationCode, number>> = {
  [ValidationCode.VALID]: 0,
  [ValidationCode.NIL_ENVELOPE]: 1,
  [ValidationCode.BAD_PAYLOAD]: 2,
  [ValidationCode.BAD_HEADER]: 3,
  [ValidationCode.BAD_SIGNATURE]: 4,
  [ValidationCode.BAD_CREATOR]: 5,
  [ValidationCode.BAD_TXID]: 6,
  [ValidationCode.DUPLICATE_TXID]: 7,
  [ValidationCode.UNKNOWN_CONTRACT]: 8,
  [ValidationCode.CONTRACT_VERSION_CONFLICT]: 9,
  [ValidationCode.ENDORSEMENT_POLICY_FAILURE]: 10,
  [ValidationCode.BAD_ENDORSEMENT]: 11,
  [ValidationCode.ENDORSEMENT_MISMATCH]: 12,
  [ValidationCode.MVCC_READ_CONFLICT]: 13,
  [ValidationCode.PHANTOM_READ_CONFLICT]: 14,
  [ValidationCode.BAD_RWSET]: 15,
  [ValidationCode.ILLEGAL_WRITESET]: 16,
  [ValidationCode.INVALID_CONFIG]: 17,
  [ValidationCode.UNKNOWN_TX_TYPE]: 18,
  [ValidationCode.BAD_CHANNEL]: 19,
  [ValidationCode.TIMESTAMP_OUT_OF_WINDOW]: 20,
  [ValidationCode.NOT_VALIDATED]: 254,
  [ValidationCode.INVALID_OTHER_REASON]: 255,
}

const CODES_BY_VALUE = new Map<number, ValidationCode>(Object.entries(CODE_VALUES).map(([code, value]) => [value, code as ValidationCode]))

export function validationCodeToByte(code: ValidationCode): number {
  return CODE_VALUES[code]
}

/** Unknown bytes map to INVALID_OTHER_REASON: a reader never treats them as VALID. */
export function validationCodeFromByte(value: number): ValidationCode {
  return CODES_BY_VALUE.get(value) ?? ValidationCode.INVALID_OTHER_REASON
}
