#!/usr/bin/env node
// Syntax check of Bicep templates without the Bicep compiler (which cannot be installed on the build machines):
// parses every .bicep file under the given directories (default: the directory of this script, infra/) with the
// tree-sitter-bicep grammar and lists every ERROR or MISSING node as file:line:col.
//
// This is a syntax check only: names, types, API versions and property shapes are not checked (that needs
// `az bicep build`, see docs/deploy.md). Exit codes: 0 all files parse, 1 syntax errors, 2 no .bicep file found.
//
//   node infra/check-bicep.mjs [dir ...]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'tree-sitter';
import Bicep from 'tree-sitter-bicep';

function bicepFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...bicepFiles(path));
    } else if (entry.isFile() && entry.name.endsWith('.bicep')) {
      found.push(path);
    }
  }
  return found.sort();
}

// Depth-first walk with a cursor: ERROR nodes (unparseable text) and MISSING nodes (a token the parser had to
// invent, such as a closing bracket). Children of an ERROR node are not reported again.
function syntaxProblems(tree) {
  const problems = [];
  const cursor = tree.walk();
  let descend = true;
  for (;;) {
    const node = cursor.currentNode;
    if (descend && node.type === 'ERROR') {
      problems.push({ node, what: `unexpected ${JSON.stringify(node.text.split('\n')[0].slice(0, 40))}` });
      descend = false;
    } else if (descend && node.isMissing) {
      problems.push({ node, what: `missing ${JSON.stringify(node.type)}` });
    }
    if (descend && cursor.gotoFirstChild()) {
      continue;
    }
    descend = true;
    if (cursor.gotoNextSibling()) {
      continue;
    }
    let climbed = false;
    while (cursor.gotoParent()) {
      if (cursor.gotoNextSibling()) {
        climbed = true;
        break;
      }
    }
    if (!climbed) {
      return problems;
    }
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const roots = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : [here];
const parser = new Parser();
parser.setLanguage(Bicep);

function shown(file) {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? file : path;
}

let files = 0;
let problems = 0;
for (const root of roots) {
  if (!existsSync(root)) {
    console.error(`no such directory: ${root}`);
    process.exit(2);
  }
  for (const file of bicepFiles(root)) {
    files += 1;
    const source = readFileSync(file, 'utf8');
    // A callback input: the binding refuses plain strings over 32 KiB.
    const tree = parser.parse((index) => (index < source.length ? source.slice(index, index + 4096) : null));
    for (const { node, what } of syntaxProblems(tree)) {
      problems += 1;
      const { row, column } = node.startPosition;
      console.log(`${shown(file)}:${row + 1}:${column + 1}: syntax error: ${what}`);
    }
  }
}

if (files === 0) {
  console.error(`no .bicep file under ${roots.join(', ')}`);
  process.exit(2);
}
console.log(`${files} Bicep file(s) parsed, ${problems} syntax error(s)`);
process.exit(problems === 0 ? 0 : 1);
