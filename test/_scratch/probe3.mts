import { Engine } from '@iamscope/core';
import ml from '@iamscope/rules-ml';
const engine = new Engine({ plugins: [ml] });
const t = (name: string, text: string) => {
  const s = performance.now();
  const r = engine.lintText(text, 'p.json');
  console.log(name, 'len', text.length, (performance.now() - s).toFixed(1), 'ms', r.results.length, r.notifications.length);
};
const pol = (st: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: st });
const [which, a, b] = process.argv.slice(2);
if (which === 'len') {
  const big = 'a'.repeat(+a!);
  t('bigRes'+a, pol([{Effect:'Allow',Action:'logs:*',Resource:`arn:aws:logs:*:*:log-group:${big}`}]));
}
if (which === 'notres') {
  const k = +a!, n = +b!;
  const st: unknown[] = [{Effect:'Allow',Action:'logs:*',Resource:'*'}];
  for (let j=0;j<k;j++) st.push({Effect:'Deny',Action:'logs:*',NotResource:Array.from({length:n},(_, i)=>`arn:aws:logs:*:*:log-group:d${j}x${i}*`)});
  t(`notres k=${k} n=${n}`, pol(st));
}
