// The dashboard page: preact components written with htm, charts drawn by uPlot, state streamed
// from the server (server-sent events, two updates a second).
import { html, render } from 'htm/preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import uPlot from 'uplot'
import type { BlockView, DashboardState, NodeView, Sample, TxView } from '../src/views.js'

const TOKEN_KEY = 'consort-dashboard-token'

async function control(path: string, body: unknown, setError: (e: string) => void): Promise<void> {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-consort-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    body: JSON.stringify(body ?? {}),
  })
  const answer = (await r.json().catch(() => ({}))) as { error?: string }
  setError(r.ok ? '' : `${r.status}: ${answer.error ?? r.statusText}`)
}

function Chart(p: { id: string; title: string; samples: Sample[]; series: { label: string; value: (s: Sample) => number }[] }) {
  const el = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const labels = p.series.map((s) => s.label).join('|')
  useEffect(() => {
    if (el.current === null) return
    plot.current?.destroy()
    plot.current = new uPlot(
      {
        width: 420,
        height: 160,
        title: p.title,
        series: [{}, ...p.series.map((s, i) => ({ label: s.label, stroke: COLORS[i % COLORS.length], width: 1.5 }))],
        axes: [{}, { size: 50 }],
        legend: { show: true },
      },
      [[], ...p.series.map(() => [])],
      el.current,
    )
    return () => plot.current?.destroy()
  }, [labels])
  useEffect(() => {
    plot.current?.setData([p.samples.map((s) => s.t / 1000), ...p.series.map((s) => p.samples.map(s.value))])
  }, [p.samples, labels])
  return html`<div class="chart" data-testid=${p.id} ref=${el}></div>`
}

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4d7c0f', '#be185d', '#854d0e', '#475569', '#0f766e', '#7c3aed']

function NodeRow(p: { n: NodeView; local: boolean; setError: (e: string) => void }) {
  const { n } = p
  const act = (action: string) => {
    if (!confirm(`${action} ${n.name}?`)) return
    void control(`/api/nodes/${n.name}/${action}`, {}, p.setError)
  }
  const lead = () => {
    if (!confirm(`move Raft leadership to ${n.name}?`)) return
    void control('/api/transfer', { to: n.name }, p.setError)
  }
  return html`<tr data-testid=${`node-${n.name}`} data-role=${n.up ? n.role : 'down'} data-height=${n.height} class=${n.up ? '' : 'down'}>
    <td>${n.name}</td>
    <td>${n.site}</td>
    <td><span class=${`role ${n.up ? n.role : 'down'}`} data-testid=${`role-${n.name}`}>${n.up ? n.role : 'down'}</span></td>
    <td>${n.kind === 'orderer' && n.up ? n.term : ''}</td>
    <td>${n.kind === 'orderer' && n.up ? n.leader : ''}</td>
    <td data-testid=${`height-${n.name}`}>${n.up ? n.height : ''}</td>
    <td>${n.up ? n.lag : ''}</td>
    <td>${n.up && p.local ? `${n.cpu} %` : ''}</td>
    <td>${n.up && p.local ? `${n.rssMb} MB` : ''}</td>
    <td>${n.version}</td>
    <td class="actions">
      ${
        p.local
          ? html`<button data-testid=${`stop-${n.name}`} disabled=${!n.up} onClick=${() => act('stop')}>stop</button>
              <button data-testid=${`kill-${n.name}`} disabled=${!n.up} onClick=${() => act('kill')}>kill</button>
              <button data-testid=${`start-${n.name}`} disabled=${n.up} onClick=${() => act('start')}>start</button>`
          : ''
      }
      ${n.kind === 'orderer' && n.role === 'Follower' ? html`<button onClick=${lead}>lead</button>` : ''}
    </td>
  </tr>`
}

