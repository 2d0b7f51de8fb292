import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-version.js';

new RuleTester().run('invalid-version', rule, {
  valid: [
    { name: 'current version', code: `{ "Version": "2012-10-17", "Statement": [] }` },
    { name: 'legacy version', code: `{ "Version": "2008-10-17", "Statement": [] }` },
    { name: 'no Version (another rule may ask for one)', code: `{ "Statement": [] }` },
  ],
  invalid: [
    {
      // "2012-10-18" starts after `  "Version": ` (col 14) and is 12 characters long.
      name: 'a date that is not a policy language version',
      code: `{
  "Version": "2012-10-18",
  "Statement": []
}`,
      errors: [{ messageId: 'invalidVersion', data: { value: '"2012-10-18"' }, line: 2, column: 14, endLine: 2, endColumn: 26 }],
    },
    {
      name: 'a number',
      code: `{ "Version": 2012, "Statement": [] }`,
      errors: [{ messageId: 'invalidVersion', data: { value: 'a JSON number' }, line: 1, column: 14, endLine: 1, endColumn: 18 }],
    },
  ],
});
