import type { Rule, RuleMeta } from '../linter/types.js';

/** Where iamscope's source and rule documentation live. */
export const REPOSITORY_URL = 'https://github.com/iamscope/iamscope';

/**
 * Builds a rule factory that fills `meta.docs.url` from the package's docs folder
 * (typescript-eslint's RuleCreator).
 * @param docsPath folder of rule docs inside the repository, e.g. `packages/core/docs/rules`
 * @returns a function taking a rule without `docs.url` and returning the complete rule
 */
export function ruleCreator(docsPath: string) {
  return <Options extends Record<string, unknown> = Record<string, unknown>>(
    rule: Omit<Rule<Options>, 'meta'> & { meta: Omit<RuleMeta, 'docs'> & { docs: Omit<RuleMeta['docs'], 'url'> } },
  ): Rule<Options> => ({
    ...rule,
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: `${REPOSITORY_URL}/blob/main/${docsPath}/${rule.name}.md` } },
  });
}

/** Factory for core's built-in rules. */
export const defineRule = ruleCreator('packages/core/docs/rules');

/** IAM User Guide page of the policy grammar. */
export const GRAMMAR_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html';

/** IAM User Guide page of one policy element, e.g. `effect` → reference_policies_elements_effect.html. */
export function elementUrl(element: string): string {
  return `https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_${element}.html`;
}

/**
 * How messages quote a scalar element's value: the JSON text of a string, else its JSON type.
 * @param node a scalar IAM node (`value` is null for non-strings)
 * @returns e.g. `"allow"` or `a JSON boolean`
 */
export function describeValue(node: { value: string | null; json: { type: string } }): string {
  return node.value === null ? `a JSON ${node.json.type.toLowerCase()}` : JSON.stringify(node.value);
}
