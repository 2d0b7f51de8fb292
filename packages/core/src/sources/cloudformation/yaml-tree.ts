/**
 * CloudFormation YAML to momoa-shaped JSON nodes. The `yaml` package parses with the YAML 1.2 core
 * schema (so `2012-10-17` stays a string), merge keys (`<<`) on and duplicate keys kept (the last
 * one wins, as in JSON; the duplicate-key rule and `duplicate-keys.ts` report them). Short-form intrinsic tags become the
 * long form located at the tagged node, tag included: `!Sub "…"` → `{ "Fn::Sub": "…" }`,
 * `!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`, `!Ref X` → `{ "Ref": "X" }`.
 * Source of truth: the CloudFormation User Guide, "Intrinsic function reference" (short forms).
 */
import type { MemberNode, StringNode, ValueNode } from '@humanwhocodes/momoa';
import { createRequire } from 'node:module';
import type { Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** The `yaml` package, loaded on first use (synchronously, through its CommonJS build), so scans without YAML files do not load it. */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
type Yaml = typeof import('yaml');
const isAlias: Yaml['isAlias'] = (node) => yaml().isAlias(node);
const isMap = (node: unknown): node is YAMLMap => yaml().isMap(node);
const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node);
const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node);
import type { LineIndex } from '../../source/line-index.js';
import type { SourceLocation } from '../../source/location.js';
import { arrayNode, booleanNode, memberNode, nullNode, numberNode, objectNode, stringNode } from '../synthetic.js';
import type { SourceError } from '../types.js';
import { scalarMap, type ScalarMap, type ScalarStyle } from './scalar-map.js';

/** The short-form tags of CloudFormation's intrinsic and condition functions, without `!`. */
const SHORT_FORMS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'If', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64',
  'Cidr', 'Equals', 'Not', 'And', 'Or', 'GetAZs', 'Transform', 'Length', 'ToJsonString'];

const CUSTOM_TAGS = SHORT_FORMS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** Most nodes a document may expand to through aliases (a template has a few thousand). */
export const MAX_YAML_NODES = 200_000;

/** Most syntax errors reported for one file, one per position (yaml's later errors often repeat one cause). */
const MAX_YAML_ERRORS = 10;

/** One document of a YAML stream as JSON nodes. */
export interface YamlDocument {
  /** The document's root, undefined for an empty document. */
  body?: ValueNode;
  /** The document's syntax errors (its root is then incomplete and should not be read). */
  syntaxErrors: SourceError[];
}

/** Every document of a YAML stream as JSON nodes, with the problems found. */
export interface YamlTree {
  documents: YamlDocument[];
  /** Aliases that expand past {@link MAX_YAML_NODES} (read as null; the rest of the stream is still read). */
  problems: SourceError[];
  /**
   * Where each character of a string node built from a YAML scalar was written.
   * @param node a string node of a document's `body`
   * @returns the map, or undefined for other nodes and styles that cannot be mapped exactly
   */
  scalarMapOf(node: StringNode): ScalarMap | undefined;
}

/**
 * Parses YAML text (every document of the stream) into JSON nodes with the positions of the YAML nodes.
 * Never throws: syntax errors (`yaml`'s errors, with its offsets; at most {@link MAX_YAML_ERRORS}
 * in the stream, one per position) and aliases that expand past {@link MAX_YAML_NODES} nodes in the
 * whole stream are returned as {@link SourceError}s.
 * @param text the file's text
 * @param lines positions of `text`
 * @returns the documents, the problems and the scalar maps
 */
export function yamlTree(text: string, lines: LineIndex): YamlTree {
  const parsed = yaml().parseAllDocuments(text, { customTags: CUSTOM_TAGS, merge: true, uniqueKeys: false, prettyErrors: false });
  const list = Array.isArray(parsed) ? parsed : [];
  const reported = new Set<number>();
  const scalars = new WeakMap<StringNode, Scalar>();
  const problems: SourceError[] = [];
  const converter = new Converter(text, lines, scalars, problems);
  const documents = list.map((doc): YamlDocument => {
    const syntaxErrors: SourceError[] = [];
    for (const error of doc.errors) {
      if (reported.size === MAX_YAML_ERRORS || reported.has(error.pos[0])) continue;
      reported.add(error.pos[0]);
      syntaxErrors.push({ message: `Invalid YAML: ${cleanMessage(error.message)}`, loc: lines.location(error.pos[0], error.pos[1]) });
    }
    return { body: doc.contents ? converter.document(doc, doc.contents) : undefined, syntaxErrors };
  });
  return {
    documents,
    problems,
    scalarMapOf(node) {
      const scalar = scalars.get(node);
      if (!scalar?.range || typeof scalar.value !== 'string') return undefined;
      return scalarMap(text, scalar.range[0], scalar.range[1], (scalar.type ?? 'PLAIN') as ScalarStyle, scalar.value);
    },
  };
}

