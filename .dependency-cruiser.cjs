// The package boundaries of ARCHITECTURE.md, enforced: each row's "may import" column is the
// only set of our packages that package's sources may import. Run by `pnpm lint`.
const { readFileSync } = require('node:fs')
const { join } = require('node:path')

const rows = readFileSync(join(__dirname, 'ARCHITECTURE.md'), 'utf8')
  .split('\n')
  .filter((l) => /^\| `[^`]+` \|/.test(l))
  .map((l) => {
    const cells = l.split('|').map((c) => c.trim())
    const name = cells[1].replace(/`/g, '')
    const may = cells[3] === '—' ? [] : cells[3].split(',').map((s) => s.trim())
    return { name, dir: name.startsWith('apps/') ? name : `packages/${name}`, may }
  })
if (rows.length < 15) throw new Error(`ARCHITECTURE.md: expected the package table, found ${rows.length} rows`)

/** Where an import of one of our packages lands: its folder under packages/ or apps/. */
const OURS = '^(packages|apps)/[^/]+/'

module.exports = {
  forbidden: [
    ...rows.map(({ name, dir, may }) => ({
      name: `boundary-${name.replace('/', '-')}`,
      comment: `${name} may import only: ${may.join(', ') || 'none of our packages'} (ARCHITECTURE.md)`,
      severity: 'error',
      from: { path: `^${dir}/src/` },
      to: { path: OURS, pathNot: [`^${dir}/`, ...may.map((m) => `^packages/${m}/`)] },
    })),
    {
      name: 'not-to-unresolvable',
      comment: 'an import that does not resolve: a package missing from package.json, or a typo',
      severity: 'error',
      from: { path: OURS },
      // isolated-vm's types come through runtime's tsconfig paths from whichever aliased build is installed
      to: { couldNotResolve: true, pathNot: '^isolated-vm$' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: OURS },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'client-loads-no-native-addon',
      comment: 'a client (sdk, client, bundle) must not reach classic-level, isolated-vm or prom-client',
      severity: 'error',
      from: { path: '^packages/(sdk|client|bundle)/src/' },
      to: { path: 'node_modules/(classic-level|isolated-vm|prom-client)/', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|test)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.js'] },
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
  },
}
