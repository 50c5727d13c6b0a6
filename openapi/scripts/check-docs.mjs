// Checks the rendered HTML reference: the file exists, is not empty, and mentions the operationId
// and the summary of every operation of the spec.
//
//   node scripts/check-docs.mjs <spec.yaml> <reference.html>
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const [specFile, htmlFile] = process.argv.slice(2);
if (!specFile || !htmlFile) {
  console.error('usage: node scripts/check-docs.mjs <spec.yaml> <reference.html>');
  process.exit(2);
}

let size;
try {
  size = statSync(htmlFile).size;
} catch (e) {
  console.error(`check-docs: ${htmlFile} does not exist`);
  process.exit(1);
}
if (size === 0) {
  console.error(`check-docs: ${htmlFile} is empty`);
  process.exit(1);
}

const spec = parse(readFileSync(specFile, 'utf8'));
const html = readFileSync(htmlFile, 'utf8');

const htmlEscape = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
// A text is found when the page holds it as written, HTML-escaped, or JSON-escaped (the embedded state).
const mentions = (text) =>
  [text, htmlEscape(text), htmlEscape(text).replace(/&#x27;/g, '&#39;'), JSON.stringify(text).slice(1, -1)].some(
    (form) => html.includes(form),
  );

const operations = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of HTTP_METHODS) {
    const operation = item?.[method];
    if (operation) {
      operations.push({ label: `${method.toUpperCase()} ${path}`, operationId: operation.operationId, summary: operation.summary });
    }
  }
}

const problems = [];
for (const op of operations) {
  if (!op.operationId || !mentions(op.operationId)) {
    problems.push(`${op.label}: operationId ${op.operationId ?? '(none)'} not found`);
  }
  if (!op.summary || !mentions(op.summary)) {
    problems.push(`${op.label}: summary ${op.summary ? JSON.stringify(op.summary) : '(none)'} not found`);
  }
}

const found = operations.length - new Set(problems.map((p) => p.split(':')[0])).size;
console.log(`check-docs: ${htmlFile}: ${size} bytes, ${found}/${operations.length} operations found (operationId and summary)`);
if (operations.length === 0) {
  console.error('check-docs: the spec has no operations');
  process.exit(1);
}
if (problems.length > 0) {
  for (const problem of problems) {
    console.error(`check-docs: ${problem}`);
  }
  process.exit(1);
}
