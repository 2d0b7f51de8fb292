import { Engine } from '@iamscope/core';
import ml from '@iamscope/rules-ml';
const engine = new Engine({ plugins: [ml] });
const t = (name: string, text: string) => {
  const s = performance.now();
  const r = engine.lintText(text, 'p.json');
  console.log(name, (performance.now() - s).toFixed(1), 'ms', r.results.length, r.notifications.map(n => n.message).slice(0,2), r.results.slice(0,2).map(x => `${x.ruleId}@${x.loc.start.line}:${x.loc.start.column} ${x.message.slice(0,120)}`));
};
const pol = (st: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: st });
const which = process.argv[2];
if (which === 'scale') for (const mb of [0.5, 1, 2]) {
  const big = 'a'.repeat(mb*1024*1024);
  t('bigRes'+mb, pol([{Effect:'Allow',Action:'logs:*',Resource:`arn:aws:logs:*:*:log-group:${big}`}]));
}
if (which === 'acts') {
  const acts = Array.from({length:5000}, (_, i) => `logs:Action${i}`);
  t('5000acts', pol([{Effect:'Allow',Action:acts,Resource:'*'}]));
  const acts2 = Array.from({length:5000}, (_, i) => `s3:Get*${i}`);
  t('5000acts-other', pol([{Effect:'Allow',Action:acts2,Resource:'*'}]));
}
if (which === 'denyres') for (const n of [10, 100, 500]) {
  const res = Array.from({length:n}, (_, i) => `arn:aws:logs:us-east-1:123456789012:log-group:g${i}`);
  t('denyRes'+n, pol([{Effect:'Allow',Action:'logs:*',Resource:'*'},{Effect:'Deny',Action:'logs:*',Resource:res}]));
}
if (which === 'allowres') for (const n of [10, 100, 1000]) {
  const res = Array.from({length:n}, (_, i) => `arn:aws:logs:us-east-1:123456789012:log-group:g${i}`);
  t('allowRes'+n, pol([{Effect:'Allow',Action:'logs:*',Resource:res}]));
}
if (which === 'notres') for (const k of [1,2,3,4]) {
  const st: unknown[] = [{Effect:'Allow',Action:'logs:*',Resource:'*'}];
  for (let j=0;j<k;j++) st.push({Effect:'Deny',Action:'logs:*',NotResource:Array.from({length:5},(_, i)=>`arn:aws:logs:*:*:log-group:d${j}x${i}*`)});
  t('notres'+k, pol(st));
}
if (which === 'alpha') for (const n of [100, 1000, 5000]) {
  let s=''; for (let i=0;i<n;i++) s+=String.fromCharCode(0x4e00+i);
  t('alpha'+n, pol([{Effect:'Allow',Action:'logs:*',Resource:'*'},{Effect:'Deny',Action:'logs:*',Resource:`arn:aws:logs:*:*:log-group:${s}`}]));
}
