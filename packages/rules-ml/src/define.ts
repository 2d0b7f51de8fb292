import { ruleCreator } from '@iamscope/core';

/** Factory for rules of this pack: fills the docs URL (packages/rules-ml/docs/rules/<name>.md). */
export const defineRule = ruleCreator('packages/rules-ml/docs/rules');
