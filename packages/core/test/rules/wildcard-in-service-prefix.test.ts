import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/wildcard-in-service-prefix.js';

const policy = (action: string) => `{ "Statement": [{ "Effect": "Allow", "Action": ${JSON.stringify(action)}, "Resource": "*" }] }`;

new RuleTester().run('wildcard-in-service-prefix', rule, {
  valid: [
    { name: 'the lone star', code: policy('*') },
    { name: 'all actions of one service', code: policy('s3:*') },
    { name: 'wildcards only in the action name', code: policy('s3:Get*Ob?ect') },
    { name: 'no colon: not an action with a service prefix', code: policy('s3*') },
  ],
  invalid: [
    {
      // line 3: `    { "Effect": "Allow", "Action": [` is 4+2+10+9+10+1 = 36 chars -> string at col 37;
      //   "*code*:Get*" = 11 + 2 quotes = 13 -> end 50.
      // line 4: `    { "Effect": "Deny", "NotAction": ` is 4+2+10+8+13 = 37 chars -> col 38; "s3?:List*" = 9 + 2 -> end 49.
      name: 'Action and NotAction',
      code: `{
  "Statement": [
    { "Effect": "Allow", "Action": ["*code*:Get*", "s3:Get*"], "Resource": "*" },
    { "Effect": "Deny", "NotAction": "s3?:List*", "Resource": "*" }
  ]
}`,
      errors: [
        { messageId: 'wildcardInService', data: { element: 'Action', value: '"*code*:Get*"', service: '*code*' }, line: 3, column: 37, endLine: 3, endColumn: 50 },
        { messageId: 'wildcardInService', data: { element: 'NotAction', value: '"s3?:List*"', service: 's3?' }, line: 4, column: 38, endLine: 4, endColumn: 49 },
      ],
    },
  ],
});
