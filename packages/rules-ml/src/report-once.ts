import type { ReportDescriptor, RuleContext, SourceLocation } from '@iamscope/core';

/**
 * A `context.report` that says each kind of finding once per place: a later report with the same
 * start offset and messageId is dropped (the first one wins). For rules that find the same problem
 * through several action families, statements or principal policy sets.
 * @param context the rule context
 * @returns the reporting function; descriptors must carry `loc`
 */
export function reportOnce(context: RuleContext): (descriptor: ReportDescriptor & { loc: SourceLocation }) => void {
  const reported = new Set<string>();
  return (descriptor) => {
    const key = `${descriptor.loc.start.offset}|${descriptor.messageId}`;
    if (reported.has(key)) return;
    reported.add(key);
    context.report(descriptor);
  };
}
