#!/usr/bin/env node
// `consort-orderer --config orderer.json` (run with node --no-node-snapshot).
import '@consort/orderer/main'
