import { Engine } from '@iamscope/core';
import ml from '@iamscope/rules-ml';
const engine = new Engine({ plugins: [ml] });
const t = (name: string, text: string) => {
  const s = performance.now();
  const r = engine.lintText(text, 'p.json');
  console.log(name, (performance.now() - s).toFixed(1), 'ms', r.results.length, r.notifications.map(n => n.message).slice(0,2), r.results.slice(0,3).map(x => `${x.ruleId}@${x.loc.start.line}:${x.loc.start.column}-${x.loc.end.line}:${x.loc.end.column} ${x.message.slice(0,100)}`));
};
t('empty', '');
t('ws', '   \n\t ');
t('bom', '\ufeff{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}');
t('basic', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}');
t('deep[', '['.repeat(100000));
t('deep{', '{"a":'.repeat(100000));
const big = 'a'.repeat(10*1024*1024);
t('bigSid', `{"Version":"2012-10-17","Statement":[{"Sid":"${big}","Effect":"Allow","Action":"logs:*","Resource":"*"}]}`);
t('bigRes', `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"arn:aws:logs:*:*:log-group:${big}"}]}`);
t('bigAct', `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:${big}","Resource":"*"}]}`);
t('bigAct*', `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*${big}*","Resource":"*"}]}`);
