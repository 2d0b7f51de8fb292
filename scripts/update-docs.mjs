// `npm run docs`: rewrites the generated rule table in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { withRuleTable } from './rule-table.mjs';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withRuleTable(readFileSync(path, 'utf8')));
console.log('README.md rule table updated');
