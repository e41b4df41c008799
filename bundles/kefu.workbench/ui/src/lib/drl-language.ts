/**
 * A CodeMirror stream language for Drools rule files (DRL), used by
 * `<kefu-code-editor language="drl">`.
 *
 * It is a tokenizer, not a parser: it colours keywords, strings, numbers,
 * comments, annotations (`@role(event)`), bound variables (`$customer`),
 * type names and the names of rules, queries and declared types, and it
 * tracks just enough of the file's shape to indent new lines:
 *
 * ```
 * rule "Route VIP customers"          // column 0
 *     salience 10                     // attributes: one unit
 *     when                            // when / then: one unit
 *         $c : Customer( tier == "VIP" )   // conditions and actions: two units
 *     then
 *         modify( $c ) { setQueue( "vip" ) }
 * end                                 // column 0
 * ```
 *
 * @module
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';

/** Words with a meaning of their own in DRL, hyphenated attribute names included. */
const KEYWORDS = new Set([
  'package', 'import', 'global', 'function', 'declare', 'rule', 'query', 'end', 'when', 'then',
  'salience', 'agenda-group', 'activation-group', 'ruleflow-group', 'no-loop', 'lock-on-active', 'dialect',
  'enabled', 'date-effective', 'date-expires', 'duration', 'timer', 'calendars', 'auto-focus', 'extends',
  'not', 'exists', 'forall', 'from', 'collect', 'accumulate', 'eval', 'and', 'or', 'over', 'entry-point',
  'insert', 'insertLogical', 'update', 'modify', 'retract', 'delete', 'new', 'return', 'if', 'else',
]);

/** Constraint operators spelled as words: `name matches "A.*"`, `tags contains "vip"`. */
const WORD_OPERATORS = new Set(['contains', 'matches', 'memberOf', 'soundslike', 'excludes', 'in', 'instanceof']);

const ATOMS = new Set(['true', 'false', 'null']);

/** What the tokenizer is inside of, for indentation. */
type Section =
  | 'top'      // between definitions
  | 'header'   // after `rule "name"`: attributes until `when`
  | 'lhs'      // conditions, after `when`
  | 'rhs'      // actions, after `then`
  | 'body';    // inside `query` or `declare`, up to `end`

/** The tokenizer's state at the end of a line; copied by CodeMirror between lines. */
export interface DrlState {
  /** Inside a `/* … *\/` comment that has not been closed yet. */
  inComment: boolean;
  section: Section;
  /** Open `(`, `[` and `{` not yet closed. */
  depth: number;
  /** The previous word was `rule`, `query` or `declare`: the next one names it. */
  expectName: boolean;
  /** The previous token was a `.`, so a word is a member name, never a keyword. */
  afterDot: boolean;
}

