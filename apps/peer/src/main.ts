#!/usr/bin/env node
import { runNode } from '@consort/orderer-app'
import { Peer } from '@consort/peer'

// Same config file format as the orderer's: name, identity, listen, dataDir, genesisBlock, operations.
await runNode('consort-peer', (input, modules) => Peer.create(input, modules))