function Explorer(p: { s: DashboardState }) {
  const [block, setBlock] = useState<BlockView | null>(null)
  const [tx, setTx] = useState<(TxView & { block?: number }) | null>(null)
  const [query, setQuery] = useState('')
  const [history, setHistory] = useState<{ key: string; block: number; txId: string; validationCode: string }[] | null>(null)
  const [note, setNote] = useState('')
  const open = async (n: number) => {
    const r = await fetch(`/api/blocks/${n}`)
    setBlock(r.ok ? ((await r.json()) as BlockView) : null)
    setTx(null)
  }
  const search = async (e: Event) => {
    e.preventDefault()
    setNote('')
    setHistory(null)
    const q = query.trim()
    if (/^[0-9a-f]{64}$/.test(q)) {
      const r = await fetch(`/api/tx/${q}`)
      if (r.ok) {
        setTx((await r.json()) as TxView & { block: number })
        return
      }
    }
    const r = await fetch(`/api/keys/${encodeURIComponent(q)}`)
    const found = ((await r.json()) as { history: { key: string; block: number; txId: string; validationCode: string }[] }).history
    if (found.length === 0) setNote(`no transaction ${q} and no write to a key ${q} among the blocks seen`)
    setHistory(found)
  }
  return html`<section class="explorer">
    <h2>Explorer</h2>
    <form onSubmit=${search}>
      <input data-testid="search" placeholder="tx id or key" value=${query} onInput=${(e: Event) => setQuery((e.target as HTMLInputElement).value)} />
      <button type="submit">search</button>
    </form>
    ${note !== '' ? html`<p class="note">${note}</p>` : ''}
    ${
      history !== null && history.length > 0
        ? html`<table>
            <tr>
              <th>key</th>
              <th>block</th>
              <th>tx</th>
              <th>code</th>
            </tr>
            ${history.map(
              (x) =>
                html`<tr>
                  <td>${x.key}</td>
                  <td>${x.block}</td>
                  <td>
                    <a
                      href="#"
                      onClick=${async (e: Event) => {
                        e.preventDefault()
                        const r = await fetch(`/api/tx/${x.txId}`)
                        if (r.ok) setTx((await r.json()) as TxView & { block: number })
                      }}
                      >${x.txId.slice(0, 16)}…</a
                    >
                  </td>
                  <td>${x.validationCode}</td>
                </tr>`,
            )}
          </table>`
        : ''
    }
    <div class="columns">
      <div>
        <h3>Recent blocks</h3>
        <table>
          <tr>
            <th>block</th>
            <th>txs</th>
            <th>cut by</th>
            <th>time</th>
          </tr>
          ${p.s.blocks.map(
            (b) =>
              html`<tr data-testid=${`block-${b.number}`} class="clickable" onClick=${() => open(b.number)}>
                <td>${b.number}</td>
                <td>${b.txs}</td>
                <td>${b.orderer}</td>
                <td>${new Date(b.timestamp).toLocaleTimeString()}</td>
              </tr>`,
          )}
        </table>
      </div>
      <div>
        ${
          block !== null
            ? html`<h3>Block ${block.number}</h3>
                <p class="mono">${block.hash}</p>
                <table>
                  <tr>
                    <th>tx</th>
                    <th>creator</th>
                    <th>call</th>
                    <th>code</th>
                  </tr>
                  ${block.txs.map(
                    (t) =>
                      html`<tr data-testid=${`tx-${t.txId}`} class="clickable" onClick=${() => setTx(t)}>
                        <td class="mono">${t.txId.slice(0, 16)}…</td>
                        <td>${t.creatorOrg}</td>
                        <td>${t.contract !== '' ? `${t.contract}.${t.fn}` : t.type}</td>
                        <td>${t.validationCode}</td>
                      </tr>`,
                  )}
                </table>`
            : html`<p class="note">click a block</p>`
        }
      </div>
      <div>
        ${
          tx !== null
            ? html`<div data-testid="tx-detail">
                <h3>Transaction</h3>
                <dl>
                  <dt>tx id</dt>
                  <dd class="mono">${tx.txId}</dd>
                  <dt>type</dt>
                  <dd>${tx.type}</dd>
                  <dt>creator</dt>
                  <dd>${tx.creator} (${tx.creatorOrg})</dd>
                  <dt>contract</dt>
                  <dd>${tx.contract}</dd>
                  <dt>function</dt>
                  <dd>${tx.fn}(${tx.args.join(', ')})</dd>
                  <dt>validation</dt>
                  <dd data-testid="tx-code">${tx.validationCode}</dd>
                  <dt>endorsed by</dt>
                  <dd>${tx.endorsingOrgs.join(', ')}</dd>
                  <dt>reads</dt>
                  <dd>${tx.reads.join(', ') || '-'}</dd>
                  <dt>writes</dt>
                  <dd>${tx.writes.join(', ') || '-'}</dd>
                  <dt>events</dt>
                  <dd>${tx.events.map((e) => `${e.name} ${e.payload}`).join('; ') || '-'}</dd>
                </dl>
              </div>`
            : ''
        }
      </div>
    </div>
  </section>`
}

