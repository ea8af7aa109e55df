// node --import tests/support/record-imports.mjs …: appends the URL of every module the process
// loads to the file named by RECORD_IMPORTS, so a test can see what a command did not load.
import { register } from 'node:module';

if (process.env.RECORD_IMPORTS) {
  const hook = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(process.env.RECORD_IMPORTS)}, url + '\\n');
  return next(url, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
