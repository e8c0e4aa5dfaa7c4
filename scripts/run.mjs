#!/usr/bin/env node
// The README's two commands. A fresh machine has only Node and npm (corepack fails here), so pnpm is
// fetched once by npx at a pinned version; every later step runs through it.
import { spawnSync } from 'node:child_process';

const PNPM = 'pnpm@10.34.8';

/** Runs pnpm with the given arguments, inheriting stdio; exits the process on failure. */
function pnpm(...args) {
  const result = spawnSync('npx', ['--yes', PNPM, ...args], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const command = process.argv[2];
pnpm('install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only');
if (command === 'start') {
  pnpm('run', 'build');
  pnpm('--filter', '@livret/server', 'run', 'start');
} else if (command === 'test') {
  pnpm('run', 'check');
} else {
  console.error(`usage: node scripts/run.mjs start|test (got ${command})`);
  process.exit(2);
}
