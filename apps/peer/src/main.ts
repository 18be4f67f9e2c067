#!/usr/bin/env node
// `consort-peer --config peer.json` (run with node --no-node-snapshot).
import '@consort/peer/main'
