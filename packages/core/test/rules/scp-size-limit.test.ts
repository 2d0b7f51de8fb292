import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/scp-size-limit.js';

// Every character counts: line 1 "{" + newline = 2; line 2 is 2 spaces + "Statement" (11) + ": " + "{ " +
// "Effect" (8) + ": " + "Deny" (6) + ", " + "Action" (8) + ": " + "*" (3) + ", " + "Resource" (10) + ": " + "*" (3)
// + " }" = 67, + newline = 68; line 3 "}" = 1. Total 71.
const INDENTED = `{
  "Statement": { "Effect": "Deny", "Action": "*", "Resource": "*" }
}`;

/** An SCP of 71 + n characters: {"Statement":{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::" + n letters}}. */
const scpOfLength = (n: number): string => `{"Statement":{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::${'a'.repeat(n)}"}}`;

new RuleTester().run('scp-size-limit', rule, {
  valid: [
    { name: 'white space counted, at the quota', policyType: 'scp', code: INDENTED, options: { limit: 71 } },
    { name: 'default quota: 5,120 characters', policyType: 'scp', code: scpOfLength(5049) },
    { name: 'identity policies are not checked', code: scpOfLength(5050) },
  ],
  invalid: [
    {
      name: 'white space pushes it over',
      policyType: 'scp',
      code: INDENTED,
      options: { limit: 70 },
      errors: [{ messageId: 'tooLarge', data: { size: 71, limit: 70 }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      name: 'default quota exceeded by one',
      policyType: 'scp',
      code: scpOfLength(5050),
      errors: [{ messageId: 'tooLarge', data: { size: 5121, limit: 5120 }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
  ],
});
