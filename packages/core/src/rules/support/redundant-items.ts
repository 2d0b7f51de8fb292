/**
 * Finding list items that another item of the same list already covers, for the REDUNDANT_ACTION
 * and REDUNDANT_RESOURCE rules (spec access-analyzer-checks.md §1.4). Coverage is decided exactly
 * on compiled patterns with the witness search of `pattern/witness.ts`.
 */
import type { RuleContext } from '../../linter/types.js';
import type { Token } from '../../pattern/tokens.js';
import { findWitness, QUICK_STATE_BUDGET } from '../../pattern/witness.js';
import type { ListElement } from '../../policy/nodes.js';
import type { SourceLocation } from '../../source/location.js';

/** A list item prepared for coverage tests. */
export interface CoverageItem<N> {
  node: N;
  /** The value as written. */
  text: string;
  /** The pattern's tokens, or undefined when only an identical item can cover it (and it can only cover identical items). */
  tokens?: Token[];
  /** Whether the pattern matches exactly one string (no wildcards), so only an equal item can be covered by it. */
  literal: boolean;
  /** Key under which two items are the same pattern (e.g. lower-cased text for actions). */
  key: string;
}

/**
 * Whether every string `inner` matches is matched by `outer` (exact; `unknown` searches count as no).
 * @param outer the covering item
 * @param inner the item that may be covered
 * @returns true when `inner` ⊆ `outer`
 */
export function covers<N>(outer: CoverageItem<N>, inner: CoverageItem<N>): boolean {
  if (outer.key === inner.key) return true;
  if (outer.literal || !outer.tokens || !inner.tokens) return false;
  // Necessary condition, cheap: every wildcard of `inner` allows two different next characters, so
  // `outer`'s literal beginning must begin `inner`'s literal beginning (and likewise for the ends).
  const o = literalEnds(outer.tokens);
  const i = literalEnds(inner.tokens);
  if (!i.prefix.startsWith(o.prefix) || !i.suffix.endsWith(o.suffix)) return false;
  // undecided within the quick budget: not called redundant
  return findWitness([inner.tokens], [outer.tokens], QUICK_STATE_BUDGET).kind === 'none';
}

const ends = new WeakMap<Token[], { prefix: string; suffix: string }>();

/** The literal text before the first and after the last non-literal token, the whole text for a literal (memoised per token array). */
function literalEnds(tokens: Token[]): { prefix: string; suffix: string } {
  let known = ends.get(tokens);
  if (!known) {
    const text = (t: Token): string | undefined => (t.kind === 'literal' ? t.char : undefined);
    let start = 0;
    while (start < tokens.length && text(tokens[start]!) !== undefined) start++;
    let end = tokens.length;
    while (end > start && text(tokens[end - 1]!) !== undefined) end--;
    const join = (part: Token[]): string => part.map((t) => text(t)!).join('');
    const prefix = join(tokens.slice(0, start));
    known = { prefix, suffix: start === tokens.length ? prefix : join(tokens.slice(end)) };
    ends.set(tokens, known);
  }
  return known;
}

/**
 * The items that another item of the list covers, each with the first item that covers it. Of
 * items that cover each other (duplicates, patterns equal up to case), the later ones are redundant.
 * @param items the list's items, in written order
 * @returns redundant items and their covering items, in written order
 */
export function redundantItems<N>(items: readonly CoverageItem<N>[]): { item: CoverageItem<N>; by: CoverageItem<N> }[] {
  const out: { item: CoverageItem<N>; by: CoverageItem<N> }[] = [];
  items.forEach((item, i) => {
    const by = items.find((other, j) => j !== i && covers(other, item) && (j < i || !covers(item, other)));
    if (by) out.push({ item, by });
  });
  return out;
}

/** The messages of both redundancy rules: an item another item covers, and an exact repeat. */
export const REDUNDANT_MESSAGES = {
  redundant: '{{element}} item {{item}} is already covered by {{by}} in the same statement; remove it.',
  duplicate: '{{element}} item {{item}} is listed twice in the same statement; remove this copy.',
};

/**
 * Reports every item of a list element that another item covers: messageId `duplicate` when the
 * covering item is written identically, `redundant` otherwise.
 * @param context the rule context
 * @param element the `Action`/`NotAction`/`Resource`/`NotResource` element, if present
 * @param prepare compiles one string item (non-string items are skipped)
 */
export function reportRedundantItems<N extends { value: string | null; loc: SourceLocation }>(
  context: RuleContext,
  element: ListElement<N> | undefined,
  prepare: (value: string) => Omit<CoverageItem<N>, 'node' | 'text'>,
): void {
  if (!element) return;
  const items = element.items.flatMap((node) => (node.value === null ? [] : [{ node, text: node.value, ...prepare(node.value) }]));
  for (const { item, by } of redundantItems(items)) {
    const data = { element: element.name, item: JSON.stringify(item.text), by: JSON.stringify(by.text) };
    context.report({ node: item.node, messageId: item.text === by.text ? 'duplicate' : 'redundant', data });
  }
}
