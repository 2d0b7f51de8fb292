import { matchTokens, compileGlob } from '@iamscope/core';
const cases: [string,string,string][] = [];
const p1 = ('*' + 'a'.repeat(32)).repeat(303).slice(0, 10000);
cases.push(['(*a^32)x303 vs a^10000', p1, 'a'.repeat(10000)]);
cases.push(['(*a^32)x303 vs a^9999 b', p1, 'a'.repeat(9999) + 'b']);
const p2 = ('*' + 'ab'.repeat(16)).repeat(303).slice(0, 10000);
cases.push(['(*(ab)^16)x303 vs (ab)^5000', p2, 'ab'.repeat(5000)]);
cases.push(['(*(ab)^16)x303 vs (ab)^4999 ba', p2, 'ab'.repeat(4999)+'ba']);
for (const [n, p, v] of cases) {
  console.log(n, p.length, v.length, [...p].filter(c => c==='*').length);
const t0 = performance.now(); const r = matchTokens(compileGlob(p), v); console.log(r, (performance.now()-t0).toFixed(0),'ms');
}