const IDENTIFIER = /^[A-Za-z_][\w]*(?:-[A-Za-z]+)*/;
const NUMBER = /^(?:0[xX][\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)[lLdDfFbBiI]?/;
const OPERATOR = /^(?:==|!=|<=|>=|&&|\|\||->|:=|\+\+|--|[=<>!+\-*/%&|^~?:])/;

/** Reads a quoted string whose opening quote has been consumed; DRL strings end at the line's end at the latest. */
function readString(stream: StringStream, quote: string): void {
  let escaped = false;
  for (let ch = stream.next(); ch !== undefined; ch = stream.next()) {
    if (ch === quote && !escaped) return;
    escaped = !escaped && ch === '\\';
  }
}

/**
 * Reads a word. Hyphens only join words that form a hyphenated keyword
 * (`no-loop`, `agenda-group`); in `a-b` the hyphen is the minus operator.
 */
function readWord(stream: StringStream): string {
  const match = stream.match(IDENTIFIER) as RegExpMatchArray;
  let word = match[0];
  while (word.includes('-') && !KEYWORDS.has(word)) {
    const cut = word.lastIndexOf('-');
    stream.backUp(word.length - cut);
    word = word.slice(0, cut);
  }
  return word;
}

function token(stream: StringStream, state: DrlState): string | null {
  if (state.inComment) {
    if (stream.skipTo('*/')) {
      stream.pos += 2;
      state.inComment = false;
    } else {
      stream.skipToEnd();
    }
    return 'comment';
  }
  if (stream.eatSpace()) return null;

  if (stream.match('//')) {
    stream.skipToEnd();
    return 'comment';
  }
  if (stream.match('/*')) {
    state.inComment = true;
    return token(stream, state);
  }

  const afterDot = state.afterDot;
  const expectName = state.expectName;
  state.afterDot = false;
  state.expectName = false;

  const ch = stream.peek() as string;

  if (ch === '"' || ch === "'") {
    stream.next();
    readString(stream, ch);
    // The name of a rule or query: coloured apart from ordinary strings.
    return expectName ? 'string.definition' : 'string';
  }

  if (ch === '@' && stream.match(/^@[A-Za-z_][\w.]*/)) return 'meta';

  if (ch === '$' && stream.match(/^\$[\w$]*/)) return 'variableName.special';

  if (/\d/.test(ch) && stream.match(NUMBER)) return 'number';

  if (/[A-Za-z_]/.test(ch)) {
    const word = readWord(stream);
    if (afterDot) return 'propertyName';
    if (expectName) return /^[A-Z]/.test(word) ? 'typeName.definition' : 'variableName.definition';
    // Token names are tag names of @lezer/highlight, with modifiers after a dot.
    if (ATOMS.has(word)) return word === 'null' ? 'null' : 'bool';
    if (WORD_OPERATORS.has(word)) return 'operatorKeyword';
    if (KEYWORDS.has(word)) {
      keyword(word, state);
      return 'keyword';
    }
    return /^[A-Z]/.test(word) ? 'typeName' : 'variableName';
  }

  stream.next();
  switch (ch) {
    case '(': state.depth++; return 'paren';
    case '[': state.depth++; return 'squareBracket';
    case '{': state.depth++; return 'brace';
    case ')': state.depth = Math.max(0, state.depth - 1); return 'paren';
    case ']': state.depth = Math.max(0, state.depth - 1); return 'squareBracket';
    case '}': state.depth = Math.max(0, state.depth - 1); return 'brace';
    case '.': state.afterDot = true; return 'punctuation';
    case ',': case ';': return 'punctuation';
  }
  stream.backUp(1);
  if (stream.match(OPERATOR)) return 'operator';
  stream.next();
  return null;
}

/** Follows the structure words that matter for indentation. */
function keyword(word: string, state: DrlState): void {
  // Inside parentheses or braces these words are only code (`update( x )`, a Java block).
  if (state.depth > 0) return;
  switch (word) {
    case 'rule':
      state.section = 'header';
      state.expectName = true;
      break;
    case 'query':
    case 'declare':
      state.section = 'body';
      state.expectName = true;
      break;
    case 'when':
      if (state.section !== 'top') state.section = 'lhs';
      break;
    case 'then':
      if (state.section !== 'top') state.section = 'rhs';
      break;
    case 'end':
      state.section = 'top';
      break;
  }
}

function indent(state: DrlState, textAfter: string, context: { unit: number }): number | null {
  if (state.inComment) return null;
  const first = /^[A-Za-z-]+/.exec(textAfter)?.[0];
  let level: number;
  switch (state.section) {
    case 'top': level = 0; break;
    case 'header': case 'body': level = 1; break;
    case 'lhs': case 'rhs': level = 2; break;
  }
  if (state.depth === 0 && state.section !== 'top') {
    if (first === 'end') level = 0;
    else if (first === 'when' || first === 'then') level = 1;
  }
  const closing = /^[)\]}]/.test(textAfter) ? 1 : 0;
  return (level + Math.max(0, state.depth - closing)) * context.unit;
}

/** The DRL language, one instance for every editor on the page. */
export const drlLanguage = StreamLanguage.define<DrlState>({
  name: 'drl',
  startState: () => ({ inComment: false, section: 'top', depth: 0, expectName: false, afterDot: false }),
  token,
  indent,
  languageData: {
    commentTokens: { line: '//', block: { open: '/*', close: '*/' } },
    // Re-indents the line once one of these is typed at its start.
    indentOnInput: /^\s*(?:when|then|end|[)\]}])$/,
  },
});
