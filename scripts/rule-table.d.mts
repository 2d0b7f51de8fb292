/** Markdown table of every rule (see rule-table.mjs). */
export declare function ruleTable(): string;
/** Replaces the README's generated rule table. */
export declare function withRuleTable(readme: string): string;
export declare const START: string;
export declare const END: string;
