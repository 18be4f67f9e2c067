import { decodeMessage, encodeMessage, enumeration, MaxLengthError, MaxSizeError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export enum Role {
  ROLE_UNSPECIFIED = 'ROLE_UNSPECIFIED',
  ADMIN = 'ADMIN',
  PEER = 'PEER',
  ORDERER = 'ORDERER',
  CLIENT = 'CLIENT'
}

enum __RoleValues {
  ROLE_UNSPECIFIED = 0,
  ADMIN = 1,
  PEER = 2,
  ORDERER = 3,
  CLIENT = 4
}

export namespace Role {
  export const codec = (): Codec<Role> => {
    return enumeration<Role>(__RoleValues)
  }
}

export interface CertificateBody {
  version: number
  serial: Uint8Array
  subject: string
  org: string
  role: Role
  publicKey: Uint8Array
  notBefore: number
  notAfter: number
  issuer: string
  isCa: boolean
  attributes: Map<string, string>
}

export namespace CertificateBody {
  export interface CertificateBody$attributesEntry {
    key: string
    value: string
  }

  export namespace CertificateBody$attributesEntry {
    let _codec: Codec<CertificateBody$attributesEntry>

    export const codec = (): Codec<CertificateBody$attributesEntry> => {
      if (_codec == null) {
        _codec = message<CertificateBody$attributesEntry>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.key != null && obj.key !== '')) {
            w.uint32(10)
            w.string(obj.key)
          }

          if ((obj.value != null && obj.value !== '')) {
            w.uint32(18)
            w.string(obj.value)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            key: '',
            value: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.key = reader.string()
                break
              }
              case 2: {
                obj.value = reader.string()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.key`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.value`,
                  value: reader.string()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface CertificateBody$attributesEntryKeyFieldEvent {
      field: '$.key'
      value: string
    }

    export interface CertificateBody$attributesEntryValueFieldEvent {
      field: '$.value'
      value: string
    }

    export function encode (obj: Partial<CertificateBody$attributesEntry>): Uint8Array {
      return encodeMessage(obj, CertificateBody$attributesEntry.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CertificateBody$attributesEntry>): CertificateBody$attributesEntry {
      return decodeMessage(buf, CertificateBody$attributesEntry.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CertificateBody$attributesEntry>): Generator<CertificateBody$attributesEntryKeyFieldEvent | CertificateBody$attributesEntryValueFieldEvent> {
      return streamMessage(buf, CertificateBody$attributesEntry.codec(), opts)
    }
  }

  let _codec: Codec<CertificateBody>

  export const codec = (): Codec<CertificateBody> => {
    if (_codec == null) {
      _codec = message<CertificateBody>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.version != null && obj.version !== 0)) {
          w.uint32(8)
          w.uint32(obj.version)
        }

        if ((obj.serial != null && obj.serial.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.serial)
        }

        if ((obj.subject != null && obj.subject !== '')) {
          w.uint32(26)
          w.string(obj.subject)
        }

        if ((obj.org != null && obj.org !== '')) {
          w.uint32(34)
          w.string(obj.org)
        }

        if (obj.role != null && __RoleValues[obj.role] !== 0) {
          w.uint32(40)
          Role.codec().encode(obj.role, w)
        }

        if ((obj.publicKey != null && obj.publicKey.byteLength > 0)) {
          w.uint32(50)
          w.bytes(obj.publicKey)
        }

        if ((obj.notBefore != null && obj.notBefore !== 0)) {
          w.uint32(56)
          w.uint64Number(obj.notBefore)
        }

        if ((obj.notAfter != null && obj.notAfter !== 0)) {
          w.uint32(64)
          w.uint64Number(obj.notAfter)
        }

        if ((obj.issuer != null && obj.issuer !== '')) {
          w.uint32(74)
          w.string(obj.issuer)
        }

        if ((obj.isCa != null && obj.isCa !== false)) {
          w.uint32(80)
          w.bool(obj.isCa)
        }

        if (obj.attributes != null && obj.attributes.size > 0) {
          for (const [key, value] of obj.attributes.entries()) {
            w.uint32(90)
            CertificateBody.CertificateBody$attributesEntry.codec().encode({ key, value }, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          version: 0,
          serial: uint8ArrayAlloc(0),
          subject: '',
          org: '',
          role: Role.ROLE_UNSPECIFIED,
          publicKey: uint8ArrayAlloc(0),
          notBefore: 0,
          notAfter: 0,
          issuer: '',
          isCa: false,
          attributes: new Map<string, string>()
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.version = reader.uint32()
              break
            }
            case 2: {
              obj.serial = reader.bytes()
              break
            }
            case 3: {
              obj.subject = reader.string()
              break
            }
            case 4: {
              obj.org = reader.string()
              break
            }
            case 5: {
              obj.role = Role.codec().decode(reader)
              break
            }
            case 6: {
              obj.publicKey = reader.bytes()
              break
            }
            case 7: {
              obj.notBefore = reader.uint64Number()
              break
            }
            case 8: {
              obj.notAfter = reader.uint64Number()
              break
            }
            case 9: {
              obj.issuer = reader.string()
              break
            }
            case 10: {
              obj.isCa = reader.bool()
              break
            }
            case 11: {
              if (opts.limits?.attributes != null && obj.attributes.size === opts.limits.attributes) {
                throw new MaxSizeError('Decode error - map field "attributes" had too many elements')
              }

              const entry = CertificateBody.CertificateBody$attributesEntry.codec().decode(reader, reader.uint32(), {
                limits: {
                  value: opts.limits?.attributes$value
                }
              })
              obj.attributes.set(entry.key, entry.value)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          attributes: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.version`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.serial`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.subject`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.org`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.role`,
                value: Role.codec().decode(reader)
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.publicKey`,
                value: reader.bytes()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.notBefore`,
                value: reader.uint64Number()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.notAfter`,
                value: reader.uint64Number()
              }
              break
            }
            case 9: {
              yield {
                field: `${prefix}.issuer`,
                value: reader.string()
              }
              break
            }
            case 10: {
              yield {
                field: `${prefix}.isCa`,
                value: reader.bool()
              }
              break
            }
            case 11: {
              if (opts.limits?.attributes != null && obj.attributes === opts.limits.attributes) {
                throw new MaxLengthError('Decode error - map field "attributes" had too many elements')
              }

              yield * CertificateBody.CertificateBody$attributesEntry.codec().stream(reader, reader.uint32(), `${prefix}.attributes{}`, {
                limits: {
                  value: opts.limits?.attributes$value
                }
              })

              obj.attributes++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CertificateBodyVersionFieldEvent {
    field: '$.version'
    value: number
  }

  export interface CertificateBodySerialFieldEvent {
    field: '$.serial'
    value: Uint8Array
  }

  export interface CertificateBodySubjectFieldEvent {
    field: '$.subject'
    value: string
  }

  export interface CertificateBodyOrgFieldEvent {
    field: '$.org'
    value: string
  }

  export interface CertificateBodyRoleFieldEvent {
    field: '$.role'
    value: Role
  }

  export interface CertificateBodyPublicKeyFieldEvent {
    field: '$.publicKey'
    value: Uint8Array
  }

  export interface CertificateBodyNotBeforeFieldEvent {
    field: '$.notBefore'
    value: number
  }

  export interface CertificateBodyNotAfterFieldEvent {
    field: '$.notAfter'
    value: number
  }

  export interface CertificateBodyIssuerFieldEvent {
    field: '$.issuer'
    value: string
  }

  export interface CertificateBodyIsCaFieldEvent {
    field: '$.isCa'
    value: boolean
  }

  export interface CertificateBodyAttributesFieldEvent {
    field: '$.attributes{}'
    key: string
    value: string
  }

  export function encode (obj: Partial<CertificateBody>): Uint8Array {
    return encodeMessage(obj, CertificateBody.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CertificateBody>): CertificateBody {
    return decodeMessage(buf, CertificateBody.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CertificateBody>): Generator<CertificateBodyVersionFieldEvent | CertificateBodySerialFieldEvent | CertificateBodySubjectFieldEvent | CertificateBodyOrgFieldEvent | CertificateBodyRoleFieldEvent | CertificateBodyPublicKeyFieldEvent | CertificateBodyNotBeforeFieldEvent | CertificateBodyNotAfterFieldEvent | CertificateBodyIssuerFieldEvent | CertificateBodyIsCaFieldEvent | CertificateBodyAttributesFieldEvent> {
    return streamMessage(buf, CertificateBody.codec(), opts)
  }
}

export interface Certificate {
  body: Uint8Array
  signature: Uint8Array
}

export namespace Certificate {
  let _codec: Codec<Certificate>

  export const codec = (): Codec<Certificate> => {
    if (_codec == null) {
      _codec = message<Certificate>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.body != null && obj.body.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.body)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          body: uint8ArrayAlloc(0),
          signature: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.body = reader.bytes()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.body`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CertificateBodyFieldEvent {
    field: '$.body'
    value: Uint8Array
  }

  export interface CertificateSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array
  }

  export function encode (obj: Partial<Certificate>): Uint8Array {
    return encodeMessage(obj, Certificate.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Certificate>): Certificate {
    return decodeMessage(buf, Certificate.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Certificate>): Generator<CertificateBodyFieldEvent | CertificateSignatureFieldEvent> {
    return streamMessage(buf, Certificate.codec(), opts)
  }
}

export interface Envelope {
  payload: Uint8Array
  signature: Uint8Array
  signer: Uint8Array
}

export namespace Envelope {
  let _codec: Codec<Envelope>

  export const codec = (): Codec<Envelope> => {
    if (_codec == null) {
      _codec = message<Envelope>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.payload != null && obj.payload.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.payload)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.signer != null && obj.signer.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.signer)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          payload: uint8ArrayAlloc(0),
          signature: uint8ArrayAlloc(0),
          signer: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.payload = reader.bytes()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.signer = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.signer`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface EnvelopePayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array
  }

  export interface EnvelopeSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array
  }

  export interface EnvelopeSignerFieldEvent {
    field: '$.signer'
    value: Uint8Array
  }

  export function encode (obj: Partial<Envelope>): Uint8Array {
    return encodeMessage(obj, Envelope.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Envelope {
    return decodeMessage(buf, Envelope.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopePayloadFieldEvent | EnvelopeSignatureFieldEvent | EnvelopeSignerFieldEvent> {
    return streamMessage(buf, Envelope.codec(), opts)
  }
}

export enum HeaderType {
  HEADER_TYPE_UNSPECIFIED = 'HEADER_TYPE_UNSPECIFIED',
  TRANSACTION = 'TRANSACTION',
  CONFIG_UPDATE = 'CONFIG_UPDATE',
  CONFIG = 'CONFIG',
  DELIVER_SEEK = 'DELIVER_SEEK',
  PEER_ADMIN = 'PEER_ADMIN',
  PEER_QUERY = 'PEER_QUERY',
  ORDERER_ADMIN = 'ORDERER_ADMIN'
}

enum __HeaderTypeValues {
  HEADER_TYPE_UNSPECIFIED = 0,
  TRANSACTION = 1,
  CONFIG_UPDATE = 2,
  CONFIG = 3,
  DELIVER_SEEK = 4,
  PEER_ADMIN = 5,
  PEER_QUERY = 6,
  ORDERER_ADMIN = 7
}

export namespace HeaderType {
  export const codec = (): Codec<HeaderType> => {
    return enumeration<HeaderType>(__HeaderTypeValues)
  }
}

export interface Header {
  type: HeaderType
  channelId: string
  txId: string
  timestamp: number
  nonce: Uint8Array
  creator: Uint8Array
}

export namespace Header {
  let _codec: Codec<Header>

  export const codec = (): Codec<Header> => {
    if (_codec == null) {
      _codec = message<Header>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __HeaderTypeValues[obj.type] !== 0) {
          w.uint32(8)
          HeaderType.codec().encode(obj.type, w)
        }

        if ((obj.channelId != null && obj.channelId !== '')) {
          w.uint32(18)
          w.string(obj.channelId)
        }

        if ((obj.txId != null && obj.txId !== '')) {
          w.uint32(26)
          w.string(obj.txId)
        }

        if ((obj.timestamp != null && obj.timestamp !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.timestamp)
        }

        if ((obj.nonce != null && obj.nonce.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.nonce)
        }

        if ((obj.creator != null && obj.creator.byteLength > 0)) {
          w.uint32(50)
          w.bytes(obj.creator)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: HeaderType.HEADER_TYPE_UNSPECIFIED,
          channelId: '',
          txId: '',
          timestamp: 0,
          nonce: uint8ArrayAlloc(0),
          creator: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.type = HeaderType.codec().decode(reader)
              break
            }
            case 2: {
              obj.channelId = reader.string()
              break
            }
            case 3: {
              obj.txId = reader.string()
              break
            }
            case 4: {
              obj.timestamp = reader.uint64Number()
              break
            }
            case 5: {
              obj.nonce = reader.bytes()
              break
            }
            case 6: {
              obj.creator = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.type`,
                value: HeaderType.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.channelId`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.txId`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.timestamp`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.nonce`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.creator`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HeaderTypeFieldEvent {
    field: '$.type'
    value: HeaderType
  }

  export interface HeaderChannelIdFieldEvent {
    field: '$.channelId'
    value: string
  }

  export interface HeaderTxIdFieldEvent {
    field: '$.txId'
    value: string
  }

  export interface HeaderTimestampFieldEvent {
    field: '$.timestamp'
    value: number
  }

  export interface HeaderNonceFieldEvent {
    field: '$.nonce'
    value: Uint8Array
  }

  export interface HeaderCreatorFieldEvent {
    field: '$.creator'
    value: Uint8Array
  }

  export function encode (obj: Partial<Header>): Uint8Array {
    return encodeMessage(obj, Header.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Header>): Header {
    return decodeMessage(buf, Header.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Header>): Generator<HeaderTypeFieldEvent | HeaderChannelIdFieldEvent | HeaderTxIdFieldEvent | HeaderTimestampFieldEvent | HeaderNonceFieldEvent | HeaderCreatorFieldEvent> {
    return streamMessage(buf, Header.codec(), opts)
  }
}

export interface Payload {
  header: Uint8Array
  data: Uint8Array
}

export namespace Payload {
  let _codec: Codec<Payload>

  export const codec = (): Codec<Payload> => {
    if (_codec == null) {
      _codec = message<Payload>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.header != null && obj.header.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.header)
        }

        if ((obj.data != null && obj.data.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.data)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          header: uint8ArrayAlloc(0),
          data: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.header = reader.bytes()
              break
            }
            case 2: {
              obj.data = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.header`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.data`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface PayloadHeaderFieldEvent {
    field: '$.header'
    value: Uint8Array
  }

  export interface PayloadDataFieldEvent {
    field: '$.data'
    value: Uint8Array
  }

  export function encode (obj: Partial<Payload>): Uint8Array {
    return encodeMessage(obj, Payload.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Payload>): Payload {
    return decodeMessage(buf, Payload.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Payload>): Generator<PayloadHeaderFieldEvent | PayloadDataFieldEvent> {
    return streamMessage(buf, Payload.codec(), opts)
  }
}

export interface ContractInput {
  contract: string
  function: string
  args: Uint8Array[]
}

export namespace ContractInput {
  let _codec: Codec<ContractInput>

  export const codec = (): Codec<ContractInput> => {
    if (_codec == null) {
      _codec = message<ContractInput>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.contract != null && obj.contract !== '')) {
          w.uint32(10)
          w.string(obj.contract)
        }

        if ((obj.function != null && obj.function !== '')) {
          w.uint32(18)
          w.string(obj.function)
        }

        if (obj.args != null && obj.args.length > 0) {
          for (const value of obj.args) {
            w.uint32(26)
            w.bytes(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          contract: '',
          function: '',
          args: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.contract = reader.string()
              break
            }
            case 2: {
              obj.function = reader.string()
              break
            }
            case 3: {
              if (opts.limits?.args != null && obj.args.length === opts.limits.args) {
                throw new MaxLengthError('Decode error - repeated field "args" had too many elements')
              }

              obj.args.push(reader.bytes())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          args: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.contract`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.function`,
                value: reader.string()
              }
              break
            }
            case 3: {
              if (opts.limits?.args != null && obj.args === opts.limits.args) {
                throw new MaxLengthError('Streaming decode error - repeated field "args" had too many elements')
              }

              yield {
                field: `${prefix}.args[]`,
                index: obj.args,
                value: reader.bytes()
              }

              obj.args++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ContractInputContractFieldEvent {
    field: '$.contract'
    value: string
  }

  export interface ContractInputFunctionFieldEvent {
    field: '$.function'
    value: string
  }

  export interface ContractInputArgsFieldEvent {
    field: '$.args[]'
    index: number
    value: Uint8Array
  }

  export function encode (obj: Partial<ContractInput>): Uint8Array {
    return encodeMessage(obj, ContractInput.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractInput>): ContractInput {
    return decodeMessage(buf, ContractInput.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractInput>): Generator<ContractInputContractFieldEvent | ContractInputFunctionFieldEvent | ContractInputArgsFieldEvent> {
    return streamMessage(buf, ContractInput.codec(), opts)
  }
}

export interface Proposal {
  header: Uint8Array
  input: Uint8Array
  transient: Map<string, Uint8Array>
}

export namespace Proposal {
  export interface Proposal$transientEntry {
    key: string
    value: Uint8Array
  }

  export namespace Proposal$transientEntry {
    let _codec: Codec<Proposal$transientEntry>

    export const codec = (): Codec<Proposal$transientEntry> => {
      if (_codec == null) {
        _codec = message<Proposal$transientEntry>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.key != null && obj.key !== '')) {
            w.uint32(10)
            w.string(obj.key)
          }

          if ((obj.value != null && obj.value.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.value)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            key: '',
            value: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.key = reader.string()
                break
              }
              case 2: {
                obj.value = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.key`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.value`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface Proposal$transientEntryKeyFieldEvent {
      field: '$.key'
      value: string
    }

    export interface Proposal$transientEntryValueFieldEvent {
      field: '$.value'
      value: Uint8Array
    }

    export function encode (obj: Partial<Proposal$transientEntry>): Uint8Array {
      return encodeMessage(obj, Proposal$transientEntry.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Proposal$transientEntry>): Proposal$transientEntry {
      return decodeMessage(buf, Proposal$transientEntry.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Proposal$transientEntry>): Generator<Proposal$transientEntryKeyFieldEvent | Proposal$transientEntryValueFieldEvent> {
      return streamMessage(buf, Proposal$transientEntry.codec(), opts)
    }
  }

  let _codec: Codec<Proposal>

  export const codec = (): Codec<Proposal> => {
    if (_codec == null) {
      _codec = message<Proposal>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.header != null && obj.header.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.header)
        }

        if ((obj.input != null && obj.input.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.input)
        }

        if (obj.transient != null && obj.transient.size > 0) {
          for (const [key, value] of obj.transient.entries()) {
            w.uint32(26)
            Proposal.Proposal$transientEntry.codec().encode({ key, value }, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          header: uint8ArrayAlloc(0),
          input: uint8ArrayAlloc(0),
          transient: new Map<string, Uint8Array>()
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.header = reader.bytes()
              break
            }
            case 2: {
              obj.input = reader.bytes()
              break
            }
            case 3: {
              if (opts.limits?.transient != null && obj.transient.size === opts.limits.transient) {
                throw new MaxSizeError('Decode error - map field "transient" had too many elements')
              }

              const entry = Proposal.Proposal$transientEntry.codec().decode(reader, reader.uint32(), {
                limits: {
                  value: opts.limits?.transient$value
                }
              })
              obj.transient.set(entry.key, entry.value)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          transient: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.header`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.input`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              if (opts.limits?.transient != null && obj.transient === opts.limits.transient) {
                throw new MaxLengthError('Decode error - map field "transient" had too many elements')
              }

              yield * Proposal.Proposal$transientEntry.codec().stream(reader, reader.uint32(), `${prefix}.transient{}`, {
                limits: {
                  value: opts.limits?.transient$value
                }
              })

              obj.transient++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ProposalHeaderFieldEvent {
    field: '$.header'
    value: Uint8Array
  }

  export interface ProposalInputFieldEvent {
    field: '$.input'
    value: Uint8Array
  }

  export interface ProposalTransientFieldEvent {
    field: '$.transient{}'
    key: string
    value: Uint8Array
  }

  export function encode (obj: Partial<Proposal>): Uint8Array {
    return encodeMessage(obj, Proposal.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Proposal>): Proposal {
    return decodeMessage(buf, Proposal.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Proposal>): Generator<ProposalHeaderFieldEvent | ProposalInputFieldEvent | ProposalTransientFieldEvent> {
    return streamMessage(buf, Proposal.codec(), opts)
  }
}

export interface Response {
  status: number
  message: string
  payload: Uint8Array
}

export namespace Response {
  let _codec: Codec<Response>

  export const codec = (): Codec<Response> => {
    if (_codec == null) {
      _codec = message<Response>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.status != null && obj.status !== 0)) {
          w.uint32(8)
          w.int32(obj.status)
        }

        if ((obj.message != null && obj.message !== '')) {
          w.uint32(18)
          w.string(obj.message)
        }

        if ((obj.payload != null && obj.payload.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.payload)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: 0,
          message: '',
          payload: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = reader.int32()
              break
            }
            case 2: {
              obj.message = reader.string()
              break
            }
            case 3: {
              obj.payload = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: reader.int32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.message`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ResponseStatusFieldEvent {
    field: '$.status'
    value: number
  }

  export interface ResponseMessageFieldEvent {
    field: '$.message'
    value: string
  }

  export interface ResponsePayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array
  }

  export function encode (obj: Partial<Response>): Uint8Array {
    return encodeMessage(obj, Response.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Response>): Response {
    return decodeMessage(buf, Response.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Response>): Generator<ResponseStatusFieldEvent | ResponseMessageFieldEvent | ResponsePayloadFieldEvent> {
    return streamMessage(buf, Response.codec(), opts)
  }
}

export interface ContractEvent {
  contract: string
  txId: string
  name: string
  payload: Uint8Array
}

export namespace ContractEvent {
  let _codec: Codec<ContractEvent>

  export const codec = (): Codec<ContractEvent> => {
    if (_codec == null) {
      _codec = message<ContractEvent>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.contract != null && obj.contract !== '')) {
          w.uint32(10)
          w.string(obj.contract)
        }

        if ((obj.txId != null && obj.txId !== '')) {
          w.uint32(18)
          w.string(obj.txId)
        }

        if ((obj.name != null && obj.name !== '')) {
          w.uint32(26)
          w.string(obj.name)
        }

        if ((obj.payload != null && obj.payload.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.payload)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          contract: '',
          txId: '',
          name: '',
          payload: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.contract = reader.string()
              break
            }
            case 2: {
              obj.txId = reader.string()
              break
            }
            case 3: {
              obj.name = reader.string()
              break
            }
            case 4: {
              obj.payload = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.contract`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.txId`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.name`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ContractEventContractFieldEvent {
    field: '$.contract'
    value: string
  }

  export interface ContractEventTxIdFieldEvent {
    field: '$.txId'
    value: string
  }

  export interface ContractEventNameFieldEvent {
    field: '$.name'
    value: string
  }

  export interface ContractEventPayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array
  }

  export function encode (obj: Partial<ContractEvent>): Uint8Array {
    return encodeMessage(obj, ContractEvent.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractEvent>): ContractEvent {
    return decodeMessage(buf, ContractEvent.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractEvent>): Generator<ContractEventContractFieldEvent | ContractEventTxIdFieldEvent | ContractEventNameFieldEvent | ContractEventPayloadFieldEvent> {
    return streamMessage(buf, ContractEvent.codec(), opts)
  }
}

export interface ProposalResponsePayload {
  proposalHash: Uint8Array
  contract: string
  contractVersion: string
  contractSequence: number
  rwset: Uint8Array
  response?: Response
  events: ContractEvent[]
}

export namespace ProposalResponsePayload {
  let _codec: Codec<ProposalResponsePayload>

  export const codec = (): Codec<ProposalResponsePayload> => {
    if (_codec == null) {
      _codec = message<ProposalResponsePayload>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.proposalHash != null && obj.proposalHash.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.proposalHash)
        }

        if ((obj.contract != null && obj.contract !== '')) {
          w.uint32(18)
          w.string(obj.contract)
        }

        if ((obj.contractVersion != null && obj.contractVersion !== '')) {
          w.uint32(26)
          w.string(obj.contractVersion)
        }

        if ((obj.contractSequence != null && obj.contractSequence !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.contractSequence)
        }

        if ((obj.rwset != null && obj.rwset.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.rwset)
        }

        if (obj.response != null) {
          w.uint32(50)
          Response.codec().encode(obj.response, w)
        }

        if (obj.events != null && obj.events.length > 0) {
          for (const value of obj.events) {
            w.uint32(58)
            ContractEvent.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          proposalHash: uint8ArrayAlloc(0),
          contract: '',
          contractVersion: '',
          contractSequence: 0,
          rwset: uint8ArrayAlloc(0),
          events: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.proposalHash = reader.bytes()
              break
            }
            case 2: {
              obj.contract = reader.string()
              break
            }
            case 3: {
              obj.contractVersion = reader.string()
              break
            }
            case 4: {
              obj.contractSequence = reader.uint64Number()
              break
            }
            case 5: {
              obj.rwset = reader.bytes()
              break
            }
            case 6: {
              obj.response = Response.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.response
              })
              break
            }
            case 7: {
              if (opts.limits?.events != null && obj.events.length === opts.limits.events) {
                throw new MaxLengthError('Decode error - repeated field "events" had too many elements')
              }

              obj.events.push(ContractEvent.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.events$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          events: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.proposalHash`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.contract`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.contractVersion`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.contractSequence`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.rwset`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
              yield * Response.codec().stream(reader, reader.uint32(), `${prefix}.response`, {
                limits: opts.limits?.response
              })

              break
            }
            case 7: {
              if (opts.limits?.events != null && obj.events === opts.limits.events) {
                throw new MaxLengthError('Streaming decode error - repeated field "events" had too many elements')
              }

              for (const evt of ContractEvent.codec().stream(reader, reader.uint32(), `${prefix}.events[]`, {
                limits: opts.limits?.events$
              })) {
                yield {
                  ...evt,
                  index: obj.events
                }
              }

              obj.events++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ProposalResponsePayloadProposalHashFieldEvent {
    field: '$.proposalHash'
    value: Uint8Array
  }

  export interface ProposalResponsePayloadContractFieldEvent {
    field: '$.contract'
    value: string
  }

  export interface ProposalResponsePayloadContractVersionFieldEvent {
    field: '$.contractVersion'
    value: string
  }

  export interface ProposalResponsePayloadContractSequenceFieldEvent {
    field: '$.contractSequence'
    value: number
  }

  export interface ProposalResponsePayloadRwsetFieldEvent {
    field: '$.rwset'
    value: Uint8Array
  }

  export interface ProposalResponsePayloadResponseStatusFieldEvent {
    field: '$.response.status'
    value: number
  }

  export interface ProposalResponsePayloadResponseMessageFieldEvent {
    field: '$.response.message'
    value: string
  }

  export interface ProposalResponsePayloadResponsePayloadFieldEvent {
    field: '$.response.payload'
    value: Uint8Array
  }

  export interface ProposalResponsePayloadEventsContractFieldEvent {
    field: '$.events[].contract'
    value: string
    index: number
  }

  export interface ProposalResponsePayloadEventsTxIdFieldEvent {
    field: '$.events[].txId'
    value: string
    index: number
  }

  export interface ProposalResponsePayloadEventsNameFieldEvent {
    field: '$.events[].name'
    value: string
    index: number
  }

  export interface ProposalResponsePayloadEventsPayloadFieldEvent {
    field: '$.events[].payload'
    value: Uint8Array
    index: number
  }

  export function encode (obj: Partial<ProposalResponsePayload>): Uint8Array {
    return encodeMessage(obj, ProposalResponsePayload.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProposalResponsePayload>): ProposalResponsePayload {
    return decodeMessage(buf, ProposalResponsePayload.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProposalResponsePayload>): Generator<ProposalResponsePayloadProposalHashFieldEvent | ProposalResponsePayloadContractFieldEvent | ProposalResponsePayloadContractVersionFieldEvent | ProposalResponsePayloadContractSequenceFieldEvent | ProposalResponsePayloadRwsetFieldEvent | ProposalResponsePayloadResponseStatusFieldEvent | ProposalResponsePayloadResponseMessageFieldEvent | ProposalResponsePayloadResponsePayloadFieldEvent | ProposalResponsePayloadEventsContractFieldEvent | ProposalResponsePayloadEventsTxIdFieldEvent | ProposalResponsePayloadEventsNameFieldEvent | ProposalResponsePayloadEventsPayloadFieldEvent> {
    return streamMessage(buf, ProposalResponsePayload.codec(), opts)
  }
}

export interface Endorsement {
  endorser: Uint8Array
  signature: Uint8Array
}

export namespace Endorsement {
  let _codec: Codec<Endorsement>

  export const codec = (): Codec<Endorsement> => {
    if (_codec == null) {
      _codec = message<Endorsement>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.endorser != null && obj.endorser.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.endorser)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          endorser: uint8ArrayAlloc(0),
          signature: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.endorser = reader.bytes()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.endorser`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface EndorsementEndorserFieldEvent {
    field: '$.endorser'
    value: Uint8Array
  }

  export interface EndorsementSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array
  }

  export function encode (obj: Partial<Endorsement>): Uint8Array {
    return encodeMessage(obj, Endorsement.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Endorsement>): Endorsement {
    return decodeMessage(buf, Endorsement.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Endorsement>): Generator<EndorsementEndorserFieldEvent | EndorsementSignatureFieldEvent> {
    return streamMessage(buf, Endorsement.codec(), opts)
  }
}

export interface ProposalResponse {
  response?: Response
  payload: Uint8Array
  endorsement?: Endorsement
}

export namespace ProposalResponse {
  let _codec: Codec<ProposalResponse>

  export const codec = (): Codec<ProposalResponse> => {
    if (_codec == null) {
      _codec = message<ProposalResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.response != null) {
          w.uint32(10)
          Response.codec().encode(obj.response, w)
        }

        if ((obj.payload != null && obj.payload.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.payload)
        }

        if (obj.endorsement != null) {
          w.uint32(26)
          Endorsement.codec().encode(obj.endorsement, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          payload: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.response = Response.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.response
              })
              break
            }
            case 2: {
              obj.payload = reader.bytes()
              break
            }
            case 3: {
              obj.endorsement = Endorsement.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.endorsement
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * Response.codec().stream(reader, reader.uint32(), `${prefix}.response`, {
                limits: opts.limits?.response
              })

              break
            }
            case 2: {
              yield {
                field: `${prefix}.payload`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield * Endorsement.codec().stream(reader, reader.uint32(), `${prefix}.endorsement`, {
                limits: opts.limits?.endorsement
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ProposalResponseResponseStatusFieldEvent {
    field: '$.response.status'
    value: number
  }

  export interface ProposalResponseResponseMessageFieldEvent {
    field: '$.response.message'
    value: string
  }

  export interface ProposalResponseResponsePayloadFieldEvent {
    field: '$.response.payload'
    value: Uint8Array
  }

  export interface ProposalResponsePayloadFieldEvent {
    field: '$.payload'
    value: Uint8Array
  }

  export interface ProposalResponseEndorsementEndorserFieldEvent {
    field: '$.endorsement.endorser'
    value: Uint8Array
  }

  export interface ProposalResponseEndorsementSignatureFieldEvent {
    field: '$.endorsement.signature'
    value: Uint8Array
  }

  export function encode (obj: Partial<ProposalResponse>): Uint8Array {
    return encodeMessage(obj, ProposalResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProposalResponse>): ProposalResponse {
    return decodeMessage(buf, ProposalResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ProposalResponse>): Generator<ProposalResponseResponseStatusFieldEvent | ProposalResponseResponseMessageFieldEvent | ProposalResponseResponsePayloadFieldEvent | ProposalResponsePayloadFieldEvent | ProposalResponseEndorsementEndorserFieldEvent | ProposalResponseEndorsementSignatureFieldEvent> {
    return streamMessage(buf, ProposalResponse.codec(), opts)
  }
}

export interface Version {
  blockNum: number
  txNum: number
}

export namespace Version {
  let _codec: Codec<Version>

  export const codec = (): Codec<Version> => {
    if (_codec == null) {
      _codec = message<Version>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.blockNum != null && obj.blockNum !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.blockNum)
        }

        if ((obj.txNum != null && obj.txNum !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.txNum)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          blockNum: 0,
          txNum: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.blockNum = reader.uint64Number()
              break
            }
            case 2: {
              obj.txNum = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.blockNum`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.txNum`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface VersionBlockNumFieldEvent {
    field: '$.blockNum'
    value: number
  }

  export interface VersionTxNumFieldEvent {
    field: '$.txNum'
    value: number
  }

  export function encode (obj: Partial<Version>): Uint8Array {
    return encodeMessage(obj, Version.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Version>): Version {
    return decodeMessage(buf, Version.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Version>): Generator<VersionBlockNumFieldEvent | VersionTxNumFieldEvent> {
    return streamMessage(buf, Version.codec(), opts)
  }
}

export interface KVRead {
  key: string
  version?: Version
}

export namespace KVRead {
  let _codec: Codec<KVRead>

  export const codec = (): Codec<KVRead> => {
    if (_codec == null) {
      _codec = message<KVRead>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.key != null && obj.key !== '')) {
          w.uint32(10)
          w.string(obj.key)
        }

        if (obj.version != null) {
          w.uint32(18)
          Version.codec().encode(obj.version, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          key: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.key = reader.string()
              break
            }
            case 2: {
              obj.version = Version.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.version
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.key`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield * Version.codec().stream(reader, reader.uint32(), `${prefix}.version`, {
                limits: opts.limits?.version
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface KVReadKeyFieldEvent {
    field: '$.key'
    value: string
  }

  export interface KVReadVersionBlockNumFieldEvent {
    field: '$.version.blockNum'
    value: number
  }

  export interface KVReadVersionTxNumFieldEvent {
    field: '$.version.txNum'
    value: number
  }

  export function encode (obj: Partial<KVRead>): Uint8Array {
    return encodeMessage(obj, KVRead.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<KVRead>): KVRead {
    return decodeMessage(buf, KVRead.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<KVRead>): Generator<KVReadKeyFieldEvent | KVReadVersionBlockNumFieldEvent | KVReadVersionTxNumFieldEvent> {
    return streamMessage(buf, KVRead.codec(), opts)
  }
}

export interface KVWrite {
  key: string
  isDelete: boolean
  value: Uint8Array
}

export namespace KVWrite {
  let _codec: Codec<KVWrite>

  export const codec = (): Codec<KVWrite> => {
    if (_codec == null) {
      _codec = message<KVWrite>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.key != null && obj.key !== '')) {
          w.uint32(10)
          w.string(obj.key)
        }

        if ((obj.isDelete != null && obj.isDelete !== false)) {
          w.uint32(16)
          w.bool(obj.isDelete)
        }

        if ((obj.value != null && obj.value.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.value)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          key: '',
          isDelete: false,
          value: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.key = reader.string()
              break
            }
            case 2: {
              obj.isDelete = reader.bool()
              break
            }
            case 3: {
              obj.value = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.key`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.isDelete`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.value`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface KVWriteKeyFieldEvent {
    field: '$.key'
    value: string
  }

  export interface KVWriteIsDeleteFieldEvent {
    field: '$.isDelete'
    value: boolean
  }

  export interface KVWriteValueFieldEvent {
    field: '$.value'
    value: Uint8Array
  }

  export function encode (obj: Partial<KVWrite>): Uint8Array {
    return encodeMessage(obj, KVWrite.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<KVWrite>): KVWrite {
    return decodeMessage(buf, KVWrite.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<KVWrite>): Generator<KVWriteKeyFieldEvent | KVWriteIsDeleteFieldEvent | KVWriteValueFieldEvent> {
    return streamMessage(buf, KVWrite.codec(), opts)
  }
}

export interface RangeQueryInfo {
  startKey: string
  endKey: string
  itrExhausted: boolean
  reads: KVRead[]
}

export namespace RangeQueryInfo {
  let _codec: Codec<RangeQueryInfo>

  export const codec = (): Codec<RangeQueryInfo> => {
    if (_codec == null) {
      _codec = message<RangeQueryInfo>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.startKey != null && obj.startKey !== '')) {
          w.uint32(10)
          w.string(obj.startKey)
        }

        if ((obj.endKey != null && obj.endKey !== '')) {
          w.uint32(18)
          w.string(obj.endKey)
        }

        if ((obj.itrExhausted != null && obj.itrExhausted !== false)) {
          w.uint32(24)
          w.bool(obj.itrExhausted)
        }

        if (obj.reads != null && obj.reads.length > 0) {
          for (const value of obj.reads) {
            w.uint32(34)
            KVRead.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          startKey: '',
          endKey: '',
          itrExhausted: false,
          reads: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.startKey = reader.string()
              break
            }
            case 2: {
              obj.endKey = reader.string()
              break
            }
            case 3: {
              obj.itrExhausted = reader.bool()
              break
            }
            case 4: {
              if (opts.limits?.reads != null && obj.reads.length === opts.limits.reads) {
                throw new MaxLengthError('Decode error - repeated field "reads" had too many elements')
              }

              obj.reads.push(KVRead.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.reads$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          reads: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.startKey`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.endKey`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.itrExhausted`,
                value: reader.bool()
              }
              break
            }
            case 4: {
              if (opts.limits?.reads != null && obj.reads === opts.limits.reads) {
                throw new MaxLengthError('Streaming decode error - repeated field "reads" had too many elements')
              }

              for (const evt of KVRead.codec().stream(reader, reader.uint32(), `${prefix}.reads[]`, {
                limits: opts.limits?.reads$
              })) {
                yield {
                  ...evt,
                  index: obj.reads
                }
              }

              obj.reads++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RangeQueryInfoStartKeyFieldEvent {
    field: '$.startKey'
    value: string
  }

  export interface RangeQueryInfoEndKeyFieldEvent {
    field: '$.endKey'
    value: string
  }

  export interface RangeQueryInfoItrExhaustedFieldEvent {
    field: '$.itrExhausted'
    value: boolean
  }

  export interface RangeQueryInfoReadsKeyFieldEvent {
    field: '$.reads[].key'
    value: string
    index: number
  }

  export interface RangeQueryInfoReadsVersionBlockNumFieldEvent {
    field: '$.reads[].version.blockNum'
    value: number
    index: number
  }

  export interface RangeQueryInfoReadsVersionTxNumFieldEvent {
    field: '$.reads[].version.txNum'
    value: number
    index: number
  }

  export function encode (obj: Partial<RangeQueryInfo>): Uint8Array {
    return encodeMessage(obj, RangeQueryInfo.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RangeQueryInfo>): RangeQueryInfo {
    return decodeMessage(buf, RangeQueryInfo.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RangeQueryInfo>): Generator<RangeQueryInfoStartKeyFieldEvent | RangeQueryInfoEndKeyFieldEvent | RangeQueryInfoItrExhaustedFieldEvent | RangeQueryInfoReadsKeyFieldEvent | RangeQueryInfoReadsVersionBlockNumFieldEvent | RangeQueryInfoReadsVersionTxNumFieldEvent> {
    return streamMessage(buf, RangeQueryInfo.codec(), opts)
  }
}

export interface NsReadWriteSet {
  namespace: string
  reads: KVRead[]
  rangeQueries: RangeQueryInfo[]
  writes: KVWrite[]
}

export namespace NsReadWriteSet {
  let _codec: Codec<NsReadWriteSet>

  export const codec = (): Codec<NsReadWriteSet> => {
    if (_codec == null) {
      _codec = message<NsReadWriteSet>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.namespace != null && obj.namespace !== '')) {
          w.uint32(10)
          w.string(obj.namespace)
        }

        if (obj.reads != null && obj.reads.length > 0) {
          for (const value of obj.reads) {
            w.uint32(18)
            KVRead.codec().encode(value, w)
          }
        }

        if (obj.rangeQueries != null && obj.rangeQueries.length > 0) {
          for (const value of obj.rangeQueries) {
            w.uint32(26)
            RangeQueryInfo.codec().encode(value, w)
          }
        }

        if (obj.writes != null && obj.writes.length > 0) {
          for (const value of obj.writes) {
            w.uint32(34)
            KVWrite.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          namespace: '',
          reads: [],
          rangeQueries: [],
          writes: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.namespace = reader.string()
              break
            }
            case 2: {
              if (opts.limits?.reads != null && obj.reads.length === opts.limits.reads) {
                throw new MaxLengthError('Decode error - repeated field "reads" had too many elements')
              }

              obj.reads.push(KVRead.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.reads$
              }))
              break
            }
            case 3: {
              if (opts.limits?.rangeQueries != null && obj.rangeQueries.length === opts.limits.rangeQueries) {
                throw new MaxLengthError('Decode error - repeated field "rangeQueries" had too many elements')
              }

              obj.rangeQueries.push(RangeQueryInfo.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.rangeQueries$
              }))
              break
            }
            case 4: {
              if (opts.limits?.writes != null && obj.writes.length === opts.limits.writes) {
                throw new MaxLengthError('Decode error - repeated field "writes" had too many elements')
              }

              obj.writes.push(KVWrite.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.writes$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          reads: 0,
          rangeQueries: 0,
          writes: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.namespace`,
                value: reader.string()
              }
              break
            }
            case 2: {
              if (opts.limits?.reads != null && obj.reads === opts.limits.reads) {
                throw new MaxLengthError('Streaming decode error - repeated field "reads" had too many elements')
              }

              for (const evt of KVRead.codec().stream(reader, reader.uint32(), `${prefix}.reads[]`, {
                limits: opts.limits?.reads$
              })) {
                yield {
                  ...evt,
                  index: obj.reads
                }
              }

              obj.reads++

              break
            }
            case 3: {
              if (opts.limits?.rangeQueries != null && obj.rangeQueries === opts.limits.rangeQueries) {
                throw new MaxLengthError('Streaming decode error - repeated field "rangeQueries" had too many elements')
              }

              for (const evt of RangeQueryInfo.codec().stream(reader, reader.uint32(), `${prefix}.rangeQueries[]`, {
                limits: opts.limits?.rangeQueries$
              })) {
                yield {
                  ...evt,
                  index: obj.rangeQueries
                }
              }

              obj.rangeQueries++

              break
            }
            case 4: {
              if (opts.limits?.writes != null && obj.writes === opts.limits.writes) {
                throw new MaxLengthError('Streaming decode error - repeated field "writes" had too many elements')
              }

              for (const evt of KVWrite.codec().stream(reader, reader.uint32(), `${prefix}.writes[]`, {
                limits: opts.limits?.writes$
              })) {
                yield {
                  ...evt,
                  index: obj.writes
                }
              }

              obj.writes++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface NsReadWriteSetNamespaceFieldEvent {
    field: '$.namespace'
    value: string
  }

  export interface NsReadWriteSetReadsKeyFieldEvent {
    field: '$.reads[].key'
    value: string
    index: number
  }

  export interface NsReadWriteSetReadsVersionBlockNumFieldEvent {
    field: '$.reads[].version.blockNum'
    value: number
    index: number
  }

  export interface NsReadWriteSetReadsVersionTxNumFieldEvent {
    field: '$.reads[].version.txNum'
    value: number
    index: number
  }

  export interface NsReadWriteSetRangeQueriesStartKeyFieldEvent {
    field: '$.rangeQueries[].startKey'
    value: string
    index: number
  }

  export interface NsReadWriteSetRangeQueriesEndKeyFieldEvent {
    field: '$.rangeQueries[].endKey'
    value: string
    index: number
  }

  export interface NsReadWriteSetRangeQueriesItrExhaustedFieldEvent {
    field: '$.rangeQueries[].itrExhausted'
    value: boolean
    index: number
  }

  export interface NsReadWriteSetRangeQueriesReadsKeyFieldEvent {
    field: '$.rangeQueries[].reads[].key'
    value: string
    index: number
  }

  export interface NsReadWriteSetRangeQueriesReadsVersionBlockNumFieldEvent {
    field: '$.rangeQueries[].reads[].version.blockNum'
    value: number
    index: number
  }

  export interface NsReadWriteSetRangeQueriesReadsVersionTxNumFieldEvent {
    field: '$.rangeQueries[].reads[].version.txNum'
    value: number
    index: number
  }

  export interface NsReadWriteSetWritesKeyFieldEvent {
    field: '$.writes[].key'
    value: string
    index: number
  }

  export interface NsReadWriteSetWritesIsDeleteFieldEvent {
    field: '$.writes[].isDelete'
    value: boolean
    index: number
  }

  export interface NsReadWriteSetWritesValueFieldEvent {
    field: '$.writes[].value'
    value: Uint8Array
    index: number
  }

  export function encode (obj: Partial<NsReadWriteSet>): Uint8Array {
    return encodeMessage(obj, NsReadWriteSet.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<NsReadWriteSet>): NsReadWriteSet {
    return decodeMessage(buf, NsReadWriteSet.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<NsReadWriteSet>): Generator<NsReadWriteSetNamespaceFieldEvent | NsReadWriteSetReadsKeyFieldEvent | NsReadWriteSetReadsVersionBlockNumFieldEvent | NsReadWriteSetReadsVersionTxNumFieldEvent | NsReadWriteSetRangeQueriesStartKeyFieldEvent | NsReadWriteSetRangeQueriesEndKeyFieldEvent | NsReadWriteSetRangeQueriesItrExhaustedFieldEvent | NsReadWriteSetRangeQueriesReadsKeyFieldEvent | NsReadWriteSetRangeQueriesReadsVersionBlockNumFieldEvent | NsReadWriteSetRangeQueriesReadsVersionTxNumFieldEvent | NsReadWriteSetWritesKeyFieldEvent | NsReadWriteSetWritesIsDeleteFieldEvent | NsReadWriteSetWritesValueFieldEvent> {
    return streamMessage(buf, NsReadWriteSet.codec(), opts)
  }
}

export interface TxReadWriteSet {
  nsRwset: NsReadWriteSet[]
}

export namespace TxReadWriteSet {
  let _codec: Codec<TxReadWriteSet>

  export const codec = (): Codec<TxReadWriteSet> => {
    if (_codec == null) {
      _codec = message<TxReadWriteSet>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.nsRwset != null && obj.nsRwset.length > 0) {
          for (const value of obj.nsRwset) {
            w.uint32(10)
            NsReadWriteSet.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          nsRwset: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.nsRwset != null && obj.nsRwset.length === opts.limits.nsRwset) {
                throw new MaxLengthError('Decode error - repeated field "nsRwset" had too many elements')
              }

              obj.nsRwset.push(NsReadWriteSet.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.nsRwset$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          nsRwset: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.nsRwset != null && obj.nsRwset === opts.limits.nsRwset) {
                throw new MaxLengthError('Streaming decode error - repeated field "nsRwset" had too many elements')
              }

              for (const evt of NsReadWriteSet.codec().stream(reader, reader.uint32(), `${prefix}.nsRwset[]`, {
                limits: opts.limits?.nsRwset$
              })) {
                yield {
                  ...evt,
                  index: obj.nsRwset
                }
              }

              obj.nsRwset++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TxReadWriteSetNsRwsetNamespaceFieldEvent {
    field: '$.nsRwset[].namespace'
    value: string
    index: number
  }

  export interface TxReadWriteSetNsRwsetReadsKeyFieldEvent {
    field: '$.nsRwset[].reads[].key'
    value: string
    index: number
  }

  export interface TxReadWriteSetNsRwsetReadsVersionBlockNumFieldEvent {
    field: '$.nsRwset[].reads[].version.blockNum'
    value: number
    index: number
  }

  export interface TxReadWriteSetNsRwsetReadsVersionTxNumFieldEvent {
    field: '$.nsRwset[].reads[].version.txNum'
    value: number
    index: number
  }

  export interface TxReadWriteSetNsRwsetRangeQueriesStartKeyFieldEvent {
    field: '$.nsRwset[].rangeQueries[].startKey'
    value: string
    index: number
  }

  export interface TxReadWriteSetNsRwsetRangeQueriesEndKeyFieldEvent {
    field: '$.nsRwset[].rangeQueries[].endKey'
    value: string
    index: number
  }

  export interface TxReadWriteSetNsRwsetRangeQueriesItrExhaustedFieldEvent {
    field: '$.nsRwset[].rangeQueries[].itrExhausted'
    value: boolean
    index: number
  }

  export interface TxReadWriteSetNsRwsetRangeQueriesReadsKeyFieldEvent {
    field: '$.nsRwset[].rangeQueries[].reads[].key'
    value: string
    index: number
  }

  export interface TxReadWriteSetNsRwsetRangeQueriesReadsVersionBlockNumFieldEvent {
    field: '$.nsRwset[].rangeQueries[].reads[].version.blockNum'
    value: number
    index: number
  }

  export interface TxReadWriteSetNsRwsetRangeQueriesReadsVersionTxNumFieldEvent {
    field: '$.nsRwset[].rangeQueries[].reads[].version.txNum'
    value: number
    index: number
  }

  export interface TxReadWriteSetNsRwsetWritesKeyFieldEvent {
    field: '$.nsRwset[].writes[].key'
    value: string
    index: number
  }

  export interface TxReadWriteSetNsRwsetWritesIsDeleteFieldEvent {
    field: '$.nsRwset[].writes[].isDelete'
    value: boolean
    index: number
  }

  export interface TxReadWriteSetNsRwsetWritesValueFieldEvent {
    field: '$.nsRwset[].writes[].value'
    value: Uint8Array
    index: number
  }

  export function encode (obj: Partial<TxReadWriteSet>): Uint8Array {
    return encodeMessage(obj, TxReadWriteSet.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TxReadWriteSet>): TxReadWriteSet {
    return decodeMessage(buf, TxReadWriteSet.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TxReadWriteSet>): Generator<TxReadWriteSetNsRwsetNamespaceFieldEvent | TxReadWriteSetNsRwsetReadsKeyFieldEvent | TxReadWriteSetNsRwsetReadsVersionBlockNumFieldEvent | TxReadWriteSetNsRwsetReadsVersionTxNumFieldEvent | TxReadWriteSetNsRwsetRangeQueriesStartKeyFieldEvent | TxReadWriteSetNsRwsetRangeQueriesEndKeyFieldEvent | TxReadWriteSetNsRwsetRangeQueriesItrExhaustedFieldEvent | TxReadWriteSetNsRwsetRangeQueriesReadsKeyFieldEvent | TxReadWriteSetNsRwsetRangeQueriesReadsVersionBlockNumFieldEvent | TxReadWriteSetNsRwsetRangeQueriesReadsVersionTxNumFieldEvent | TxReadWriteSetNsRwsetWritesKeyFieldEvent | TxReadWriteSetNsRwsetWritesIsDeleteFieldEvent | TxReadWriteSetNsRwsetWritesValueFieldEvent> {
    return streamMessage(buf, TxReadWriteSet.codec(), opts)
  }
}

export interface Transaction {
  input: Uint8Array
  responsePayload: Uint8Array
  endorsements: Endorsement[]
}

export namespace Transaction {
  let _codec: Codec<Transaction>

  export const codec = (): Codec<Transaction> => {
    if (_codec == null) {
      _codec = message<Transaction>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.input != null && obj.input.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.input)
        }

        if ((obj.responsePayload != null && obj.responsePayload.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.responsePayload)
        }

        if (obj.endorsements != null && obj.endorsements.length > 0) {
          for (const value of obj.endorsements) {
            w.uint32(26)
            Endorsement.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          input: uint8ArrayAlloc(0),
          responsePayload: uint8ArrayAlloc(0),
          endorsements: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.input = reader.bytes()
              break
            }
            case 2: {
              obj.responsePayload = reader.bytes()
              break
            }
            case 3: {
              if (opts.limits?.endorsements != null && obj.endorsements.length === opts.limits.endorsements) {
                throw new MaxLengthError('Decode error - repeated field "endorsements" had too many elements')
              }

              obj.endorsements.push(Endorsement.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.endorsements$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          endorsements: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.input`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.responsePayload`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              if (opts.limits?.endorsements != null && obj.endorsements === opts.limits.endorsements) {
                throw new MaxLengthError('Streaming decode error - repeated field "endorsements" had too many elements')
              }

              for (const evt of Endorsement.codec().stream(reader, reader.uint32(), `${prefix}.endorsements[]`, {
                limits: opts.limits?.endorsements$
              })) {
                yield {
                  ...evt,
                  index: obj.endorsements
                }
              }

              obj.endorsements++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TransactionInputFieldEvent {
    field: '$.input'
    value: Uint8Array
  }

  export interface TransactionResponsePayloadFieldEvent {
    field: '$.responsePayload'
    value: Uint8Array
  }

  export interface TransactionEndorsementsEndorserFieldEvent {
    field: '$.endorsements[].endorser'
    value: Uint8Array
    index: number
  }

  export interface TransactionEndorsementsSignatureFieldEvent {
    field: '$.endorsements[].signature'
    value: Uint8Array
    index: number
  }

  export function encode (obj: Partial<Transaction>): Uint8Array {
    return encodeMessage(obj, Transaction.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Transaction>): Transaction {
    return decodeMessage(buf, Transaction.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Transaction>): Generator<TransactionInputFieldEvent | TransactionResponsePayloadFieldEvent | TransactionEndorsementsEndorserFieldEvent | TransactionEndorsementsSignatureFieldEvent> {
    return streamMessage(buf, Transaction.codec(), opts)
  }
}

export enum ValidationCode {
  VALID = 'VALID',
  NIL_ENVELOPE = 'NIL_ENVELOPE',
  BAD_PAYLOAD = 'BAD_PAYLOAD',
  BAD_HEADER = 'BAD_HEADER',
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  BAD_CREATOR = 'BAD_CREATOR',
  BAD_TXID = 'BAD_TXID',
  DUPLICATE_TXID = 'DUPLICATE_TXID',
  UNKNOWN_CONTRACT = 'UNKNOWN_CONTRACT',
  CONTRACT_VERSION_CONFLICT = 'CONTRACT_VERSION_CONFLICT',
  ENDORSEMENT_POLICY_FAILURE = 'ENDORSEMENT_POLICY_FAILURE',
  BAD_ENDORSEMENT = 'BAD_ENDORSEMENT',
  ENDORSEMENT_MISMATCH = 'ENDORSEMENT_MISMATCH',
  MVCC_READ_CONFLICT = 'MVCC_READ_CONFLICT',
  PHANTOM_READ_CONFLICT = 'PHANTOM_READ_CONFLICT',
  BAD_RWSET = 'BAD_RWSET',
  ILLEGAL_WRITESET = 'ILLEGAL_WRITESET',
  INVALID_CONFIG = 'INVALID_CONFIG',
  UNKNOWN_TX_TYPE = 'UNKNOWN_TX_TYPE',
  BAD_CHANNEL = 'BAD_CHANNEL',
  TIMESTAMP_OUT_OF_WINDOW = 'TIMESTAMP_OUT_OF_WINDOW',
  NOT_VALIDATED = 'NOT_VALIDATED',
  INVALID_OTHER_REASON = 'INVALID_OTHER_REASON'
}

enum __ValidationCodeValues {
  VALID = 0,
  NIL_ENVELOPE = 1,
  BAD_PAYLOAD = 2,
  BAD_HEADER = 3,
  BAD_SIGNATURE = 4,
  BAD_CREATOR = 5,
  BAD_TXID = 6,
  DUPLICATE_TXID = 7,
  UNKNOWN_CONTRACT = 8,
  CONTRACT_VERSION_CONFLICT = 9,
  ENDORSEMENT_POLICY_FAILURE = 10,
  BAD_ENDORSEMENT = 11,
  ENDORSEMENT_MISMATCH = 12,
  MVCC_READ_CONFLICT = 13,
  PHANTOM_READ_CONFLICT = 14,
  BAD_RWSET = 15,
  ILLEGAL_WRITESET = 16,
  INVALID_CONFIG = 17,
  UNKNOWN_TX_TYPE = 18,
  BAD_CHANNEL = 19,
  TIMESTAMP_OUT_OF_WINDOW = 20,
  NOT_VALIDATED = 254,
  INVALID_OTHER_REASON = 255
}

export namespace ValidationCode {
  export const codec = (): Codec<ValidationCode> => {
    return enumeration<ValidationCode>(__ValidationCodeValues)
  }
}

export interface BlockHeader {
  number: number
  previousHash: Uint8Array
  dataHash: Uint8Array
  timestamp: number
}

export namespace BlockHeader {
  let _codec: Codec<BlockHeader>

  export const codec = (): Codec<BlockHeader> => {
    if (_codec == null) {
      _codec = message<BlockHeader>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.number != null && obj.number !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.number)
        }

        if ((obj.previousHash != null && obj.previousHash.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.previousHash)
        }

        if ((obj.dataHash != null && obj.dataHash.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.dataHash)
        }

        if ((obj.timestamp != null && obj.timestamp !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.timestamp)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          number: 0,
          previousHash: uint8ArrayAlloc(0),
          dataHash: uint8ArrayAlloc(0),
          timestamp: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.number = reader.uint64Number()
              break
            }
            case 2: {
              obj.previousHash = reader.bytes()
              break
            }
            case 3: {
              obj.dataHash = reader.bytes()
              break
            }
            case 4: {
              obj.timestamp = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.number`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.previousHash`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.dataHash`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.timestamp`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BlockHeaderNumberFieldEvent {
    field: '$.number'
    value: number
  }

  export interface BlockHeaderPreviousHashFieldEvent {
    field: '$.previousHash'
    value: Uint8Array
  }

  export interface BlockHeaderDataHashFieldEvent {
    field: '$.dataHash'
    value: Uint8Array
  }

  export interface BlockHeaderTimestampFieldEvent {
    field: '$.timestamp'
    value: number
  }

  export function encode (obj: Partial<BlockHeader>): Uint8Array {
    return encodeMessage(obj, BlockHeader.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockHeader>): BlockHeader {
    return decodeMessage(buf, BlockHeader.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockHeader>): Generator<BlockHeaderNumberFieldEvent | BlockHeaderPreviousHashFieldEvent | BlockHeaderDataHashFieldEvent | BlockHeaderTimestampFieldEvent> {
    return streamMessage(buf, BlockHeader.codec(), opts)
  }
}

export interface BlockSignature {
  signer: Uint8Array
  signature: Uint8Array
}

export namespace BlockSignature {
  let _codec: Codec<BlockSignature>

  export const codec = (): Codec<BlockSignature> => {
    if (_codec == null) {
      _codec = message<BlockSignature>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: uint8ArrayAlloc(0),
          signature: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.bytes()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BlockSignatureSignerFieldEvent {
    field: '$.signer'
    value: Uint8Array
  }

  export interface BlockSignatureSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array
  }

  export function encode (obj: Partial<BlockSignature>): Uint8Array {
    return encodeMessage(obj, BlockSignature.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockSignature>): BlockSignature {
    return decodeMessage(buf, BlockSignature.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockSignature>): Generator<BlockSignatureSignerFieldEvent | BlockSignatureSignatureFieldEvent> {
    return streamMessage(buf, BlockSignature.codec(), opts)
  }
}

export interface BlockMetadata {
  signatures: BlockSignature[]
  lastConfig: number
  raftIndex: number
  validationCodes: Uint8Array
}

export namespace BlockMetadata {
  let _codec: Codec<BlockMetadata>

  export const codec = (): Codec<BlockMetadata> => {
    if (_codec == null) {
      _codec = message<BlockMetadata>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.signatures != null && obj.signatures.length > 0) {
          for (const value of obj.signatures) {
            w.uint32(10)
            BlockSignature.codec().encode(value, w)
          }
        }

        if ((obj.lastConfig != null && obj.lastConfig !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.lastConfig)
        }

        if ((obj.raftIndex != null && obj.raftIndex !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.raftIndex)
        }

        if ((obj.validationCodes != null && obj.validationCodes.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.validationCodes)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signatures: [],
          lastConfig: 0,
          raftIndex: 0,
          validationCodes: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.signatures != null && obj.signatures.length === opts.limits.signatures) {
                throw new MaxLengthError('Decode error - repeated field "signatures" had too many elements')
              }

              obj.signatures.push(BlockSignature.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.signatures$
              }))
              break
            }
            case 2: {
              obj.lastConfig = reader.uint64Number()
              break
            }
            case 3: {
              obj.raftIndex = reader.uint64Number()
              break
            }
            case 4: {
              obj.validationCodes = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          signatures: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.signatures != null && obj.signatures === opts.limits.signatures) {
                throw new MaxLengthError('Streaming decode error - repeated field "signatures" had too many elements')
              }

              for (const evt of BlockSignature.codec().stream(reader, reader.uint32(), `${prefix}.signatures[]`, {
                limits: opts.limits?.signatures$
              })) {
                yield {
                  ...evt,
                  index: obj.signatures
                }
              }

              obj.signatures++

              break
            }
            case 2: {
              yield {
                field: `${prefix}.lastConfig`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.raftIndex`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.validationCodes`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BlockMetadataSignaturesSignerFieldEvent {
    field: '$.signatures[].signer'
    value: Uint8Array
    index: number
  }

  export interface BlockMetadataSignaturesSignatureFieldEvent {
    field: '$.signatures[].signature'
    value: Uint8Array
    index: number
  }

  export interface BlockMetadataLastConfigFieldEvent {
    field: '$.lastConfig'
    value: number
  }

  export interface BlockMetadataRaftIndexFieldEvent {
    field: '$.raftIndex'
    value: number
  }

  export interface BlockMetadataValidationCodesFieldEvent {
    field: '$.validationCodes'
    value: Uint8Array
  }

  export function encode (obj: Partial<BlockMetadata>): Uint8Array {
    return encodeMessage(obj, BlockMetadata.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockMetadata>): BlockMetadata {
    return decodeMessage(buf, BlockMetadata.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockMetadata>): Generator<BlockMetadataSignaturesSignerFieldEvent | BlockMetadataSignaturesSignatureFieldEvent | BlockMetadataLastConfigFieldEvent | BlockMetadataRaftIndexFieldEvent | BlockMetadataValidationCodesFieldEvent> {
    return streamMessage(buf, BlockMetadata.codec(), opts)
  }
}

export interface Block {
  header: Uint8Array
  data: Uint8Array[]
  metadata?: BlockMetadata
}

export namespace Block {
  let _codec: Codec<Block>

  export const codec = (): Codec<Block> => {
    if (_codec == null) {
      _codec = message<Block>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.header != null && obj.header.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.header)
        }

        if (obj.data != null && obj.data.length > 0) {
          for (const value of obj.data) {
            w.uint32(18)
            w.bytes(value)
          }
        }

        if (obj.metadata != null) {
          w.uint32(26)
          BlockMetadata.codec().encode(obj.metadata, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          header: uint8ArrayAlloc(0),
          data: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.header = reader.bytes()
              break
            }
            case 2: {
              if (opts.limits?.data != null && obj.data.length === opts.limits.data) {
                throw new MaxLengthError('Decode error - repeated field "data" had too many elements')
              }

              obj.data.push(reader.bytes())
              break
            }
            case 3: {
              obj.metadata = BlockMetadata.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.metadata
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          data: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.header`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              if (opts.limits?.data != null && obj.data === opts.limits.data) {
                throw new MaxLengthError('Streaming decode error - repeated field "data" had too many elements')
              }

              yield {
                field: `${prefix}.data[]`,
                index: obj.data,
                value: reader.bytes()
              }

              obj.data++

              break
            }
            case 3: {
              yield * BlockMetadata.codec().stream(reader, reader.uint32(), `${prefix}.metadata`, {
                limits: opts.limits?.metadata
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BlockHeaderFieldEvent {
    field: '$.header'
    value: Uint8Array
  }

  export interface BlockDataFieldEvent {
    field: '$.data[]'
    index: number
    value: Uint8Array
  }

  export interface BlockMetadataSignaturesSignerFieldEvent {
    field: '$.metadata.signatures[].signer'
    value: Uint8Array
    index: number
  }

  export interface BlockMetadataSignaturesSignatureFieldEvent {
    field: '$.metadata.signatures[].signature'
    value: Uint8Array
    index: number
  }

  export interface BlockMetadataLastConfigFieldEvent {
    field: '$.metadata.lastConfig'
    value: number
  }

  export interface BlockMetadataRaftIndexFieldEvent {
    field: '$.metadata.raftIndex'
    value: number
  }

  export interface BlockMetadataValidationCodesFieldEvent {
    field: '$.metadata.validationCodes'
    value: Uint8Array
  }

  export function encode (obj: Partial<Block>): Uint8Array {
    return encodeMessage(obj, Block.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Block>): Block {
    return decodeMessage(buf, Block.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Block>): Generator<BlockHeaderFieldEvent | BlockDataFieldEvent | BlockMetadataSignaturesSignerFieldEvent | BlockMetadataSignaturesSignatureFieldEvent | BlockMetadataLastConfigFieldEvent | BlockMetadataRaftIndexFieldEvent | BlockMetadataValidationCodesFieldEvent> {
    return streamMessage(buf, Block.codec(), opts)
  }
}

export interface OrgConfig {
  mspId: string
  rootCerts: Uint8Array[]
  revoked: string[]
  anchorPeers: string[]
}

export namespace OrgConfig {
  let _codec: Codec<OrgConfig>

  export const codec = (): Codec<OrgConfig> => {
    if (_codec == null) {
      _codec = message<OrgConfig>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.mspId != null && obj.mspId !== '')) {
          w.uint32(10)
          w.string(obj.mspId)
        }

        if (obj.rootCerts != null && obj.rootCerts.length > 0) {
          for (const value of obj.rootCerts) {
            w.uint32(18)
            w.bytes(value)
          }
        }

        if (obj.revoked != null && obj.revoked.length > 0) {
          for (const value of obj.revoked) {
            w.uint32(26)
            w.string(value)
          }
        }

        if (obj.anchorPeers != null && obj.anchorPeers.length > 0) {
          for (const value of obj.anchorPeers) {
            w.uint32(34)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          mspId: '',
          rootCerts: [],
          revoked: [],
          anchorPeers: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.mspId = reader.string()
              break
            }
            case 2: {
              if (opts.limits?.rootCerts != null && obj.rootCerts.length === opts.limits.rootCerts) {
                throw new MaxLengthError('Decode error - repeated field "rootCerts" had too many elements')
              }

              obj.rootCerts.push(reader.bytes())
              break
            }
            case 3: {
              if (opts.limits?.revoked != null && obj.revoked.length === opts.limits.revoked) {
                throw new MaxLengthError('Decode error - repeated field "revoked" had too many elements')
              }

              obj.revoked.push(reader.string())
              break
            }
            case 4: {
              if (opts.limits?.anchorPeers != null && obj.anchorPeers.length === opts.limits.anchorPeers) {
                throw new MaxLengthError('Decode error - repeated field "anchorPeers" had too many elements')
              }

              obj.anchorPeers.push(reader.string())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          rootCerts: 0,
          revoked: 0,
          anchorPeers: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.mspId`,
                value: reader.string()
              }
              break
            }
            case 2: {
              if (opts.limits?.rootCerts != null && obj.rootCerts === opts.limits.rootCerts) {
                throw new MaxLengthError('Streaming decode error - repeated field "rootCerts" had too many elements')
              }

              yield {
                field: `${prefix}.rootCerts[]`,
                index: obj.rootCerts,
                value: reader.bytes()
              }

              obj.rootCerts++

              break
            }
            case 3: {
              if (opts.limits?.revoked != null && obj.revoked === opts.limits.revoked) {
                throw new MaxLengthError('Streaming decode error - repeated field "revoked" had too many elements')
              }

              yield {
                field: `${prefix}.revoked[]`,
                index: obj.revoked,
                value: reader.string()
              }

              obj.revoked++

              break
            }
            case 4: {
              if (opts.limits?.anchorPeers != null && obj.anchorPeers === opts.limits.anchorPeers) {
                throw new MaxLengthError('Streaming decode error - repeated field "anchorPeers" had too many elements')
              }

              yield {
                field: `${prefix}.anchorPeers[]`,
                index: obj.anchorPeers,
                value: reader.string()
              }

              obj.anchorPeers++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface OrgConfigMspIdFieldEvent {
    field: '$.mspId'
    value: string
  }

  export interface OrgConfigRootCertsFieldEvent {
    field: '$.rootCerts[]'
    index: number
    value: Uint8Array
  }

  export interface OrgConfigRevokedFieldEvent {
    field: '$.revoked[]'
    index: number
    value: string
  }

  export interface OrgConfigAnchorPeersFieldEvent {
    field: '$.anchorPeers[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<OrgConfig>): Uint8Array {
    return encodeMessage(obj, OrgConfig.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrgConfig>): OrgConfig {
    return decodeMessage(buf, OrgConfig.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrgConfig>): Generator<OrgConfigMspIdFieldEvent | OrgConfigRootCertsFieldEvent | OrgConfigRevokedFieldEvent | OrgConfigAnchorPeersFieldEvent> {
    return streamMessage(buf, OrgConfig.codec(), opts)
  }
}

export interface Consenter {
  id: number
  name: string
  org: string
  address: string
  certificate: Uint8Array
  learner: boolean
  site: string
}

export namespace Consenter {
  let _codec: Codec<Consenter>

  export const codec = (): Codec<Consenter> => {
    if (_codec == null) {
      _codec = message<Consenter>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.id != null && obj.id !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.id)
        }

        if ((obj.name != null && obj.name !== '')) {
          w.uint32(18)
          w.string(obj.name)
        }

        if ((obj.org != null && obj.org !== '')) {
          w.uint32(26)
          w.string(obj.org)
        }

        if ((obj.address != null && obj.address !== '')) {
          w.uint32(34)
          w.string(obj.address)
        }

        if ((obj.certificate != null && obj.certificate.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.certificate)
        }

        if ((obj.learner != null && obj.learner !== false)) {
          w.uint32(48)
          w.bool(obj.learner)
        }

        if ((obj.site != null && obj.site !== '')) {
          w.uint32(58)
          w.string(obj.site)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          id: 0,
          name: '',
          org: '',
          address: '',
          certificate: uint8ArrayAlloc(0),
          learner: false,
          site: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.id = reader.uint64Number()
              break
            }
            case 2: {
              obj.name = reader.string()
              break
            }
            case 3: {
              obj.org = reader.string()
              break
            }
            case 4: {
              obj.address = reader.string()
              break
            }
            case 5: {
              obj.certificate = reader.bytes()
              break
            }
            case 6: {
              obj.learner = reader.bool()
              break
            }
            case 7: {
              obj.site = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.id`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.name`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.org`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.address`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.certificate`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.learner`,
                value: reader.bool()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.site`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ConsenterIdFieldEvent {
    field: '$.id'
    value: number
  }

  export interface ConsenterNameFieldEvent {
    field: '$.name'
    value: string
  }

  export interface ConsenterOrgFieldEvent {
    field: '$.org'
    value: string
  }

  export interface ConsenterAddressFieldEvent {
    field: '$.address'
    value: string
  }

  export interface ConsenterCertificateFieldEvent {
    field: '$.certificate'
    value: Uint8Array
  }

  export interface ConsenterLearnerFieldEvent {
    field: '$.learner'
    value: boolean
  }

  export interface ConsenterSiteFieldEvent {
    field: '$.site'
    value: string
  }

  export function encode (obj: Partial<Consenter>): Uint8Array {
    return encodeMessage(obj, Consenter.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Consenter>): Consenter {
    return decodeMessage(buf, Consenter.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Consenter>): Generator<ConsenterIdFieldEvent | ConsenterNameFieldEvent | ConsenterOrgFieldEvent | ConsenterAddressFieldEvent | ConsenterCertificateFieldEvent | ConsenterLearnerFieldEvent | ConsenterSiteFieldEvent> {
    return streamMessage(buf, Consenter.codec(), opts)
  }
}

export interface BatchConfig {
  maxMessageCount: number
  preferredMaxBytes: number
  absoluteMaxBytes: number
  batchTimeoutMs: number
}

export namespace BatchConfig {
  let _codec: Codec<BatchConfig>

  export const codec = (): Codec<BatchConfig> => {
    if (_codec == null) {
      _codec = message<BatchConfig>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.maxMessageCount != null && obj.maxMessageCount !== 0)) {
          w.uint32(8)
          w.uint32(obj.maxMessageCount)
        }

        if ((obj.preferredMaxBytes != null && obj.preferredMaxBytes !== 0)) {
          w.uint32(16)
          w.uint32(obj.preferredMaxBytes)
        }

        if ((obj.absoluteMaxBytes != null && obj.absoluteMaxBytes !== 0)) {
          w.uint32(24)
          w.uint32(obj.absoluteMaxBytes)
        }

        if ((obj.batchTimeoutMs != null && obj.batchTimeoutMs !== 0)) {
          w.uint32(32)
          w.uint32(obj.batchTimeoutMs)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          maxMessageCount: 0,
          preferredMaxBytes: 0,
          absoluteMaxBytes: 0,
          batchTimeoutMs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.maxMessageCount = reader.uint32()
              break
            }
            case 2: {
              obj.preferredMaxBytes = reader.uint32()
              break
            }
            case 3: {
              obj.absoluteMaxBytes = reader.uint32()
              break
            }
            case 4: {
              obj.batchTimeoutMs = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.maxMessageCount`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.preferredMaxBytes`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.absoluteMaxBytes`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.batchTimeoutMs`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BatchConfigMaxMessageCountFieldEvent {
    field: '$.maxMessageCount'
    value: number
  }

  export interface BatchConfigPreferredMaxBytesFieldEvent {
    field: '$.preferredMaxBytes'
    value: number
  }

  export interface BatchConfigAbsoluteMaxBytesFieldEvent {
    field: '$.absoluteMaxBytes'
    value: number
  }

  export interface BatchConfigBatchTimeoutMsFieldEvent {
    field: '$.batchTimeoutMs'
    value: number
  }

  export function encode (obj: Partial<BatchConfig>): Uint8Array {
    return encodeMessage(obj, BatchConfig.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchConfig>): BatchConfig {
    return decodeMessage(buf, BatchConfig.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchConfig>): Generator<BatchConfigMaxMessageCountFieldEvent | BatchConfigPreferredMaxBytesFieldEvent | BatchConfigAbsoluteMaxBytesFieldEvent | BatchConfigBatchTimeoutMsFieldEvent> {
    return streamMessage(buf, BatchConfig.codec(), opts)
  }
}

export interface RaftConfig {
  tickMs: number
  electionTick: number
  heartbeatTick: number
  snapshotIntervalBlocks: number
  maxInflightMsgs: number
  maxSizePerMsg: number
  electionJitter: number
  preferredLeaders: string[]
  reclaimAfterMs: number
  minLeaderTenureMs: number
}

export namespace RaftConfig {
  let _codec: Codec<RaftConfig>

  export const codec = (): Codec<RaftConfig> => {
    if (_codec == null) {
      _codec = message<RaftConfig>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.tickMs != null && obj.tickMs !== 0)) {
          w.uint32(8)
          w.uint32(obj.tickMs)
        }

        if ((obj.electionTick != null && obj.electionTick !== 0)) {
          w.uint32(16)
          w.uint32(obj.electionTick)
        }

        if ((obj.heartbeatTick != null && obj.heartbeatTick !== 0)) {
          w.uint32(24)
          w.uint32(obj.heartbeatTick)
        }

        if ((obj.snapshotIntervalBlocks != null && obj.snapshotIntervalBlocks !== 0)) {
          w.uint32(32)
          w.uint32(obj.snapshotIntervalBlocks)
        }

        if ((obj.maxInflightMsgs != null && obj.maxInflightMsgs !== 0)) {
          w.uint32(40)
          w.uint32(obj.maxInflightMsgs)
        }

        if ((obj.maxSizePerMsg != null && obj.maxSizePerMsg !== 0)) {
          w.uint32(48)
          w.uint32(obj.maxSizePerMsg)
        }

        if ((obj.electionJitter != null && obj.electionJitter !== 0)) {
          w.uint32(56)
          w.uint32(obj.electionJitter)
        }

        if (obj.preferredLeaders != null && obj.preferredLeaders.length > 0) {
          for (const value of obj.preferredLeaders) {
            w.uint32(66)
            w.string(value)
          }
        }

        if ((obj.reclaimAfterMs != null && obj.reclaimAfterMs !== 0)) {
          w.uint32(72)
          w.uint32(obj.reclaimAfterMs)
        }

        if ((obj.minLeaderTenureMs != null && obj.minLeaderTenureMs !== 0)) {
          w.uint32(80)
          w.uint32(obj.minLeaderTenureMs)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          tickMs: 0,
          electionTick: 0,
          heartbeatTick: 0,
          snapshotIntervalBlocks: 0,
          maxInflightMsgs: 0,
          maxSizePerMsg: 0,
          electionJitter: 0,
          preferredLeaders: [],
          reclaimAfterMs: 0,
          minLeaderTenureMs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.tickMs = reader.uint32()
              break
            }
            case 2: {
              obj.electionTick = reader.uint32()
              break
            }
            case 3: {
              obj.heartbeatTick = reader.uint32()
              break
            }
            case 4: {
              obj.snapshotIntervalBlocks = reader.uint32()
              break
            }
            case 5: {
              obj.maxInflightMsgs = reader.uint32()
              break
            }
            case 6: {
              obj.maxSizePerMsg = reader.uint32()
              break
            }
            case 7: {
              obj.electionJitter = reader.uint32()
              break
            }
            case 8: {
              if (opts.limits?.preferredLeaders != null && obj.preferredLeaders.length === opts.limits.preferredLeaders) {
                throw new MaxLengthError('Decode error - repeated field "preferredLeaders" had too many elements')
              }

              obj.preferredLeaders.push(reader.string())
              break
            }
            case 9: {
              obj.reclaimAfterMs = reader.uint32()
              break
            }
            case 10: {
              obj.minLeaderTenureMs = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          preferredLeaders: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.tickMs`,
                value: reader.uint32()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.electionTick`,
                value: reader.uint32()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.heartbeatTick`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.snapshotIntervalBlocks`,
                value: reader.uint32()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.maxInflightMsgs`,
                value: reader.uint32()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.maxSizePerMsg`,
                value: reader.uint32()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.electionJitter`,
                value: reader.uint32()
              }
              break
            }
            case 8: {
              if (opts.limits?.preferredLeaders != null && obj.preferredLeaders === opts.limits.preferredLeaders) {
                throw new MaxLengthError('Streaming decode error - repeated field "preferredLeaders" had too many elements')
              }

              yield {
                field: `${prefix}.preferredLeaders[]`,
                index: obj.preferredLeaders,
                value: reader.string()
              }

              obj.preferredLeaders++

              break
            }
            case 9: {
              yield {
                field: `${prefix}.reclaimAfterMs`,
                value: reader.uint32()
              }
              break
            }
            case 10: {
              yield {
                field: `${prefix}.minLeaderTenureMs`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface RaftConfigTickMsFieldEvent {
    field: '$.tickMs'
    value: number
  }

  export interface RaftConfigElectionTickFieldEvent {
    field: '$.electionTick'
    value: number
  }

  export interface RaftConfigHeartbeatTickFieldEvent {
    field: '$.heartbeatTick'
    value: number
  }

  export interface RaftConfigSnapshotIntervalBlocksFieldEvent {
    field: '$.snapshotIntervalBlocks'
    value: number
  }

  export interface RaftConfigMaxInflightMsgsFieldEvent {
    field: '$.maxInflightMsgs'
    value: number
  }

  export interface RaftConfigMaxSizePerMsgFieldEvent {
    field: '$.maxSizePerMsg'
    value: number
  }

  export interface RaftConfigElectionJitterFieldEvent {
    field: '$.electionJitter'
    value: number
  }

  export interface RaftConfigPreferredLeadersFieldEvent {
    field: '$.preferredLeaders[]'
    index: number
    value: string
  }

  export interface RaftConfigReclaimAfterMsFieldEvent {
    field: '$.reclaimAfterMs'
    value: number
  }

  export interface RaftConfigMinLeaderTenureMsFieldEvent {
    field: '$.minLeaderTenureMs'
    value: number
  }

  export function encode (obj: Partial<RaftConfig>): Uint8Array {
    return encodeMessage(obj, RaftConfig.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RaftConfig>): RaftConfig {
    return decodeMessage(buf, RaftConfig.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<RaftConfig>): Generator<RaftConfigTickMsFieldEvent | RaftConfigElectionTickFieldEvent | RaftConfigHeartbeatTickFieldEvent | RaftConfigSnapshotIntervalBlocksFieldEvent | RaftConfigMaxInflightMsgsFieldEvent | RaftConfigMaxSizePerMsgFieldEvent | RaftConfigElectionJitterFieldEvent | RaftConfigPreferredLeadersFieldEvent | RaftConfigReclaimAfterMsFieldEvent | RaftConfigMinLeaderTenureMsFieldEvent> {
    return streamMessage(buf, RaftConfig.codec(), opts)
  }
}

export interface ChannelConfig {
  channelId: string
  sequence: number
  orgs: OrgConfig[]
  consenters: Consenter[]
  batch?: BatchConfig
  raft?: RaftConfig
  adminsPolicy: string
  lifecyclePolicy: string
  txTimeWindowMs: number
  retiredConsenterIds: number[]
  dr?: DrConfig
}

export namespace ChannelConfig {
  let _codec: Codec<ChannelConfig>

  export const codec = (): Codec<ChannelConfig> => {
    if (_codec == null) {
      _codec = message<ChannelConfig>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.channelId != null && obj.channelId !== '')) {
          w.uint32(10)
          w.string(obj.channelId)
        }

        if ((obj.sequence != null && obj.sequence !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.sequence)
        }

        if (obj.orgs != null && obj.orgs.length > 0) {
          for (const value of obj.orgs) {
            w.uint32(26)
            OrgConfig.codec().encode(value, w)
          }
        }

        if (obj.consenters != null && obj.consenters.length > 0) {
          for (const value of obj.consenters) {
            w.uint32(34)
            Consenter.codec().encode(value, w)
          }
        }

        if (obj.batch != null) {
          w.uint32(42)
          BatchConfig.codec().encode(obj.batch, w)
        }

        if (obj.raft != null) {
          w.uint32(50)
          RaftConfig.codec().encode(obj.raft, w)
        }

        if ((obj.adminsPolicy != null && obj.adminsPolicy !== '')) {
          w.uint32(58)
          w.string(obj.adminsPolicy)
        }

        if ((obj.lifecyclePolicy != null && obj.lifecyclePolicy !== '')) {
          w.uint32(66)
          w.string(obj.lifecyclePolicy)
        }

        if ((obj.txTimeWindowMs != null && obj.txTimeWindowMs !== 0)) {
          w.uint32(72)
          w.uint32(obj.txTimeWindowMs)
        }

        if (obj.retiredConsenterIds != null && obj.retiredConsenterIds.length > 0) {
          for (const value of obj.retiredConsenterIds) {
            w.uint32(80)
            w.uint32(value)
          }
        }

        if (obj.dr != null) {
          w.uint32(90)
          DrConfig.codec().encode(obj.dr, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          channelId: '',
          sequence: 0,
          orgs: [],
          consenters: [],
          adminsPolicy: '',
          lifecyclePolicy: '',
          txTimeWindowMs: 0,
          retiredConsenterIds: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.channelId = reader.string()
              break
            }
            case 2: {
              obj.sequence = reader.uint64Number()
              break
            }
            case 3: {
              if (opts.limits?.orgs != null && obj.orgs.length === opts.limits.orgs) {
                throw new MaxLengthError('Decode error - repeated field "orgs" had too many elements')
              }

              obj.orgs.push(OrgConfig.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.orgs$
              }))
              break
            }
            case 4: {
              if (opts.limits?.consenters != null && obj.consenters.length === opts.limits.consenters) {
                throw new MaxLengthError('Decode error - repeated field "consenters" had too many elements')
              }

              obj.consenters.push(Consenter.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.consenters$
              }))
              break
            }
            case 5: {
              obj.batch = BatchConfig.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.batch
              })
              break
            }
            case 6: {
              obj.raft = RaftConfig.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.raft
              })
              break
            }
            case 7: {
              obj.adminsPolicy = reader.string()
              break
            }
            case 8: {
              obj.lifecyclePolicy = reader.string()
              break
            }
            case 9: {
              obj.txTimeWindowMs = reader.uint32()
              break
            }
            case 10: {
              if (opts.limits?.retiredConsenterIds != null && obj.retiredConsenterIds.length === opts.limits.retiredConsenterIds) {
                throw new MaxLengthError('Decode error - repeated field "retiredConsenterIds" had too many elements')
              }

              obj.retiredConsenterIds.push(reader.uint32())
              break
            }
            case 11: {
              obj.dr = DrConfig.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.dr
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          orgs: 0,
          consenters: 0,
          retiredConsenterIds: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.channelId`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.sequence`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              if (opts.limits?.orgs != null && obj.orgs === opts.limits.orgs) {
                throw new MaxLengthError('Streaming decode error - repeated field "orgs" had too many elements')
              }

              for (const evt of OrgConfig.codec().stream(reader, reader.uint32(), `${prefix}.orgs[]`, {
                limits: opts.limits?.orgs$
              })) {
                yield {
                  ...evt,
                  index: obj.orgs
                }
              }

              obj.orgs++

              break
            }
            case 4: {
              if (opts.limits?.consenters != null && obj.consenters === opts.limits.consenters) {
                throw new MaxLengthError('Streaming decode error - repeated field "consenters" had too many elements')
              }

              for (const evt of Consenter.codec().stream(reader, reader.uint32(), `${prefix}.consenters[]`, {
                limits: opts.limits?.consenters$
              })) {
                yield {
                  ...evt,
                  index: obj.consenters
                }
              }

              obj.consenters++

              break
            }
            case 5: {
              yield * BatchConfig.codec().stream(reader, reader.uint32(), `${prefix}.batch`, {
                limits: opts.limits?.batch
              })

              break
            }
            case 6: {
              yield * RaftConfig.codec().stream(reader, reader.uint32(), `${prefix}.raft`, {
                limits: opts.limits?.raft
              })

              break
            }
            case 7: {
              yield {
                field: `${prefix}.adminsPolicy`,
                value: reader.string()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.lifecyclePolicy`,
                value: reader.string()
              }
              break
            }
            case 9: {
              yield {
                field: `${prefix}.txTimeWindowMs`,
                value: reader.uint32()
              }
              break
            }
            case 10: {
              if (opts.limits?.retiredConsenterIds != null && obj.retiredConsenterIds === opts.limits.retiredConsenterIds) {
                throw new MaxLengthError('Streaming decode error - repeated field "retiredConsenterIds" had too many elements')
              }

              yield {
                field: `${prefix}.retiredConsenterIds[]`,
                index: obj.retiredConsenterIds,
                value: reader.uint32()
              }

              obj.retiredConsenterIds++

              break
            }
            case 11: {
              yield * DrConfig.codec().stream(reader, reader.uint32(), `${prefix}.dr`, {
                limits: opts.limits?.dr
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ChannelConfigChannelIdFieldEvent {
    field: '$.channelId'
    value: string
  }

  export interface ChannelConfigSequenceFieldEvent {
    field: '$.sequence'
    value: number
  }

  export interface ChannelConfigOrgsMspIdFieldEvent {
    field: '$.orgs[].mspId'
    value: string
    index: number
  }

  export interface ChannelConfigOrgsRootCertsFieldEvent {
    field: '$.orgs[].rootCerts[]'
    index: number
    value: Uint8Array
  }

  export interface ChannelConfigOrgsRevokedFieldEvent {
    field: '$.orgs[].revoked[]'
    index: number
    value: string
  }

  export interface ChannelConfigOrgsAnchorPeersFieldEvent {
    field: '$.orgs[].anchorPeers[]'
    index: number
    value: string
  }

  export interface ChannelConfigConsentersIdFieldEvent {
    field: '$.consenters[].id'
    value: number
    index: number
  }

  export interface ChannelConfigConsentersNameFieldEvent {
    field: '$.consenters[].name'
    value: string
    index: number
  }

  export interface ChannelConfigConsentersOrgFieldEvent {
    field: '$.consenters[].org'
    value: string
    index: number
  }

  export interface ChannelConfigConsentersAddressFieldEvent {
    field: '$.consenters[].address'
    value: string
    index: number
  }

  export interface ChannelConfigConsentersCertificateFieldEvent {
    field: '$.consenters[].certificate'
    value: Uint8Array
    index: number
  }

  export interface ChannelConfigConsentersLearnerFieldEvent {
    field: '$.consenters[].learner'
    value: boolean
    index: number
  }

  export interface ChannelConfigConsentersSiteFieldEvent {
    field: '$.consenters[].site'
    value: string
    index: number
  }

  export interface ChannelConfigBatchMaxMessageCountFieldEvent {
    field: '$.batch.maxMessageCount'
    value: number
  }

  export interface ChannelConfigBatchPreferredMaxBytesFieldEvent {
    field: '$.batch.preferredMaxBytes'
    value: number
  }

  export interface ChannelConfigBatchAbsoluteMaxBytesFieldEvent {
    field: '$.batch.absoluteMaxBytes'
    value: number
  }

  export interface ChannelConfigBatchBatchTimeoutMsFieldEvent {
    field: '$.batch.batchTimeoutMs'
    value: number
  }

  export interface ChannelConfigRaftTickMsFieldEvent {
    field: '$.raft.tickMs'
    value: number
  }

  export interface ChannelConfigRaftElectionTickFieldEvent {
    field: '$.raft.electionTick'
    value: number
  }

  export interface ChannelConfigRaftHeartbeatTickFieldEvent {
    field: '$.raft.heartbeatTick'
    value: number
  }

  export interface ChannelConfigRaftSnapshotIntervalBlocksFieldEvent {
    field: '$.raft.snapshotIntervalBlocks'
    value: number
  }

  export interface ChannelConfigRaftMaxInflightMsgsFieldEvent {
    field: '$.raft.maxInflightMsgs'
    value: number
  }

  export interface ChannelConfigRaftMaxSizePerMsgFieldEvent {
    field: '$.raft.maxSizePerMsg'
    value: number
  }

  export interface ChannelConfigRaftElectionJitterFieldEvent {
    field: '$.raft.electionJitter'
    value: number
  }

  export interface ChannelConfigRaftPreferredLeadersFieldEvent {
    field: '$.raft.preferredLeaders[]'
    index: number
    value: string
  }

  export interface ChannelConfigRaftReclaimAfterMsFieldEvent {
    field: '$.raft.reclaimAfterMs'
    value: number
  }

  export interface ChannelConfigRaftMinLeaderTenureMsFieldEvent {
    field: '$.raft.minLeaderTenureMs'
    value: number
  }

  export interface ChannelConfigAdminsPolicyFieldEvent {
    field: '$.adminsPolicy'
    value: string
  }

  export interface ChannelConfigLifecyclePolicyFieldEvent {
    field: '$.lifecyclePolicy'
    value: string
  }

  export interface ChannelConfigTxTimeWindowMsFieldEvent {
    field: '$.txTimeWindowMs'
    value: number
  }

  export interface ChannelConfigRetiredConsenterIdsFieldEvent {
    field: '$.retiredConsenterIds[]'
    index: number
    value: number
  }

  export interface ChannelConfigDrActiveSiteFieldEvent {
    field: '$.dr.activeSite'
    value: string
  }

  export interface ChannelConfigDrSwitchingToFieldEvent {
    field: '$.dr.switchingTo'
    value: string
  }

  export function encode (obj: Partial<ChannelConfig>): Uint8Array {
    return encodeMessage(obj, ChannelConfig.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelConfig>): ChannelConfig {
    return decodeMessage(buf, ChannelConfig.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelConfig>): Generator<ChannelConfigChannelIdFieldEvent | ChannelConfigSequenceFieldEvent | ChannelConfigOrgsMspIdFieldEvent | ChannelConfigOrgsRootCertsFieldEvent | ChannelConfigOrgsRevokedFieldEvent | ChannelConfigOrgsAnchorPeersFieldEvent | ChannelConfigConsentersIdFieldEvent | ChannelConfigConsentersNameFieldEvent | ChannelConfigConsentersOrgFieldEvent | ChannelConfigConsentersAddressFieldEvent | ChannelConfigConsentersCertificateFieldEvent | ChannelConfigConsentersLearnerFieldEvent | ChannelConfigConsentersSiteFieldEvent | ChannelConfigBatchMaxMessageCountFieldEvent | ChannelConfigBatchPreferredMaxBytesFieldEvent | ChannelConfigBatchAbsoluteMaxBytesFieldEvent | ChannelConfigBatchBatchTimeoutMsFieldEvent | ChannelConfigRaftTickMsFieldEvent | ChannelConfigRaftElectionTickFieldEvent | ChannelConfigRaftHeartbeatTickFieldEvent | ChannelConfigRaftSnapshotIntervalBlocksFieldEvent | ChannelConfigRaftMaxInflightMsgsFieldEvent | ChannelConfigRaftMaxSizePerMsgFieldEvent | ChannelConfigRaftElectionJitterFieldEvent | ChannelConfigRaftPreferredLeadersFieldEvent | ChannelConfigRaftReclaimAfterMsFieldEvent | ChannelConfigRaftMinLeaderTenureMsFieldEvent | ChannelConfigAdminsPolicyFieldEvent | ChannelConfigLifecyclePolicyFieldEvent | ChannelConfigTxTimeWindowMsFieldEvent | ChannelConfigRetiredConsenterIdsFieldEvent | ChannelConfigDrActiveSiteFieldEvent | ChannelConfigDrSwitchingToFieldEvent> {
    return streamMessage(buf, ChannelConfig.codec(), opts)
  }
}

export interface DrConfig {
  activeSite: string
  switchingTo: string
}

export namespace DrConfig {
  let _codec: Codec<DrConfig>

  export const codec = (): Codec<DrConfig> => {
    if (_codec == null) {
      _codec = message<DrConfig>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.activeSite != null && obj.activeSite !== '')) {
          w.uint32(10)
          w.string(obj.activeSite)
        }

        if ((obj.switchingTo != null && obj.switchingTo !== '')) {
          w.uint32(18)
          w.string(obj.switchingTo)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          activeSite: '',
          switchingTo: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.activeSite = reader.string()
              break
            }
            case 2: {
              obj.switchingTo = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.activeSite`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.switchingTo`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface DrConfigActiveSiteFieldEvent {
    field: '$.activeSite'
    value: string
  }

  export interface DrConfigSwitchingToFieldEvent {
    field: '$.switchingTo'
    value: string
  }

  export function encode (obj: Partial<DrConfig>): Uint8Array {
    return encodeMessage(obj, DrConfig.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DrConfig>): DrConfig {
    return decodeMessage(buf, DrConfig.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DrConfig>): Generator<DrConfigActiveSiteFieldEvent | DrConfigSwitchingToFieldEvent> {
    return streamMessage(buf, DrConfig.codec(), opts)
  }
}

export interface ConfigSignature {
  signer: Uint8Array
  signature: Uint8Array
}

export namespace ConfigSignature {
  let _codec: Codec<ConfigSignature>

  export const codec = (): Codec<ConfigSignature> => {
    if (_codec == null) {
      _codec = message<ConfigSignature>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.signer != null && obj.signer.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.signer)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          signer: uint8ArrayAlloc(0),
          signature: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.signer = reader.bytes()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.signer`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ConfigSignatureSignerFieldEvent {
    field: '$.signer'
    value: Uint8Array
  }

  export interface ConfigSignatureSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array
  }

  export function encode (obj: Partial<ConfigSignature>): Uint8Array {
    return encodeMessage(obj, ConfigSignature.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigSignature>): ConfigSignature {
    return decodeMessage(buf, ConfigSignature.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigSignature>): Generator<ConfigSignatureSignerFieldEvent | ConfigSignatureSignatureFieldEvent> {
    return streamMessage(buf, ConfigSignature.codec(), opts)
  }
}

export interface ConfigUpdate {
  config: Uint8Array
  signatures: ConfigSignature[]
}

export namespace ConfigUpdate {
  let _codec: Codec<ConfigUpdate>

  export const codec = (): Codec<ConfigUpdate> => {
    if (_codec == null) {
      _codec = message<ConfigUpdate>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.config != null && obj.config.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.config)
        }

        if (obj.signatures != null && obj.signatures.length > 0) {
          for (const value of obj.signatures) {
            w.uint32(18)
            ConfigSignature.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          config: uint8ArrayAlloc(0),
          signatures: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.config = reader.bytes()
              break
            }
            case 2: {
              if (opts.limits?.signatures != null && obj.signatures.length === opts.limits.signatures) {
                throw new MaxLengthError('Decode error - repeated field "signatures" had too many elements')
              }

              obj.signatures.push(ConfigSignature.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.signatures$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          signatures: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.config`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              if (opts.limits?.signatures != null && obj.signatures === opts.limits.signatures) {
                throw new MaxLengthError('Streaming decode error - repeated field "signatures" had too many elements')
              }

              for (const evt of ConfigSignature.codec().stream(reader, reader.uint32(), `${prefix}.signatures[]`, {
                limits: opts.limits?.signatures$
              })) {
                yield {
                  ...evt,
                  index: obj.signatures
                }
              }

              obj.signatures++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ConfigUpdateConfigFieldEvent {
    field: '$.config'
    value: Uint8Array
  }

  export interface ConfigUpdateSignaturesSignerFieldEvent {
    field: '$.signatures[].signer'
    value: Uint8Array
    index: number
  }

  export interface ConfigUpdateSignaturesSignatureFieldEvent {
    field: '$.signatures[].signature'
    value: Uint8Array
    index: number
  }

  export function encode (obj: Partial<ConfigUpdate>): Uint8Array {
    return encodeMessage(obj, ConfigUpdate.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdate>): ConfigUpdate {
    return decodeMessage(buf, ConfigUpdate.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdate>): Generator<ConfigUpdateConfigFieldEvent | ConfigUpdateSignaturesSignerFieldEvent | ConfigUpdateSignaturesSignatureFieldEvent> {
    return streamMessage(buf, ConfigUpdate.codec(), opts)
  }
}

export enum Status {
  STATUS_UNKNOWN = 'STATUS_UNKNOWN',
  SUCCESS = 'SUCCESS',
  BAD_REQUEST = 'BAD_REQUEST',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  REQUEST_ENTITY_TOO_LARGE = 'REQUEST_ENTITY_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE'
}

enum __StatusValues {
  STATUS_UNKNOWN = 0,
  SUCCESS = 200,
  BAD_REQUEST = 400,
  FORBIDDEN = 403,
  NOT_FOUND = 404,
  CONFLICT = 409,
  REQUEST_ENTITY_TOO_LARGE = 413,
  INTERNAL_SERVER_ERROR = 500,
  SERVICE_UNAVAILABLE = 503
}

export namespace Status {
  export const codec = (): Codec<Status> => {
    return enumeration<Status>(__StatusValues)
  }
}

export enum RefusalCode {
  NONE = 'NONE',
  MALFORMED = 'MALFORMED',
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  NOT_AUTHORIZED = 'NOT_AUTHORIZED',
  BAD_TXID = 'BAD_TXID',
  BAD_TIMESTAMP = 'BAD_TIMESTAMP',
  WRONG_CHANNEL = 'WRONG_CHANNEL',
  UNSUPPORTED = 'UNSUPPORTED',
  TOO_LARGE = 'TOO_LARGE',
  DUPLICATE_TXID = 'DUPLICATE_TXID',
  NO_LEADER = 'NO_LEADER',
  LEADER_CHANGED = 'LEADER_CHANGED',
  TIMEOUT = 'TIMEOUT',
  BAD_CONFIG = 'BAD_CONFIG',
  CONFIG_PENDING = 'CONFIG_PENDING',
  CLUSTER_UNHEALTHY = 'CLUSTER_UNHEALTHY',
  SHUTTING_DOWN = 'SHUTTING_DOWN',
  NOT_A_CONSENTER = 'NOT_A_CONSENTER',
  INTERNAL = 'INTERNAL',
  UNKNOWN_CONTRACT = 'UNKNOWN_CONTRACT',
  ENDORSEMENT_REFUSED = 'ENDORSEMENT_REFUSED',
  ENDORSEMENTS_DIFFER = 'ENDORSEMENTS_DIFFER',
  POLICY_NOT_SATISFIED = 'POLICY_NOT_SATISFIED',
  UNREACHABLE = 'UNREACHABLE',
  NOT_COMMITTED = 'NOT_COMMITTED',
  NOT_LEADER = 'NOT_LEADER',
  UNKNOWN_CONSENTER = 'UNKNOWN_CONSENTER',
  TARGET_LEARNER = 'TARGET_LEARNER',
  TARGET_DOWN = 'TARGET_DOWN',
  TARGET_BEHIND = 'TARGET_BEHIND',
  TRANSFER_FAILED = 'TRANSFER_FAILED',
  SITE_PASSIVE = 'SITE_PASSIVE'
}

enum __RefusalCodeValues {
  NONE = 0,
  MALFORMED = 1,
  BAD_SIGNATURE = 2,
  NOT_AUTHORIZED = 3,
  BAD_TXID = 4,
  BAD_TIMESTAMP = 5,
  WRONG_CHANNEL = 6,
  UNSUPPORTED = 7,
  TOO_LARGE = 8,
  DUPLICATE_TXID = 9,
  NO_LEADER = 10,
  LEADER_CHANGED = 11,
  TIMEOUT = 12,
  BAD_CONFIG = 13,
  CONFIG_PENDING = 14,
  CLUSTER_UNHEALTHY = 15,
  SHUTTING_DOWN = 16,
  NOT_A_CONSENTER = 17,
  INTERNAL = 18,
  UNKNOWN_CONTRACT = 19,
  ENDORSEMENT_REFUSED = 20,
  ENDORSEMENTS_DIFFER = 21,
  POLICY_NOT_SATISFIED = 22,
  UNREACHABLE = 23,
  NOT_COMMITTED = 24,
  NOT_LEADER = 25,
  UNKNOWN_CONSENTER = 26,
  TARGET_LEARNER = 27,
  TARGET_DOWN = 28,
  TARGET_BEHIND = 29,
  TRANSFER_FAILED = 30,
  SITE_PASSIVE = 31
}

export namespace RefusalCode {
  export const codec = (): Codec<RefusalCode> => {
    return enumeration<RefusalCode>(__RefusalCodeValues)
  }
}

export interface SnapshotRequest {
  atBlock: number
}

export namespace SnapshotRequest {
  let _codec: Codec<SnapshotRequest>

  export const codec = (): Codec<SnapshotRequest> => {
    if (_codec == null) {
      _codec = message<SnapshotRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.atBlock != null && obj.atBlock !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.atBlock)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          atBlock: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.atBlock = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.atBlock`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotRequestAtBlockFieldEvent {
    field: '$.atBlock'
    value: number
  }

  export function encode (obj: Partial<SnapshotRequest>): Uint8Array {
    return encodeMessage(obj, SnapshotRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotRequest>): SnapshotRequest {
    return decodeMessage(buf, SnapshotRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotRequest>): Generator<SnapshotRequestAtBlockFieldEvent> {
    return streamMessage(buf, SnapshotRequest.codec(), opts)
  }
}

export interface SnapshotResponse {
  status: Status
  code: RefusalCode
  info: string
  dir: string
  blockNumber: number
  blockHash: string
  stateKeys: number
  txIds: number
  ms: number
}

export namespace SnapshotResponse {
  let _codec: Codec<SnapshotResponse>

  export const codec = (): Codec<SnapshotResponse> => {
    if (_codec == null) {
      _codec = message<SnapshotResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(16)
          RefusalCode.codec().encode(obj.code, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(26)
          w.string(obj.info)
        }

        if ((obj.dir != null && obj.dir !== '')) {
          w.uint32(34)
          w.string(obj.dir)
        }

        if ((obj.blockNumber != null && obj.blockNumber !== 0)) {
          w.uint32(40)
          w.uint64Number(obj.blockNumber)
        }

        if ((obj.blockHash != null && obj.blockHash !== '')) {
          w.uint32(50)
          w.string(obj.blockHash)
        }

        if ((obj.stateKeys != null && obj.stateKeys !== 0)) {
          w.uint32(56)
          w.uint32(obj.stateKeys)
        }

        if ((obj.txIds != null && obj.txIds !== 0)) {
          w.uint32(64)
          w.uint32(obj.txIds)
        }

        if ((obj.ms != null && obj.ms !== 0)) {
          w.uint32(72)
          w.uint32(obj.ms)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          code: RefusalCode.NONE,
          info: '',
          dir: '',
          blockNumber: 0,
          blockHash: '',
          stateKeys: 0,
          txIds: 0,
          ms: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            case 3: {
              obj.info = reader.string()
              break
            }
            case 4: {
              obj.dir = reader.string()
              break
            }
            case 5: {
              obj.blockNumber = reader.uint64Number()
              break
            }
            case 6: {
              obj.blockHash = reader.string()
              break
            }
            case 7: {
              obj.stateKeys = reader.uint32()
              break
            }
            case 8: {
              obj.txIds = reader.uint32()
              break
            }
            case 9: {
              obj.ms = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.dir`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.blockNumber`,
                value: reader.uint64Number()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.blockHash`,
                value: reader.string()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.stateKeys`,
                value: reader.uint32()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.txIds`,
                value: reader.uint32()
              }
              break
            }
            case 9: {
              yield {
                field: `${prefix}.ms`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface SnapshotResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export interface SnapshotResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface SnapshotResponseDirFieldEvent {
    field: '$.dir'
    value: string
  }

  export interface SnapshotResponseBlockNumberFieldEvent {
    field: '$.blockNumber'
    value: number
  }

  export interface SnapshotResponseBlockHashFieldEvent {
    field: '$.blockHash'
    value: string
  }

  export interface SnapshotResponseStateKeysFieldEvent {
    field: '$.stateKeys'
    value: number
  }

  export interface SnapshotResponseTxIdsFieldEvent {
    field: '$.txIds'
    value: number
  }

  export interface SnapshotResponseMsFieldEvent {
    field: '$.ms'
    value: number
  }

  export function encode (obj: Partial<SnapshotResponse>): Uint8Array {
    return encodeMessage(obj, SnapshotResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotResponse>): SnapshotResponse {
    return decodeMessage(buf, SnapshotResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotResponse>): Generator<SnapshotResponseStatusFieldEvent | SnapshotResponseCodeFieldEvent | SnapshotResponseInfoFieldEvent | SnapshotResponseDirFieldEvent | SnapshotResponseBlockNumberFieldEvent | SnapshotResponseBlockHashFieldEvent | SnapshotResponseStateKeysFieldEvent | SnapshotResponseTxIdsFieldEvent | SnapshotResponseMsFieldEvent> {
    return streamMessage(buf, SnapshotResponse.codec(), opts)
  }
}

export interface OrdererAdminRequest {
  transferLeader?: TransferLeader
  backup?: BackupRequest
  status: boolean
}

export namespace OrdererAdminRequest {
  let _codec: Codec<OrdererAdminRequest>

  export const codec = (): Codec<OrdererAdminRequest> => {
    if (_codec == null) {
      _codec = message<OrdererAdminRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.transferLeader != null) {
          w.uint32(10)
          TransferLeader.codec().encode(obj.transferLeader, w)
        }

        if (obj.backup != null) {
          w.uint32(18)
          BackupRequest.codec().encode(obj.backup, w)
        }

        if ((obj.status != null && obj.status !== false)) {
          w.uint32(24)
          w.bool(obj.status)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.transferLeader = TransferLeader.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.transferLeader
              })
              break
            }
            case 2: {
              obj.backup = BackupRequest.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.backup
              })
              break
            }
            case 3: {
              obj.status = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * TransferLeader.codec().stream(reader, reader.uint32(), `${prefix}.transferLeader`, {
                limits: opts.limits?.transferLeader
              })

              break
            }
            case 2: {
              yield * BackupRequest.codec().stream(reader, reader.uint32(), `${prefix}.backup`, {
                limits: opts.limits?.backup
              })

              break
            }
            case 3: {
              yield {
                field: `${prefix}.status`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface OrdererAdminRequestTransferLeaderToFieldEvent {
    field: '$.transferLeader.to'
    value: string
  }

  export interface OrdererAdminRequestBackupDirFieldEvent {
    field: '$.backup.dir'
    value: string
  }

  export interface OrdererAdminRequestStatusFieldEvent {
    field: '$.status'
    value: boolean
  }

  export function encode (obj: Partial<OrdererAdminRequest>): Uint8Array {
    return encodeMessage(obj, OrdererAdminRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererAdminRequest>): OrdererAdminRequest {
    return decodeMessage(buf, OrdererAdminRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererAdminRequest>): Generator<OrdererAdminRequestTransferLeaderToFieldEvent | OrdererAdminRequestBackupDirFieldEvent | OrdererAdminRequestStatusFieldEvent> {
    return streamMessage(buf, OrdererAdminRequest.codec(), opts)
  }
}

export interface BackupRequest {
  dir: string
}

export namespace BackupRequest {
  let _codec: Codec<BackupRequest>

  export const codec = (): Codec<BackupRequest> => {
    if (_codec == null) {
      _codec = message<BackupRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.dir != null && obj.dir !== '')) {
          w.uint32(10)
          w.string(obj.dir)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          dir: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.dir = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.dir`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BackupRequestDirFieldEvent {
    field: '$.dir'
    value: string
  }

  export function encode (obj: Partial<BackupRequest>): Uint8Array {
    return encodeMessage(obj, BackupRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BackupRequest>): BackupRequest {
    return decodeMessage(buf, BackupRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BackupRequest>): Generator<BackupRequestDirFieldEvent> {
    return streamMessage(buf, BackupRequest.codec(), opts)
  }
}

export interface BackupResult {
  dir: string
  orderer: string
  height: number
  tipHash: string
  lastIndex: number
  term: number
  bytes: number
  ms: number
}

export namespace BackupResult {
  let _codec: Codec<BackupResult>

  export const codec = (): Codec<BackupResult> => {
    if (_codec == null) {
      _codec = message<BackupResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.dir != null && obj.dir !== '')) {
          w.uint32(10)
          w.string(obj.dir)
        }

        if ((obj.orderer != null && obj.orderer !== '')) {
          w.uint32(18)
          w.string(obj.orderer)
        }

        if ((obj.height != null && obj.height !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.height)
        }

        if ((obj.tipHash != null && obj.tipHash !== '')) {
          w.uint32(34)
          w.string(obj.tipHash)
        }

        if ((obj.lastIndex != null && obj.lastIndex !== 0)) {
          w.uint32(40)
          w.uint64Number(obj.lastIndex)
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(48)
          w.uint64Number(obj.term)
        }

        if ((obj.bytes != null && obj.bytes !== 0)) {
          w.uint32(56)
          w.uint64Number(obj.bytes)
        }

        if ((obj.ms != null && obj.ms !== 0)) {
          w.uint32(64)
          w.uint32(obj.ms)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          dir: '',
          orderer: '',
          height: 0,
          tipHash: '',
          lastIndex: 0,
          term: 0,
          bytes: 0,
          ms: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.dir = reader.string()
              break
            }
            case 2: {
              obj.orderer = reader.string()
              break
            }
            case 3: {
              obj.height = reader.uint64Number()
              break
            }
            case 4: {
              obj.tipHash = reader.string()
              break
            }
            case 5: {
              obj.lastIndex = reader.uint64Number()
              break
            }
            case 6: {
              obj.term = reader.uint64Number()
              break
            }
            case 7: {
              obj.bytes = reader.uint64Number()
              break
            }
            case 8: {
              obj.ms = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.dir`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.orderer`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.height`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.tipHash`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.lastIndex`,
                value: reader.uint64Number()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.bytes`,
                value: reader.uint64Number()
              }
              break
            }
            case 8: {
              yield {
                field: `${prefix}.ms`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BackupResultDirFieldEvent {
    field: '$.dir'
    value: string
  }

  export interface BackupResultOrdererFieldEvent {
    field: '$.orderer'
    value: string
  }

  export interface BackupResultHeightFieldEvent {
    field: '$.height'
    value: number
  }

  export interface BackupResultTipHashFieldEvent {
    field: '$.tipHash'
    value: string
  }

  export interface BackupResultLastIndexFieldEvent {
    field: '$.lastIndex'
    value: number
  }

  export interface BackupResultTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface BackupResultBytesFieldEvent {
    field: '$.bytes'
    value: number
  }

  export interface BackupResultMsFieldEvent {
    field: '$.ms'
    value: number
  }

  export function encode (obj: Partial<BackupResult>): Uint8Array {
    return encodeMessage(obj, BackupResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BackupResult>): BackupResult {
    return decodeMessage(buf, BackupResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BackupResult>): Generator<BackupResultDirFieldEvent | BackupResultOrdererFieldEvent | BackupResultHeightFieldEvent | BackupResultTipHashFieldEvent | BackupResultLastIndexFieldEvent | BackupResultTermFieldEvent | BackupResultBytesFieldEvent | BackupResultMsFieldEvent> {
    return streamMessage(buf, BackupResult.codec(), opts)
  }
}

export interface TransferLeader {
  to: string
}

export namespace TransferLeader {
  let _codec: Codec<TransferLeader>

  export const codec = (): Codec<TransferLeader> => {
    if (_codec == null) {
      _codec = message<TransferLeader>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.to != null && obj.to !== '')) {
          w.uint32(10)
          w.string(obj.to)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          to: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.to = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.to`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TransferLeaderToFieldEvent {
    field: '$.to'
    value: string
  }

  export function encode (obj: Partial<TransferLeader>): Uint8Array {
    return encodeMessage(obj, TransferLeader.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TransferLeader>): TransferLeader {
    return decodeMessage(buf, TransferLeader.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TransferLeader>): Generator<TransferLeaderToFieldEvent> {
    return streamMessage(buf, TransferLeader.codec(), opts)
  }
}

export interface OrdererAdminResponse {
  status: Status
  code: RefusalCode
  info: string
  transfer?: TransferLeaderResult
  leader: string
  backup?: BackupResult
  statusJson: string
}

export namespace OrdererAdminResponse {
  let _codec: Codec<OrdererAdminResponse>

  export const codec = (): Codec<OrdererAdminResponse> => {
    if (_codec == null) {
      _codec = message<OrdererAdminResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(16)
          RefusalCode.codec().encode(obj.code, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(26)
          w.string(obj.info)
        }

        if (obj.transfer != null) {
          w.uint32(34)
          TransferLeaderResult.codec().encode(obj.transfer, w)
        }

        if ((obj.leader != null && obj.leader !== '')) {
          w.uint32(42)
          w.string(obj.leader)
        }

        if (obj.backup != null) {
          w.uint32(50)
          BackupResult.codec().encode(obj.backup, w)
        }

        if ((obj.statusJson != null && obj.statusJson !== '')) {
          w.uint32(58)
          w.string(obj.statusJson)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          code: RefusalCode.NONE,
          info: '',
          leader: '',
          statusJson: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            case 3: {
              obj.info = reader.string()
              break
            }
            case 4: {
              obj.transfer = TransferLeaderResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.transfer
              })
              break
            }
            case 5: {
              obj.leader = reader.string()
              break
            }
            case 6: {
              obj.backup = BackupResult.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.backup
              })
              break
            }
            case 7: {
              obj.statusJson = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield * TransferLeaderResult.codec().stream(reader, reader.uint32(), `${prefix}.transfer`, {
                limits: opts.limits?.transfer
              })

              break
            }
            case 5: {
              yield {
                field: `${prefix}.leader`,
                value: reader.string()
              }
              break
            }
            case 6: {
              yield * BackupResult.codec().stream(reader, reader.uint32(), `${prefix}.backup`, {
                limits: opts.limits?.backup
              })

              break
            }
            case 7: {
              yield {
                field: `${prefix}.statusJson`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface OrdererAdminResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface OrdererAdminResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export interface OrdererAdminResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface OrdererAdminResponseTransferFromFieldEvent {
    field: '$.transfer.from'
    value: string
  }

  export interface OrdererAdminResponseTransferToFieldEvent {
    field: '$.transfer.to'
    value: string
  }

  export interface OrdererAdminResponseTransferTermFieldEvent {
    field: '$.transfer.term'
    value: number
  }

  export interface OrdererAdminResponseTransferMsFieldEvent {
    field: '$.transfer.ms'
    value: number
  }

  export interface OrdererAdminResponseLeaderFieldEvent {
    field: '$.leader'
    value: string
  }

  export interface OrdererAdminResponseBackupDirFieldEvent {
    field: '$.backup.dir'
    value: string
  }

  export interface OrdererAdminResponseBackupOrdererFieldEvent {
    field: '$.backup.orderer'
    value: string
  }

  export interface OrdererAdminResponseBackupHeightFieldEvent {
    field: '$.backup.height'
    value: number
  }

  export interface OrdererAdminResponseBackupTipHashFieldEvent {
    field: '$.backup.tipHash'
    value: string
  }

  export interface OrdererAdminResponseBackupLastIndexFieldEvent {
    field: '$.backup.lastIndex'
    value: number
  }

  export interface OrdererAdminResponseBackupTermFieldEvent {
    field: '$.backup.term'
    value: number
  }

  export interface OrdererAdminResponseBackupBytesFieldEvent {
    field: '$.backup.bytes'
    value: number
  }

  export interface OrdererAdminResponseBackupMsFieldEvent {
    field: '$.backup.ms'
    value: number
  }

  export interface OrdererAdminResponseStatusJsonFieldEvent {
    field: '$.statusJson'
    value: string
  }

  export function encode (obj: Partial<OrdererAdminResponse>): Uint8Array {
    return encodeMessage(obj, OrdererAdminResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererAdminResponse>): OrdererAdminResponse {
    return decodeMessage(buf, OrdererAdminResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererAdminResponse>): Generator<OrdererAdminResponseStatusFieldEvent | OrdererAdminResponseCodeFieldEvent | OrdererAdminResponseInfoFieldEvent | OrdererAdminResponseTransferFromFieldEvent | OrdererAdminResponseTransferToFieldEvent | OrdererAdminResponseTransferTermFieldEvent | OrdererAdminResponseTransferMsFieldEvent | OrdererAdminResponseLeaderFieldEvent | OrdererAdminResponseBackupDirFieldEvent | OrdererAdminResponseBackupOrdererFieldEvent | OrdererAdminResponseBackupHeightFieldEvent | OrdererAdminResponseBackupTipHashFieldEvent | OrdererAdminResponseBackupLastIndexFieldEvent | OrdererAdminResponseBackupTermFieldEvent | OrdererAdminResponseBackupBytesFieldEvent | OrdererAdminResponseBackupMsFieldEvent | OrdererAdminResponseStatusJsonFieldEvent> {
    return streamMessage(buf, OrdererAdminResponse.codec(), opts)
  }
}

export interface TransferLeaderResult {
  from: string
  to: string
  term: number
  ms: number
}

export namespace TransferLeaderResult {
  let _codec: Codec<TransferLeaderResult>

  export const codec = (): Codec<TransferLeaderResult> => {
    if (_codec == null) {
      _codec = message<TransferLeaderResult>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.from != null && obj.from !== '')) {
          w.uint32(10)
          w.string(obj.from)
        }

        if ((obj.to != null && obj.to !== '')) {
          w.uint32(18)
          w.string(obj.to)
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(24)
          w.uint32(obj.term)
        }

        if ((obj.ms != null && obj.ms !== 0)) {
          w.uint32(32)
          w.uint32(obj.ms)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          from: '',
          to: '',
          term: 0,
          ms: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.from = reader.string()
              break
            }
            case 2: {
              obj.to = reader.string()
              break
            }
            case 3: {
              obj.term = reader.uint32()
              break
            }
            case 4: {
              obj.ms = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.from`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.to`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.ms`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface TransferLeaderResultFromFieldEvent {
    field: '$.from'
    value: string
  }

  export interface TransferLeaderResultToFieldEvent {
    field: '$.to'
    value: string
  }

  export interface TransferLeaderResultTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface TransferLeaderResultMsFieldEvent {
    field: '$.ms'
    value: number
  }

  export function encode (obj: Partial<TransferLeaderResult>): Uint8Array {
    return encodeMessage(obj, TransferLeaderResult.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TransferLeaderResult>): TransferLeaderResult {
    return decodeMessage(buf, TransferLeaderResult.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<TransferLeaderResult>): Generator<TransferLeaderResultFromFieldEvent | TransferLeaderResultToFieldEvent | TransferLeaderResultTermFieldEvent | TransferLeaderResultMsFieldEvent> {
    return streamMessage(buf, TransferLeaderResult.codec(), opts)
  }
}

export interface NodeFailure {
  node: string
  org: string
  code: RefusalCode
  message: string
}

export namespace NodeFailure {
  let _codec: Codec<NodeFailure>

  export const codec = (): Codec<NodeFailure> => {
    if (_codec == null) {
      _codec = message<NodeFailure>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.node != null && obj.node !== '')) {
          w.uint32(10)
          w.string(obj.node)
        }

        if ((obj.org != null && obj.org !== '')) {
          w.uint32(18)
          w.string(obj.org)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(24)
          RefusalCode.codec().encode(obj.code, w)
        }

        if ((obj.message != null && obj.message !== '')) {
          w.uint32(34)
          w.string(obj.message)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          node: '',
          org: '',
          code: RefusalCode.NONE,
          message: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.node = reader.string()
              break
            }
            case 2: {
              obj.org = reader.string()
              break
            }
            case 3: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            case 4: {
              obj.message = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.node`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.org`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.message`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface NodeFailureNodeFieldEvent {
    field: '$.node'
    value: string
  }

  export interface NodeFailureOrgFieldEvent {
    field: '$.org'
    value: string
  }

  export interface NodeFailureCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export interface NodeFailureMessageFieldEvent {
    field: '$.message'
    value: string
  }

  export function encode (obj: Partial<NodeFailure>): Uint8Array {
    return encodeMessage(obj, NodeFailure.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<NodeFailure>): NodeFailure {
    return decodeMessage(buf, NodeFailure.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<NodeFailure>): Generator<NodeFailureNodeFieldEvent | NodeFailureOrgFieldEvent | NodeFailureCodeFieldEvent | NodeFailureMessageFieldEvent> {
    return streamMessage(buf, NodeFailure.codec(), opts)
  }
}

export interface BroadcastResponse {
  status: Status
  info: string
  txId: string
  blockNumber: number
  code: RefusalCode
  leader: string
}

export namespace BroadcastResponse {
  let _codec: Codec<BroadcastResponse>

  export const codec = (): Codec<BroadcastResponse> => {
    if (_codec == null) {
      _codec = message<BroadcastResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(18)
          w.string(obj.info)
        }

        if ((obj.txId != null && obj.txId !== '')) {
          w.uint32(26)
          w.string(obj.txId)
        }

        if ((obj.blockNumber != null && obj.blockNumber !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.blockNumber)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(56)
          RefusalCode.codec().encode(obj.code, w)
        }

        if ((obj.leader != null && obj.leader !== '')) {
          w.uint32(50)
          w.string(obj.leader)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          info: '',
          txId: '',
          blockNumber: 0,
          code: RefusalCode.NONE,
          leader: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.info = reader.string()
              break
            }
            case 3: {
              obj.txId = reader.string()
              break
            }
            case 4: {
              obj.blockNumber = reader.uint64Number()
              break
            }
            case 7: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            case 6: {
              obj.leader = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.txId`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.blockNumber`,
                value: reader.uint64Number()
              }
              break
            }
            case 7: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.leader`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface BroadcastResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface BroadcastResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface BroadcastResponseTxIdFieldEvent {
    field: '$.txId'
    value: string
  }

  export interface BroadcastResponseBlockNumberFieldEvent {
    field: '$.blockNumber'
    value: number
  }

  export interface BroadcastResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export interface BroadcastResponseLeaderFieldEvent {
    field: '$.leader'
    value: string
  }

  export function encode (obj: Partial<BroadcastResponse>): Uint8Array {
    return encodeMessage(obj, BroadcastResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BroadcastResponse>): BroadcastResponse {
    return decodeMessage(buf, BroadcastResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BroadcastResponse>): Generator<BroadcastResponseStatusFieldEvent | BroadcastResponseInfoFieldEvent | BroadcastResponseTxIdFieldEvent | BroadcastResponseBlockNumberFieldEvent | BroadcastResponseCodeFieldEvent | BroadcastResponseLeaderFieldEvent> {
    return streamMessage(buf, BroadcastResponse.codec(), opts)
  }
}

export interface SeekInfo {
  start: number
  newest: boolean
  stop?: number
}

export namespace SeekInfo {
  let _codec: Codec<SeekInfo>

  export const codec = (): Codec<SeekInfo> => {
    if (_codec == null) {
      _codec = message<SeekInfo>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.start != null && obj.start !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.start)
        }

        if ((obj.newest != null && obj.newest !== false)) {
          w.uint32(16)
          w.bool(obj.newest)
        }

        if (obj.stop != null) {
          w.uint32(24)
          w.uint64Number(obj.stop)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          start: 0,
          newest: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.start = reader.uint64Number()
              break
            }
            case 2: {
              obj.newest = reader.bool()
              break
            }
            case 3: {
              obj.stop = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.start`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.newest`,
                value: reader.bool()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.stop`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SeekInfoStartFieldEvent {
    field: '$.start'
    value: number
  }

  export interface SeekInfoNewestFieldEvent {
    field: '$.newest'
    value: boolean
  }

  export interface SeekInfoStopFieldEvent {
    field: '$.stop'
    value: number
  }

  export function encode (obj: Partial<SeekInfo>): Uint8Array {
    return encodeMessage(obj, SeekInfo.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekInfo>): SeekInfo {
    return decodeMessage(buf, SeekInfo.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekInfo>): Generator<SeekInfoStartFieldEvent | SeekInfoNewestFieldEvent | SeekInfoStopFieldEvent> {
    return streamMessage(buf, SeekInfo.codec(), opts)
  }
}

export interface Admission {
  certificate: Uint8Array
  signature: Uint8Array
  protocolVersion: number
}

export namespace Admission {
  let _codec: Codec<Admission>

  export const codec = (): Codec<Admission> => {
    if (_codec == null) {
      _codec = message<Admission>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.certificate != null && obj.certificate.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.certificate)
        }

        if ((obj.signature != null && obj.signature.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.signature)
        }

        if ((obj.protocolVersion != null && obj.protocolVersion !== 0)) {
          w.uint32(24)
          w.uint32(obj.protocolVersion)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          certificate: uint8ArrayAlloc(0),
          signature: uint8ArrayAlloc(0),
          protocolVersion: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.certificate = reader.bytes()
              break
            }
            case 2: {
              obj.signature = reader.bytes()
              break
            }
            case 3: {
              obj.protocolVersion = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.certificate`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.signature`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.protocolVersion`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AdmissionCertificateFieldEvent {
    field: '$.certificate'
    value: Uint8Array
  }

  export interface AdmissionSignatureFieldEvent {
    field: '$.signature'
    value: Uint8Array
  }

  export interface AdmissionProtocolVersionFieldEvent {
    field: '$.protocolVersion'
    value: number
  }

  export function encode (obj: Partial<Admission>): Uint8Array {
    return encodeMessage(obj, Admission.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Admission>): Admission {
    return decodeMessage(buf, Admission.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Admission>): Generator<AdmissionCertificateFieldEvent | AdmissionSignatureFieldEvent | AdmissionProtocolVersionFieldEvent> {
    return streamMessage(buf, Admission.codec(), opts)
  }
}

export interface AdmissionResponse {
  status: Status
  info: string
  code: RefusalCode
}

export namespace AdmissionResponse {
  let _codec: Codec<AdmissionResponse>

  export const codec = (): Codec<AdmissionResponse> => {
    if (_codec == null) {
      _codec = message<AdmissionResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(18)
          w.string(obj.info)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(24)
          RefusalCode.codec().encode(obj.code, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          info: '',
          code: RefusalCode.NONE
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.info = reader.string()
              break
            }
            case 3: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface AdmissionResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface AdmissionResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface AdmissionResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export function encode (obj: Partial<AdmissionResponse>): Uint8Array {
    return encodeMessage(obj, AdmissionResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AdmissionResponse>): AdmissionResponse {
    return decodeMessage(buf, AdmissionResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<AdmissionResponse>): Generator<AdmissionResponseStatusFieldEvent | AdmissionResponseInfoFieldEvent | AdmissionResponseCodeFieldEvent> {
    return streamMessage(buf, AdmissionResponse.codec(), opts)
  }
}

export interface DeliverResponse {
  status: Status
  block?: Uint8Array
  info: string
  code: RefusalCode
}

export namespace DeliverResponse {
  let _codec: Codec<DeliverResponse>

  export const codec = (): Codec<DeliverResponse> => {
    if (_codec == null) {
      _codec = message<DeliverResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if (obj.block != null) {
          w.uint32(18)
          w.bytes(obj.block)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(26)
          w.string(obj.info)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(32)
          RefusalCode.codec().encode(obj.code, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          info: '',
          code: RefusalCode.NONE
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.block = reader.bytes()
              break
            }
            case 3: {
              obj.info = reader.string()
              break
            }
            case 4: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.block`,
                value: reader.bytes()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface DeliverResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface DeliverResponseBlockFieldEvent {
    field: '$.block'
    value: Uint8Array
  }

  export interface DeliverResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface DeliverResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export function encode (obj: Partial<DeliverResponse>): Uint8Array {
    return encodeMessage(obj, DeliverResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DeliverResponse>): DeliverResponse {
    return decodeMessage(buf, DeliverResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DeliverResponse>): Generator<DeliverResponseStatusFieldEvent | DeliverResponseBlockFieldEvent | DeliverResponseInfoFieldEvent | DeliverResponseCodeFieldEvent> {
    return streamMessage(buf, DeliverResponse.codec(), opts)
  }
}

export interface OrdererSnapshot {
  blockNumber: number
  blockHash: Uint8Array
}

export namespace OrdererSnapshot {
  let _codec: Codec<OrdererSnapshot>

  export const codec = (): Codec<OrdererSnapshot> => {
    if (_codec == null) {
      _codec = message<OrdererSnapshot>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.blockNumber != null && obj.blockNumber !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.blockNumber)
        }

        if ((obj.blockHash != null && obj.blockHash.byteLength > 0)) {
          w.uint32(18)
          w.bytes(obj.blockHash)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          blockNumber: 0,
          blockHash: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.blockNumber = reader.uint64Number()
              break
            }
            case 2: {
              obj.blockHash = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.blockNumber`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.blockHash`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface OrdererSnapshotBlockNumberFieldEvent {
    field: '$.blockNumber'
    value: number
  }

  export interface OrdererSnapshotBlockHashFieldEvent {
    field: '$.blockHash'
    value: Uint8Array
  }

  export function encode (obj: Partial<OrdererSnapshot>): Uint8Array {
    return encodeMessage(obj, OrdererSnapshot.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererSnapshot>): OrdererSnapshot {
    return decodeMessage(buf, OrdererSnapshot.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererSnapshot>): Generator<OrdererSnapshotBlockNumberFieldEvent | OrdererSnapshotBlockHashFieldEvent> {
    return streamMessage(buf, OrdererSnapshot.codec(), opts)
  }
}

export interface ContractDefinition {
  name: string
  version: string
  sequence: number
  endorsementPolicy: string
  codeHash: string
}

export namespace ContractDefinition {
  let _codec: Codec<ContractDefinition>

  export const codec = (): Codec<ContractDefinition> => {
    if (_codec == null) {
      _codec = message<ContractDefinition>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.name != null && obj.name !== '')) {
          w.uint32(10)
          w.string(obj.name)
        }

        if ((obj.version != null && obj.version !== '')) {
          w.uint32(18)
          w.string(obj.version)
        }

        if ((obj.sequence != null && obj.sequence !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.sequence)
        }

        if ((obj.endorsementPolicy != null && obj.endorsementPolicy !== '')) {
          w.uint32(34)
          w.string(obj.endorsementPolicy)
        }

        if ((obj.codeHash != null && obj.codeHash !== '')) {
          w.uint32(42)
          w.string(obj.codeHash)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          name: '',
          version: '',
          sequence: 0,
          endorsementPolicy: '',
          codeHash: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.name = reader.string()
              break
            }
            case 2: {
              obj.version = reader.string()
              break
            }
            case 3: {
              obj.sequence = reader.uint64Number()
              break
            }
            case 4: {
              obj.endorsementPolicy = reader.string()
              break
            }
            case 5: {
              obj.codeHash = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.name`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.version`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.sequence`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.endorsementPolicy`,
                value: reader.string()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.codeHash`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ContractDefinitionNameFieldEvent {
    field: '$.name'
    value: string
  }

  export interface ContractDefinitionVersionFieldEvent {
    field: '$.version'
    value: string
  }

  export interface ContractDefinitionSequenceFieldEvent {
    field: '$.sequence'
    value: number
  }

  export interface ContractDefinitionEndorsementPolicyFieldEvent {
    field: '$.endorsementPolicy'
    value: string
  }

  export interface ContractDefinitionCodeHashFieldEvent {
    field: '$.codeHash'
    value: string
  }

  export function encode (obj: Partial<ContractDefinition>): Uint8Array {
    return encodeMessage(obj, ContractDefinition.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractDefinition>): ContractDefinition {
    return decodeMessage(buf, ContractDefinition.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractDefinition>): Generator<ContractDefinitionNameFieldEvent | ContractDefinitionVersionFieldEvent | ContractDefinitionSequenceFieldEvent | ContractDefinitionEndorsementPolicyFieldEvent | ContractDefinitionCodeHashFieldEvent> {
    return streamMessage(buf, ContractDefinition.codec(), opts)
  }
}

export interface ContractPackageSpec {
  name: string
  version: string
  code: string
}

export namespace ContractPackageSpec {
  let _codec: Codec<ContractPackageSpec>

  export const codec = (): Codec<ContractPackageSpec> => {
    if (_codec == null) {
      _codec = message<ContractPackageSpec>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.name != null && obj.name !== '')) {
          w.uint32(10)
          w.string(obj.name)
        }

        if ((obj.version != null && obj.version !== '')) {
          w.uint32(18)
          w.string(obj.version)
        }

        if ((obj.code != null && obj.code !== '')) {
          w.uint32(26)
          w.string(obj.code)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          name: '',
          version: '',
          code: ''
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.name = reader.string()
              break
            }
            case 2: {
              obj.version = reader.string()
              break
            }
            case 3: {
              obj.code = reader.string()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.name`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.version`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.code`,
                value: reader.string()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ContractPackageSpecNameFieldEvent {
    field: '$.name'
    value: string
  }

  export interface ContractPackageSpecVersionFieldEvent {
    field: '$.version'
    value: string
  }

  export interface ContractPackageSpecCodeFieldEvent {
    field: '$.code'
    value: string
  }

  export function encode (obj: Partial<ContractPackageSpec>): Uint8Array {
    return encodeMessage(obj, ContractPackageSpec.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractPackageSpec>): ContractPackageSpec {
    return decodeMessage(buf, ContractPackageSpec.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ContractPackageSpec>): Generator<ContractPackageSpecNameFieldEvent | ContractPackageSpecVersionFieldEvent | ContractPackageSpecCodeFieldEvent> {
    return streamMessage(buf, ContractPackageSpec.codec(), opts)
  }
}

export interface InstallResponse {
  status: Status
  info: string
  codeHash: string
  code: RefusalCode
}

export namespace InstallResponse {
  let _codec: Codec<InstallResponse>

  export const codec = (): Codec<InstallResponse> => {
    if (_codec == null) {
      _codec = message<InstallResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(18)
          w.string(obj.info)
        }

        if ((obj.codeHash != null && obj.codeHash !== '')) {
          w.uint32(26)
          w.string(obj.codeHash)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(32)
          RefusalCode.codec().encode(obj.code, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          info: '',
          codeHash: '',
          code: RefusalCode.NONE
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.info = reader.string()
              break
            }
            case 3: {
              obj.codeHash = reader.string()
              break
            }
            case 4: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.codeHash`,
                value: reader.string()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface InstallResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface InstallResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface InstallResponseCodeHashFieldEvent {
    field: '$.codeHash'
    value: string
  }

  export interface InstallResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export function encode (obj: Partial<InstallResponse>): Uint8Array {
    return encodeMessage(obj, InstallResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<InstallResponse>): InstallResponse {
    return decodeMessage(buf, InstallResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<InstallResponse>): Generator<InstallResponseStatusFieldEvent | InstallResponseInfoFieldEvent | InstallResponseCodeHashFieldEvent | InstallResponseCodeFieldEvent> {
    return streamMessage(buf, InstallResponse.codec(), opts)
  }
}

export interface CommitStatusRequest {
  txId: string
  timeoutMs: number
}

export namespace CommitStatusRequest {
  let _codec: Codec<CommitStatusRequest>

  export const codec = (): Codec<CommitStatusRequest> => {
    if (_codec == null) {
      _codec = message<CommitStatusRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.txId != null && obj.txId !== '')) {
          w.uint32(10)
          w.string(obj.txId)
        }

        if ((obj.timeoutMs != null && obj.timeoutMs !== 0)) {
          w.uint32(16)
          w.uint32(obj.timeoutMs)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          txId: '',
          timeoutMs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.txId = reader.string()
              break
            }
            case 2: {
              obj.timeoutMs = reader.uint32()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.txId`,
                value: reader.string()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.timeoutMs`,
                value: reader.uint32()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CommitStatusRequestTxIdFieldEvent {
    field: '$.txId'
    value: string
  }

  export interface CommitStatusRequestTimeoutMsFieldEvent {
    field: '$.timeoutMs'
    value: number
  }

  export function encode (obj: Partial<CommitStatusRequest>): Uint8Array {
    return encodeMessage(obj, CommitStatusRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CommitStatusRequest>): CommitStatusRequest {
    return decodeMessage(buf, CommitStatusRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CommitStatusRequest>): Generator<CommitStatusRequestTxIdFieldEvent | CommitStatusRequestTimeoutMsFieldEvent> {
    return streamMessage(buf, CommitStatusRequest.codec(), opts)
  }
}

export interface CommitStatusResponse {
  status: Status
  info: string
  validationCode: ValidationCode
  blockNumber: number
  code: RefusalCode
}

export namespace CommitStatusResponse {
  let _codec: Codec<CommitStatusResponse>

  export const codec = (): Codec<CommitStatusResponse> => {
    if (_codec == null) {
      _codec = message<CommitStatusResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(18)
          w.string(obj.info)
        }

        if (obj.validationCode != null && __ValidationCodeValues[obj.validationCode] !== 0) {
          w.uint32(24)
          ValidationCode.codec().encode(obj.validationCode, w)
        }

        if ((obj.blockNumber != null && obj.blockNumber !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.blockNumber)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(40)
          RefusalCode.codec().encode(obj.code, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          info: '',
          validationCode: ValidationCode.VALID,
          blockNumber: 0,
          code: RefusalCode.NONE
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.info = reader.string()
              break
            }
            case 3: {
              obj.validationCode = ValidationCode.codec().decode(reader)
              break
            }
            case 4: {
              obj.blockNumber = reader.uint64Number()
              break
            }
            case 5: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.validationCode`,
                value: ValidationCode.codec().decode(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.blockNumber`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface CommitStatusResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface CommitStatusResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface CommitStatusResponseValidationCodeFieldEvent {
    field: '$.validationCode'
    value: ValidationCode
  }

  export interface CommitStatusResponseBlockNumberFieldEvent {
    field: '$.blockNumber'
    value: number
  }

  export interface CommitStatusResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export function encode (obj: Partial<CommitStatusResponse>): Uint8Array {
    return encodeMessage(obj, CommitStatusResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CommitStatusResponse>): CommitStatusResponse {
    return decodeMessage(buf, CommitStatusResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<CommitStatusResponse>): Generator<CommitStatusResponseStatusFieldEvent | CommitStatusResponseInfoFieldEvent | CommitStatusResponseValidationCodeFieldEvent | CommitStatusResponseBlockNumberFieldEvent | CommitStatusResponseCodeFieldEvent> {
    return streamMessage(buf, CommitStatusResponse.codec(), opts)
  }
}

export interface GatewayEndorseRequest {
  proposal: Uint8Array
  endorsingOrgs: string[]
}

export namespace GatewayEndorseRequest {
  let _codec: Codec<GatewayEndorseRequest>

  export const codec = (): Codec<GatewayEndorseRequest> => {
    if (_codec == null) {
      _codec = message<GatewayEndorseRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.proposal != null && obj.proposal.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.proposal)
        }

        if (obj.endorsingOrgs != null && obj.endorsingOrgs.length > 0) {
          for (const value of obj.endorsingOrgs) {
            w.uint32(18)
            w.string(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          proposal: uint8ArrayAlloc(0),
          endorsingOrgs: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.proposal = reader.bytes()
              break
            }
            case 2: {
              if (opts.limits?.endorsingOrgs != null && obj.endorsingOrgs.length === opts.limits.endorsingOrgs) {
                throw new MaxLengthError('Decode error - repeated field "endorsingOrgs" had too many elements')
              }

              obj.endorsingOrgs.push(reader.string())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          endorsingOrgs: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.proposal`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              if (opts.limits?.endorsingOrgs != null && obj.endorsingOrgs === opts.limits.endorsingOrgs) {
                throw new MaxLengthError('Streaming decode error - repeated field "endorsingOrgs" had too many elements')
              }

              yield {
                field: `${prefix}.endorsingOrgs[]`,
                index: obj.endorsingOrgs,
                value: reader.string()
              }

              obj.endorsingOrgs++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface GatewayEndorseRequestProposalFieldEvent {
    field: '$.proposal'
    value: Uint8Array
  }

  export interface GatewayEndorseRequestEndorsingOrgsFieldEvent {
    field: '$.endorsingOrgs[]'
    index: number
    value: string
  }

  export function encode (obj: Partial<GatewayEndorseRequest>): Uint8Array {
    return encodeMessage(obj, GatewayEndorseRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewayEndorseRequest>): GatewayEndorseRequest {
    return decodeMessage(buf, GatewayEndorseRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewayEndorseRequest>): Generator<GatewayEndorseRequestProposalFieldEvent | GatewayEndorseRequestEndorsingOrgsFieldEvent> {
    return streamMessage(buf, GatewayEndorseRequest.codec(), opts)
  }
}

export interface GatewayEndorseResponse {
  status: Status
  info: string
  responsePayload: Uint8Array
  endorsements: Endorsement[]
  result: Uint8Array
  code: RefusalCode
  failures: NodeFailure[]
}

export namespace GatewayEndorseResponse {
  let _codec: Codec<GatewayEndorseResponse>

  export const codec = (): Codec<GatewayEndorseResponse> => {
    if (_codec == null) {
      _codec = message<GatewayEndorseResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.status != null && __StatusValues[obj.status] !== 0) {
          w.uint32(8)
          Status.codec().encode(obj.status, w)
        }

        if ((obj.info != null && obj.info !== '')) {
          w.uint32(18)
          w.string(obj.info)
        }

        if ((obj.responsePayload != null && obj.responsePayload.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.responsePayload)
        }

        if (obj.endorsements != null && obj.endorsements.length > 0) {
          for (const value of obj.endorsements) {
            w.uint32(34)
            Endorsement.codec().encode(value, w)
          }
        }

        if ((obj.result != null && obj.result.byteLength > 0)) {
          w.uint32(42)
          w.bytes(obj.result)
        }

        if (obj.code != null && __RefusalCodeValues[obj.code] !== 0) {
          w.uint32(48)
          RefusalCode.codec().encode(obj.code, w)
        }

        if (obj.failures != null && obj.failures.length > 0) {
          for (const value of obj.failures) {
            w.uint32(58)
            NodeFailure.codec().encode(value, w)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          status: Status.STATUS_UNKNOWN,
          info: '',
          responsePayload: uint8ArrayAlloc(0),
          endorsements: [],
          result: uint8ArrayAlloc(0),
          code: RefusalCode.NONE,
          failures: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.status = Status.codec().decode(reader)
              break
            }
            case 2: {
              obj.info = reader.string()
              break
            }
            case 3: {
              obj.responsePayload = reader.bytes()
              break
            }
            case 4: {
              if (opts.limits?.endorsements != null && obj.endorsements.length === opts.limits.endorsements) {
                throw new MaxLengthError('Decode error - repeated field "endorsements" had too many elements')
              }

              obj.endorsements.push(Endorsement.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.endorsements$
              }))
              break
            }
            case 5: {
              obj.result = reader.bytes()
              break
            }
            case 6: {
              obj.code = RefusalCode.codec().decode(reader)
              break
            }
            case 7: {
              if (opts.limits?.failures != null && obj.failures.length === opts.limits.failures) {
                throw new MaxLengthError('Decode error - repeated field "failures" had too many elements')
              }

              obj.failures.push(NodeFailure.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.failures$
              }))
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          endorsements: 0,
          failures: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.status`,
                value: Status.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.info`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.responsePayload`,
                value: reader.bytes()
              }
              break
            }
            case 4: {
              if (opts.limits?.endorsements != null && obj.endorsements === opts.limits.endorsements) {
                throw new MaxLengthError('Streaming decode error - repeated field "endorsements" had too many elements')
              }

              for (const evt of Endorsement.codec().stream(reader, reader.uint32(), `${prefix}.endorsements[]`, {
                limits: opts.limits?.endorsements$
              })) {
                yield {
                  ...evt,
                  index: obj.endorsements
                }
              }

              obj.endorsements++

              break
            }
            case 5: {
              yield {
                field: `${prefix}.result`,
                value: reader.bytes()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.code`,
                value: RefusalCode.codec().decode(reader)
              }
              break
            }
            case 7: {
              if (opts.limits?.failures != null && obj.failures === opts.limits.failures) {
                throw new MaxLengthError('Streaming decode error - repeated field "failures" had too many elements')
              }

              for (const evt of NodeFailure.codec().stream(reader, reader.uint32(), `${prefix}.failures[]`, {
                limits: opts.limits?.failures$
              })) {
                yield {
                  ...evt,
                  index: obj.failures
                }
              }

              obj.failures++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface GatewayEndorseResponseStatusFieldEvent {
    field: '$.status'
    value: Status
  }

  export interface GatewayEndorseResponseInfoFieldEvent {
    field: '$.info'
    value: string
  }

  export interface GatewayEndorseResponseResponsePayloadFieldEvent {
    field: '$.responsePayload'
    value: Uint8Array
  }

  export interface GatewayEndorseResponseEndorsementsEndorserFieldEvent {
    field: '$.endorsements[].endorser'
    value: Uint8Array
    index: number
  }

  export interface GatewayEndorseResponseEndorsementsSignatureFieldEvent {
    field: '$.endorsements[].signature'
    value: Uint8Array
    index: number
  }

  export interface GatewayEndorseResponseResultFieldEvent {
    field: '$.result'
    value: Uint8Array
  }

  export interface GatewayEndorseResponseCodeFieldEvent {
    field: '$.code'
    value: RefusalCode
  }

  export interface GatewayEndorseResponseFailuresNodeFieldEvent {
    field: '$.failures[].node'
    value: string
    index: number
  }

  export interface GatewayEndorseResponseFailuresOrgFieldEvent {
    field: '$.failures[].org'
    value: string
    index: number
  }

  export interface GatewayEndorseResponseFailuresCodeFieldEvent {
    field: '$.failures[].code'
    value: RefusalCode
    index: number
  }

  export interface GatewayEndorseResponseFailuresMessageFieldEvent {
    field: '$.failures[].message'
    value: string
    index: number
  }

  export function encode (obj: Partial<GatewayEndorseResponse>): Uint8Array {
    return encodeMessage(obj, GatewayEndorseResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewayEndorseResponse>): GatewayEndorseResponse {
    return decodeMessage(buf, GatewayEndorseResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewayEndorseResponse>): Generator<GatewayEndorseResponseStatusFieldEvent | GatewayEndorseResponseInfoFieldEvent | GatewayEndorseResponseResponsePayloadFieldEvent | GatewayEndorseResponseEndorsementsEndorserFieldEvent | GatewayEndorseResponseEndorsementsSignatureFieldEvent | GatewayEndorseResponseResultFieldEvent | GatewayEndorseResponseCodeFieldEvent | GatewayEndorseResponseFailuresNodeFieldEvent | GatewayEndorseResponseFailuresOrgFieldEvent | GatewayEndorseResponseFailuresCodeFieldEvent | GatewayEndorseResponseFailuresMessageFieldEvent> {
    return streamMessage(buf, GatewayEndorseResponse.codec(), opts)
  }
}

export interface GatewaySubmitRequest {
  envelope: Uint8Array
  txId: string
  timeoutMs: number
  waitForCommit: boolean
}

export namespace GatewaySubmitRequest {
  let _codec: Codec<GatewaySubmitRequest>

  export const codec = (): Codec<GatewaySubmitRequest> => {
    if (_codec == null) {
      _codec = message<GatewaySubmitRequest>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.envelope != null && obj.envelope.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.envelope)
        }

        if ((obj.txId != null && obj.txId !== '')) {
          w.uint32(18)
          w.string(obj.txId)
        }

        if ((obj.timeoutMs != null && obj.timeoutMs !== 0)) {
          w.uint32(24)
          w.uint32(obj.timeoutMs)
        }

        if ((obj.waitForCommit != null && obj.waitForCommit !== false)) {
          w.uint32(32)
          w.bool(obj.waitForCommit)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          envelope: uint8ArrayAlloc(0),
          txId: '',
          timeoutMs: 0,
          waitForCommit: false
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.envelope = reader.bytes()
              break
            }
            case 2: {
              obj.txId = reader.string()
              break
            }
            case 3: {
              obj.timeoutMs = reader.uint32()
              break
            }
            case 4: {
              obj.waitForCommit = reader.bool()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.envelope`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.txId`,
                value: reader.string()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.timeoutMs`,
                value: reader.uint32()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.waitForCommit`,
                value: reader.bool()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface GatewaySubmitRequestEnvelopeFieldEvent {
    field: '$.envelope'
    value: Uint8Array
  }

  export interface GatewaySubmitRequestTxIdFieldEvent {
    field: '$.txId'
    value: string
  }

  export interface GatewaySubmitRequestTimeoutMsFieldEvent {
    field: '$.timeoutMs'
    value: number
  }

  export interface GatewaySubmitRequestWaitForCommitFieldEvent {
    field: '$.waitForCommit'
    value: boolean
  }

  export function encode (obj: Partial<GatewaySubmitRequest>): Uint8Array {
    return encodeMessage(obj, GatewaySubmitRequest.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewaySubmitRequest>): GatewaySubmitRequest {
    return decodeMessage(buf, GatewaySubmitRequest.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewaySubmitRequest>): Generator<GatewaySubmitRequestEnvelopeFieldEvent | GatewaySubmitRequestTxIdFieldEvent | GatewaySubmitRequestTimeoutMsFieldEvent | GatewaySubmitRequestWaitForCommitFieldEvent> {
    return streamMessage(buf, GatewaySubmitRequest.codec(), opts)
  }
}

export interface GatewaySubmitResponse {
  ordered?: BroadcastResponse
  commit?: CommitStatusResponse
}

export namespace GatewaySubmitResponse {
  let _codec: Codec<GatewaySubmitResponse>

  export const codec = (): Codec<GatewaySubmitResponse> => {
    if (_codec == null) {
      _codec = message<GatewaySubmitResponse>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.ordered != null) {
          w.uint32(10)
          BroadcastResponse.codec().encode(obj.ordered, w)
        }

        if (obj.commit != null) {
          w.uint32(18)
          CommitStatusResponse.codec().encode(obj.commit, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.ordered = BroadcastResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.ordered
              })
              break
            }
            case 2: {
              obj.commit = CommitStatusResponse.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.commit
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * BroadcastResponse.codec().stream(reader, reader.uint32(), `${prefix}.ordered`, {
                limits: opts.limits?.ordered
              })

              break
            }
            case 2: {
              yield * CommitStatusResponse.codec().stream(reader, reader.uint32(), `${prefix}.commit`, {
                limits: opts.limits?.commit
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface GatewaySubmitResponseOrderedStatusFieldEvent {
    field: '$.ordered.status'
    value: Status
  }

  export interface GatewaySubmitResponseOrderedInfoFieldEvent {
    field: '$.ordered.info'
    value: string
  }

  export interface GatewaySubmitResponseOrderedTxIdFieldEvent {
    field: '$.ordered.txId'
    value: string
  }

  export interface GatewaySubmitResponseOrderedBlockNumberFieldEvent {
    field: '$.ordered.blockNumber'
    value: number
  }

  export interface GatewaySubmitResponseOrderedCodeFieldEvent {
    field: '$.ordered.code'
    value: RefusalCode
  }

  export interface GatewaySubmitResponseOrderedLeaderFieldEvent {
    field: '$.ordered.leader'
    value: string
  }

  export interface GatewaySubmitResponseCommitStatusFieldEvent {
    field: '$.commit.status'
    value: Status
  }

  export interface GatewaySubmitResponseCommitInfoFieldEvent {
    field: '$.commit.info'
    value: string
  }

  export interface GatewaySubmitResponseCommitValidationCodeFieldEvent {
    field: '$.commit.validationCode'
    value: ValidationCode
  }

  export interface GatewaySubmitResponseCommitBlockNumberFieldEvent {
    field: '$.commit.blockNumber'
    value: number
  }

  export interface GatewaySubmitResponseCommitCodeFieldEvent {
    field: '$.commit.code'
    value: RefusalCode
  }

  export function encode (obj: Partial<GatewaySubmitResponse>): Uint8Array {
    return encodeMessage(obj, GatewaySubmitResponse.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewaySubmitResponse>): GatewaySubmitResponse {
    return decodeMessage(buf, GatewaySubmitResponse.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<GatewaySubmitResponse>): Generator<GatewaySubmitResponseOrderedStatusFieldEvent | GatewaySubmitResponseOrderedInfoFieldEvent | GatewaySubmitResponseOrderedTxIdFieldEvent | GatewaySubmitResponseOrderedBlockNumberFieldEvent | GatewaySubmitResponseOrderedCodeFieldEvent | GatewaySubmitResponseOrderedLeaderFieldEvent | GatewaySubmitResponseCommitStatusFieldEvent | GatewaySubmitResponseCommitInfoFieldEvent | GatewaySubmitResponseCommitValidationCodeFieldEvent | GatewaySubmitResponseCommitBlockNumberFieldEvent | GatewaySubmitResponseCommitCodeFieldEvent> {
    return streamMessage(buf, GatewaySubmitResponse.codec(), opts)
  }
}