function App() {
  const [s, setS] = useState<DashboardState | null>(null)
  const [error, setError] = useState('')
  const [token, setToken] = useState(sessionStorage.getItem(TOKEN_KEY) ?? '')
  const [rate, setRate] = useState('100')
  useEffect(() => {
    const source = new EventSource('/api/events')
    source.onmessage = (e) => setS(JSON.parse(e.data as string) as DashboardState)
    return () => source.close()
  }, [])
  if (s === null) return html`<p>connecting…</p>`
  const names = s.nodes.map((n) => n.name)
  const last = s.samples[s.samples.length - 1]
  const saveToken = (v: string) => {
    sessionStorage.setItem(TOKEN_KEY, v)
    setToken(v)
  }
  return html`<header>
      <h1>Consort · ${s.channel}</h1>
      <span data-testid="height">height ${s.height}</span>
      <span data-testid="leader">leader ${s.leader || 'none'}</span>
      <span data-testid="tps">tx/s ${last?.txs ?? 0}</span>
      <label>token <input data-testid="token" type="password" value=${token} onInput=${(e: Event) => saveToken((e.target as HTMLInputElement).value)} /></label>
      <label>load <input data-testid="rate" size="5" value=${rate} onInput=${(e: Event) => setRate((e.target as HTMLInputElement).value)} /> tx/s</label>
      <button data-testid="load-start" onClick=${() => void control('/api/load', { rate: Number(rate) }, setError)}>start load</button>
      <button data-testid="load-stop" onClick=${() => void control('/api/load', { rate: 0 }, setError)}>stop load</button>
      <span>${s.load.running ? `sending ${s.load.rate} tx/s: ${s.load.committed} committed, ${s.load.failed} failed` : 'no load'}</span>
    </header>
    ${error !== '' ? html`<p class="error" data-testid="control-error">${error}</p>` : ''}
    <main>
      <section>
        <h2>Topology</h2>
        ${s.orgs.map(
          (org) =>
            html`<h3>${org}</h3>
              <table class="nodes">
                <tr>
                  <th>node</th>
                  <th>site</th>
                  <th>role</th>
                  <th>term</th>
                  <th>leader</th>
                  <th>height</th>
                  <th>lag</th>
                  <th>CPU</th>
                  <th>RSS</th>
                  <th>version</th>
                  <th></th>
                </tr>
                ${s.nodes.filter((n) => n.org === org).map((n) => html`<${NodeRow} n=${n} local=${s.local} setError=${setError} />`)}
              </table>`,
        )}
      </section>
      <section class="charts">
        <${Chart} id="chart-tps" title="committed tx/s" samples=${s.samples} series=${[{ label: 'tx/s', value: (x: Sample) => x.txs }]} />
        <${Chart}
          id="chart-latency"
          title="latency of the load (ms)"
          samples=${s.samples}
          series=${[
            { label: 'p50', value: (x: Sample) => x.p50 },
            { label: 'p99', value: (x: Sample) => x.p99 },
          ]}
        />
        <${Chart}
          id="chart-blocks"
          title="blocks"
          samples=${s.samples}
          series=${[
            { label: 'txs per block', value: (x: Sample) => x.blockSize },
            { label: 'ms between blocks', value: (x: Sample) => x.blockIntervalMs },
          ]}
        />
        ${
          s.local
            ? html`<${Chart}
                  id="chart-cpu"
                  title="CPU per node (% of a core)"
                  samples=${s.samples}
                  series=${names.map((n) => ({ label: n, value: (x: Sample) => x.cpu[n] ?? 0 }))}
                />
                <${Chart}
                  id="chart-rss"
                  title="RSS per node (MB)"
                  samples=${s.samples}
                  series=${names.map((n) => ({ label: n, value: (x: Sample) => x.rssMb[n] ?? 0 }))}
                />`
            : html`<p class="note">CPU and memory per node: on the local network only (these nodes run on their orgs' machines).</p>`
        }
      </section>
      <section class="timeline">
        <h2>Timeline</h2>
        <ul data-testid="timeline">
          ${s.timeline.map((e) => html`<li class=${e.kind}><time>${new Date(e.t).toLocaleTimeString()}</time> ${e.text}</li>`)}
        </ul>
      </section>
      <${Explorer} s=${s} />
    </main>`
}

render(html`<${App} />`, document.getElementById('app') as HTMLElement)
