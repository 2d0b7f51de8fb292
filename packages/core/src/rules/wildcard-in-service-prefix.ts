import { defineRule, elementUrl } from './define.js';

/** Flags `Action`/`NotAction` values with `*` or `?` in the service prefix, such as `*code*:Get*`. */
export default defineRule({
  name: 'wildcard-in-service-prefix',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow wildcards in the service prefix of actions.',
      details:
        'A wildcard before the colon of an action ("*code*:Get*", "s3*:List*") matches the actions of every service whose prefix fits, today and in future: "*code*" covers codebuild, codecommit, codedeploy, codepipeline, codeguru and any later code service. List the services instead. The lone "*" is not flagged.',
      references: [elementUrl('action')],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['WILDCARD_IN_SERVICE_NAME'],
    messages: {
      wildcardInService: '{{element}} value {{value}} has a wildcard in its service prefix "{{service}}"; name each service instead.',
    },
  },
  create(context) {
    return {
      Action(node) {
        const colon = node.value?.indexOf(':') ?? -1;
        if (colon === -1) return;
        const service = node.value!.slice(0, colon);
        if (!/[*?]/.test(service)) return;
        context.report({ node, messageId: 'wildcardInService', data: { element: node.negated ? 'NotAction' : 'Action', value: JSON.stringify(node.value), service } });
      },
    };
  },
});
