// Bundles the page (web/app.ts with preact, htm and uPlot) into dist/public for the server.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { build } from 'esbuild'

const out = new URL('./dist/public/', import.meta.url)
await mkdir(out, { recursive: true })
await build({
  entryPoints: [new URL('./web/app.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outfile: new URL('app.js', out).pathname,
  logLevel: 'warning',
})
const uplotCss = createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css')
await writeFile(new URL('app.css', out), `${await readFile(uplotCss, 'utf8')}\n${await readFile(new URL('./web/style.css', import.meta.url), 'utf8')}`)
await copyFile(new URL('./web/index.html', import.meta.url), new URL('index.html', out))