/** `yaml`'s message without its " at line L, column C:" suffix and source excerpt (the position is reported separately). */
function cleanMessage(message: string): string {
  const first = message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * Converts the nodes of the documents of a YAML stream, sharing the conversion of each anchored
 * node among its aliases; the node budget {@link MAX_YAML_NODES} counts the whole stream.
 */
class Converter {
  private shared = new Map<YamlNode, { value: ValueNode; size: number } | 'converting'>();
  private doc?: Document.Parsed;
  private total = 0;
  private exceeded = false;
  private lastSize = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly scalars: WeakMap<StringNode, Scalar>,
    private readonly problems: SourceError[],
  ) {}

  /** Converts the root of a document (its anchors are its own). */
  document(doc: Document.Parsed, root: YamlNode): ValueNode {
    this.doc = doc;
    this.shared = new Map();
    return this.convert(root);
  }

  /** Converts `node`; `this.lastSize` is then its size in nodes (aliases counted expanded). */
  convert(node: YamlNode): ValueNode {
    if (isAlias(node)) return this.alias(node, node.resolve(this.doc!));
    if (node.anchor) this.shared.set(node, 'converting');
    const start = this.total;
    const value = this.tagged(node, this.plain(node));
    this.lastSize = this.total - start;
    if (node.anchor) this.shared.set(node, { value, size: this.lastSize });
    return value;
  }

  private location(node: YamlNode): SourceLocation {
    const [start, end] = node.range ?? [0, 0];
    return this.lines.location(start, end);
  }

  private alias(node: YamlNode, target: YamlNode | undefined): ValueNode {
    const known = target ? this.shared.get(target) : undefined;
    if (!target || known === 'converting') return nullNode(this.location(node));
    if (known) {
      this.total += known.size;
      this.lastSize = known.size;
    } else {
      this.convert(target);
    }
    if (this.total > MAX_YAML_NODES) {
      const message = `YAML aliases expand to more than ${MAX_YAML_NODES} nodes (an alias bomb?): this alias, and any later one that would pass the limit, is read as null.`;
      if (!this.exceeded) this.problems.push({ message, loc: this.location(node) });
      this.exceeded = true;
      this.total -= this.lastSize;
      return nullNode(this.location(node));
    }
    const entry = this.shared.get(target);
    return entry && entry !== 'converting' ? entry.value : nullNode(this.location(node));
  }

  /** The node without its tag. */
  private plain(node: YamlNode): ValueNode {
    this.total++;
    const loc = this.location(node);
    if (isMap(node)) {
      const explicit = new Set(node.items.filter((pair) => !isMergeKey(pair.key)).map((pair) => keyName(pair.key)));
      const merged: MemberNode[] = [];
      const members: MemberNode[] = [];
      for (const pair of node.items) {
        if (isMergeKey(pair.key)) {
          for (const source of mergeSources(pair.value)) {
            const object = this.convert(source);
            if (object.type !== 'Object') continue;
            for (const member of object.members) {
              const name = member.name.type === 'String' ? member.name.value : member.name.name;
              if (explicit.has(name) || merged.some((m) => m.name.type === 'String' && m.name.value === name)) continue;
              merged.push(member);
            }
          }
          continue;
        }
        const keyLoc = isNode(pair.key) ? this.location(pair.key) : loc;
        const value = isNode(pair.value) ? this.convert(pair.value) : nullNode({ start: keyLoc.end, end: keyLoc.end });
        members.push(memberNode(keyName(pair.key), keyLoc, value));
      }
      return objectNode([...merged, ...members], loc);
    }
    if (isSeq(node)) return arrayNode(node.items.map((item) => (isNode(item) ? this.convert(item) : nullNode(loc))), loc);
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number') return numberNode(value, loc);
      if (typeof value === 'boolean') return booleanNode(value, loc);
      if (value === null || value === undefined) return nullNode(loc);
      const string = stringNode(String(value), loc);
      if (typeof value === 'string') this.scalars.set(string, node);
      return string;
    }
    return nullNode(loc);
  }

  /** Wraps a short-form intrinsic in its long form, located from the tag to the end of the node. */
  private tagged(node: YamlNode, value: ValueNode): ValueNode {
    const tag = node.tag;
    const name = tag?.startsWith('!') && SHORT_FORMS.includes(tag.slice(1)) ? tag.slice(1) : undefined;
    if (!name || !node.range) return value;
    const start = tagStart(this.text, node.range[0], tag!);
    const tagLoc = this.lines.location(start, start + tag!.length);
    const loc = this.lines.location(start, node.range[1]);
    let argument = value;
    if (name === 'GetAtt' && value.type === 'String') {
      const dot = value.value.indexOf('.');
      const parts = dot < 0 ? [value.value] : [value.value.slice(0, dot), value.value.slice(dot + 1)];
      argument = arrayNode(parts.map((part) => stringNode(part, value.loc)), value.loc);
    }
    const longName = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    return objectNode([memberNode(longName, tagLoc, argument)], loc);
  }
}

function isNode(value: unknown): value is YamlNode {
  return isAlias(value) || isMap(value) || isSeq(value) || isScalar(value);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/** The maps a merge key's value names: one map or alias, or a sequence of them. */
function mergeSources(value: unknown): YamlNode[] {
  if (isSeq(value)) return value.items.filter(isNode);
  return isNode(value) ? [value] : [];
}

function keyName(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  return key === null || key === undefined ? '' : String(key);
}

/** Offset of the tag written before a node that starts at `valueStart` (anchors, spaces and line breaks may separate them). */
function tagStart(text: string, valueStart: number, tag: string): number {
  const at = text.lastIndexOf(tag, valueStart - 1);
  if (at < 0) return valueStart;
  const between = text.slice(at + tag.length, valueStart);
  return /^(\s|&[^\s]+)*$/.test(between) ? at : valueStart;
}
