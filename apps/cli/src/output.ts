import { ConsortError } from '@consort/types'

/** An error the CLI reports as it is: a code and a sentence, exit status 1. */
export class CliError extends ConsortError<string> {}

export interface Output {
  json: boolean
  /** Human progress lines (suppressed with --json). */
  log(line: string): void
  /** The command's result: one JSON document with --json, else the human text. */
  result(value: unknown, human: string): void
}

export function output(json: boolean): Output {
  return {
    json,
    log: (line) => {
      if (!json) console.log(line)
    },
    result: (value, human) => {
      if (json) console.log(JSON.stringify(value, null, 2))
      else console.log(human)
    },
  }
}

/** Formats rows as an aligned table. */
export function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)'
  const cols = Object.keys(rows[0] as object)
  const cell = (v: unknown) => (v === undefined || v === null ? '-' : String(v))
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n')
}
