import { PolicyError, PolicyErrorCode } from '../errors.js'
import { PRINCIPAL_ROLES } from './policy.js'
import type { ImplicitRule, Policy, PrincipalRole } from './policy.js'

type Token =
  | { kind: 'word'; text: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; text: string; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ','; pos: number }
  | { kind: 'end'; pos: number }

// Role words after an implicit rule, Fabric style ("MAJORITY Admins"), or in a principal.
const ROLE_WORDS: Record<string, PrincipalRole> = {
  member: 'member',
  members: 'member',
  admin: 'admin',
  admins: 'admin',
  peer: 'peer',
  peers: 'peer',
  endorsement: 'peer',
  orderer: 'orderer',
  orderers: 'orderer',
  client: 'client',
  clients: 'client',
}

/**
 * Parses a policy written as in Fabric:
 *   AND('Org1.peer', 'Org2.peer')    OR('Org1.member', 'Org2.admin')
 *   OutOf(2, 'Org1.peer', 'Org2.peer', 'Org3.peer')
 *   MAJORITY | ANY | ALL  [Members | Admins | Peers | Orderers | Clients]
 * An implicit rule without a role word means peers, as endorsement policies do.
 * A syntax error is a PolicyError whose meta.position is the 0-based offset.
 */
export function parsePolicy(text: string): Policy {
  const tokens = tokenize(text)
  let i = 0
  const peek = (): Token => tokens[i] as Token
  const next = (): Token => tokens[i++] as Token
  const fail = (tok: Token, expected: string): never => {
    const found = tok.kind === 'end' ? 'end of policy' : `'${'text' in tok ? tok.text : String((tok as { value: number }).value)}'`
    throw new PolicyError(PolicyErrorCode.SYNTAX, `policy syntax error at position ${tok.pos}: expected ${expected}, found ${found}`, {
      position: tok.pos,
      expected,
      policy: text,
    })
  }
  const expectPunct = (p: '(' | ')' | ','): void => {
    const tok = next()
    if (tok.kind !== 'punct' || tok.text !== p) fail(tok, `'${p}'`)
  }

  const parseList = (): Policy[] => {
    const rules = [parseRule()]
    for (;;) {
      const tok = peek()
      if (tok.kind === 'punct' && tok.text === ',') {
        next()
        rules.push(parseRule())
      } else if (tok.kind === 'punct' && tok.text === ')') {
        next()
        return rules
      } else {
        return fail(tok, "',' or ')'")
      }
    }
  }

  const parseRule = (): Policy => {
    const tok = next()
    if (tok.kind === 'string') return parsePrincipal(tok.text, tok.pos)
    if (tok.kind !== 'word') return fail(tok, "AND, OR, OutOf, MAJORITY, ANY, ALL or a principal like 'Org1.peer'")
    const word = tok.text.toUpperCase()
    if (word === 'AND' || word === 'OR') {
      expectPunct('(')
      const rules = parseList()
      return { type: 'outOf', n: word === 'AND' ? rules.length : 1, rules }
    }
    if (word === 'OUTOF') {
      expectPunct('(')
      const nTok = next()
      if (nTok.kind !== 'number') return fail(nTok, 'a number')
      expectPunct(',')
      const rules = parseList()
      if (nTok.value < 1 || nTok.value > rules.length) {
        throw new PolicyError(PolicyErrorCode.SYNTAX, `policy syntax error at position ${nTok.pos}: OutOf needs 1 to ${rules.length}, got ${nTok.value}`, {
          position: nTok.pos,
          expected: `a number from 1 to ${rules.length}`,
          policy: text,
        })
      }
      return { type: 'outOf', n: nTok.value, rules }
    }
    if (word === 'MAJORITY' || word === 'ANY' || word === 'ALL') {
      const roleTok = peek()
      let role: PrincipalRole = 'peer'
      if (roleTok.kind === 'word') {
        const r = ROLE_WORDS[roleTok.text.toLowerCase()]
        if (r === undefined) return fail(roleTok, 'Members, Admins, Peers, Orderers or Clients')
        role = r
        next()
      }
      return { type: 'implicit', rule: word as ImplicitRule, role }
    }
    return fail(tok, "AND, OR, OutOf, MAJORITY, ANY, ALL or a principal like 'Org1.peer'")
  }

  const parsePrincipal = (s: string, pos: number): Policy => {
    const dot = s.lastIndexOf('.')
    const org = s.slice(0, dot)
    const role = ROLE_WORDS[s.slice(dot + 1).toLowerCase()]
    if (
      dot <= 0 ||
      role === undefined ||
      !PRINCIPAL_ROLES.includes(role) ||
      s
        .slice(dot + 1)
        .toLowerCase()
        .endsWith('s')
    ) {
      throw new PolicyError(
        PolicyErrorCode.SYNTAX,
        `policy syntax error at position ${pos}: '${s}' is not ORG.member, ORG.admin, ORG.peer, ORG.orderer or ORG.client`,
        {
          position: pos,
          expected: 'a principal like Org1.peer',
          policy: text,
        },
      )
    }
    return { type: 'signedBy', org, role }
  }

  const policy = parseRule()
  const end = peek()
  if (end.kind !== 'end') fail(end, 'end of policy')
  return policy
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (/\s/.test(c)) {
      i++
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, pos: i++ })
    } else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1)
      if (close < 0) {
        throw new PolicyError(PolicyErrorCode.SYNTAX, `policy syntax error at position ${i}: unterminated string`, {
          position: i,
          expected: `closing ${c}`,
          policy: text,
        })
      }
      tokens.push({ kind: 'string', text: text.slice(i + 1, close), pos: i })
      i = close + 1
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(text.slice(i)) as RegExpExecArray
      tokens.push({ kind: 'number', value: Number(m[0]), pos: i })
      i += m[0].length
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray
      tokens.push({ kind: 'word', text: m[0], pos: i })
      i += m[0].length
    } else {
      throw new PolicyError(PolicyErrorCode.SYNTAX, `policy syntax error at position ${i}: unexpected character '${c}'`, {
        position: i,
        expected: 'a policy',
        policy: text,
      })
    }
  }
  tokens.push({ kind: 'end', pos: text.length })
  return tokens
}
