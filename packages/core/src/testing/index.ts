export { RuleTester, type ValidTestCase, type InvalidTestCase, type ExpectedError } from './rule-tester.js';
