// Generates vectors.json, the expected results of ContractSchemaVectorsTest, by running every
// (schema, value) pair below through the real fastest-validator 1.19.0 configured as trac-peer
// configures it (src/base/check.js: useNewCustomCheckerFunction, the is_hex, bitcoin_address and
// bigint rules and their customFunctions, multicoin-address-validator 0.5.25, b4a 1.6.7).
//
// How to run (in a scratch directory outside the project; nothing is installed in the project):
//
//   mkdir -p /tmp/fv && cd /tmp/fv && npm init -y
//   npm install fastest-validator@1.19.0 multicoin-address-validator@0.5.25 b4a@1.6.7
//   node <project>/host/src/test/resources/contract/schema/generate-vectors.mjs
//
// Packages are loaded from the current directory; vectors.json is written next to this script.
//
// Where this port deliberately differs from upstream, the vector records OUR intended result,
// says why in "ours", and keeps upstream's answer in "upstream" for the record:
//  - $$strict inside a nested $$type object (ignored upstream): the result is fastest-validator's
//    on the equivalent long form {type: "object", strict: true, props: {...}};
//  - bigint (fails every value upstream): the result comes from a corrected bigint rule below;
//  - bitcoin_address for Solana: base58 of exactly 32 bytes instead of 43-44 base58 characters.
// The only other change to trac-peer's setup: the message texts of the bitcoin and bigint errors
// are this port's (trac-peer's say "must a valid Bitcoin address" for every chain it accepts).

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(process.cwd(), 'noop.js'));
const Validator = require('fastest-validator');
const WAValidator = require('multicoin-address-validator');
const b4a = require('b4a');
const base58 = require('multicoin-address-validator/src/crypto/base58');

const versions = {
  'fastest-validator': require('fastest-validator/package.json').version,
  'multicoin-address-validator': require('multicoin-address-validator/package.json').version,
  b4a: require('b4a/package.json').version
};
if (versions['fastest-validator'] !== '1.19.0') {
  throw new Error('fastest-validator 1.19.0 is required, found ' + versions['fastest-validator']);
}

// This port's texts (the Java Messages class has the same).
const MESSAGES = {
  bufferedHex: "The '{field}' field must a hex! Actual: {actual}",
  bigint: "The '{field}' field must be an integer or a string of decimal digits! Actual: {actual}",
  bigintMin: "The '{field}' field must be greater than or equal to {expected}.",
  bigintMax: "The '{field}' field must be less than or equal to {expected}.",
  bitcoin: "The '{field}' field must be a valid Bitcoin, Dogecoin, Solana or BNB Smart Chain address," +
    ' or a Trac public key (64 lowercase hex)! Actual: {actual}'
};

function hexCheck(value) {
  let result = false;
  try {
    const buf = b4a.from(value, 'hex');
    result = value === b4a.toString(buf, 'hex');
  } catch (e) {}
  return result;
}

function tracKey(value) {
  return hexCheck(value) && value.length === 64;
}

// trac-peer's bitcoinAddress, verbatim in substance.
function upstreamAddress(value) {
  let result = false;
  try {
    result = WAValidator.validate(value, 'Bitcoin', { networkType: 'both' }) ||
      WAValidator.validate(value, 'Solana', { networkType: 'both' }) ||
      WAValidator.validate(value, 'DogeCoin', { networkType: 'both' }) ||
      WAValidator.validate(value, 'BinanceSmartChain', { networkType: 'both' }) ||
      tracKey(value);
  } catch (e) {}
  return result;
}

// Ours: the same, with Solana as base58 of exactly 32 bytes.
function intendedAddress(value) {
  let result = false;
  try {
    result = WAValidator.validate(value, 'Bitcoin', { networkType: 'both' }) ||
      WAValidator.validate(value, 'DogeCoin', { networkType: 'both' }) ||
      WAValidator.validate(value, 'BinanceSmartChain', { networkType: 'both' }) ||
      (typeof value === 'string' && value.length > 0 && solana32(value)) ||
      tracKey(value);
  } catch (e) {}
  return result;
}

function solana32(value) {
  try {
    return base58.decode(value).length === 32;
  } catch (e) {
    return false;
  }
}

function makeValidator(intended) {
  const v = new Validator({
    useNewCustomCheckerFunction: true,
    messages: MESSAGES,
    customFunctions: {
      bitcoinAddress: (value) => (intended ? intendedAddress(value) : upstreamAddress(value)),
      hexCheck: (value) => hexCheck(value)
    }
  });
  if (intended) {
    // The corrected rule: an integer number, or a string of an optional '-' and decimal digits;
    // min and max (numbers or such strings) compared as BigInt.
    v.add('bigint', function ({ schema, messages }) {
      const bound = (b) => (b == null ? null : BigInt(b).toString());
      const min = bound(schema.min);
      const max = bound(schema.max);
      return {
        source: `
          let big = null;
          if (typeof value === "string" && /^-?[0-9]+$/.test(value)) big = BigInt(value);
          else if (typeof value === "number" && Number.isInteger(value)) big = BigInt(value);
          if (big === null) {
            ${this.makeError({ type: 'bigint', actual: 'value', messages })}
            return value;
          }
          ${min == null ? '' : `if (big < BigInt("${min}")) { ${this.makeError({ type: 'bigintMin', expected: `"${min}"`, actual: 'value', messages })} }`}
          ${max == null ? '' : `if (big > BigInt("${max}")) { ${this.makeError({ type: 'bigintMax', expected: `"${max}"`, actual: 'value', messages })} }`}
          return value;
        `
      };
    });
  } else {
    // trac-peer's rule, verbatim: result is never set, so every value fails.
    v.add('bigint', function ({ schema, messages }) {
      return {
        source: `
          let result = false
          try {
            BigInt(value);
          } catch (e) {}
          if (false === result)
            ${this.makeError({ type: 'bigint', actual: 'value', messages })}
          return value
        `
      };
    });
  }
  v.add('is_hex', function ({ schema, messages }) {
    return {
      source: `
        const result = context.customFunctions.hexCheck(value, errors);
        if(false === result) ${this.makeError({ type: 'bufferedHex', actual: 'value', messages })}
        return value;
      `
    };
  });
  v.add('bitcoin_address', function ({ schema, messages }) {
    return {
      source: `
        const result = context.customFunctions.bitcoinAddress(value, errors);
        if(false === result) ${this.makeError({ type: 'bitcoin', actual: 'value', messages })}
        return value;
      `
    };
  });
  return v;
}

const upstream = makeValidator(false);
const intended = makeValidator(true);

// Our reading of a nested $$strict: the $$type shorthand rewritten into the long form, which
// fastest-validator does make strict. Recurses through the whole schema.
function honourNestedStrict(rule) {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return rule;
  if (rule.$$type) {
    const base = typeof rule.$$type === 'string' ? upstream.parseShortHand(rule.$$type) : { ...rule.$$type };
    const props = {};
    for (const [k, v] of Object.entries(rule)) {
      if (k !== '$$type' && k !== '$$strict') props[k] = honourNestedStrict(v);
    }
    const out = { ...base, props };
    if (rule.$$strict) out.strict = true;
    return out;
  }
  const out = { ...rule };
  if (out.items) out.items = honourNestedStrict(out.items);
  for (const key of ['props', 'properties']) {
    if (out[key] && typeof out[key] === 'object') {
      out[key] = Object.fromEntries(Object.entries(out[key]).map(([k, v]) => [k, honourNestedStrict(v)]));
    }
  }
  return out;
}

function honourNestedStrictAtTop(schema) {
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k.startsWith('$$') ? v : honourNestedStrict(v)]));
}

function run(validator, schema, value) {
  const check = validator.compile(structuredClone(schema));
  const res = check(value === undefined ? undefined : structuredClone(value));
  if (res === true) return { valid: true, errors: [] };
  // JSON round trip: drops undefined fields (a field at the top level, an absent actual).
  return { valid: false, errors: JSON.parse(JSON.stringify(res)).map(({ label, ...rest }) => rest) };
}

const cases = [];
const compileErrors = [];

// group(name, schema, values, options): options.ours is the reason when every value of the group
// takes our intended result; options.oursWhenDifferent is the reason when only the values where
// upstream and intended disagree do.
function group(name, schema, values, options = {}) {
  for (const value of values) {
    const up = run(upstream, schema, value);
    const entry = { group: name, schema };
    if (value !== undefined) entry.value = value;
    if (options.ours) {
      const ours = run(intended, options.nestedStrict ? honourNestedStrictAtTop(schema) : schema, value);
      Object.assign(entry, ours, { ours: options.ours, upstream: up });
    } else if (options.oursWhenDifferent) {
      const ours = run(intended, schema, value);
      if (JSON.stringify(ours) !== JSON.stringify(up)) {
        Object.assign(entry, ours, { ours: options.oursWhenDifferent, upstream: up });
      } else {
        Object.assign(entry, up);
      }
    } else {
      Object.assign(entry, up);
    }
    cases.push(entry);
  }
}

function compileError(name, schema) {
  try {
    upstream.compile(structuredClone(schema));
  } catch (e) {
    compileErrors.push({ name, schema, message: e.message });
    return;
  }
  throw new Error('expected a compile error: ' + name);
}

const WRONG_TYPES = [5, 1.5, true, false, 'text', '', [], [1], {}, { a: 1 }];
const wrap = (values) => values.map((a) => ({ a }));
const HEX64 = 'ab'.repeat(32);

// ---- a trac-peer-like transaction schema --------------------------------------------------
group('tx schema', {
  value: {
    $$type: 'object',
    op: { type: 'string', min: 1, max: 32 },
    amount: { type: 'number', integer: true, min: 0, max: Number.MAX_SAFE_INTEGER },
    memo: { type: 'string', optional: true },
    to: { type: 'is_hex' }
  }
}, [
  { value: { op: 'transfer', amount: 5, to: HEX64 } },
  { value: { op: 'transfer', amount: 5, to: HEX64, memo: 'hi', extra: true } },
  { value: { op: '', amount: 5, to: HEX64 } },
  { value: { op: 'x'.repeat(33), amount: -1, to: 'AB' } },
  { value: { op: 5, amount: '5', to: 5 } },
  { value: { op: 'x', amount: 1.5, to: 'abc', memo: null } },
  { value: { op: 'x', amount: 9007199254740992, to: '' } },
  { value: {} },
  { value: null },
  { value: 'x' },
  { value: [] },
  {},
  { other: 1 },
  undefined,
  null,
  5,
  'text',
  [],
  [{ value: {} }]
]);

// ---- string ------------------------------------------------------------------------------
group('string type', { a: { type: 'string' } }, [...wrap(['', 'x', ...WRONG_TYPES, null]), {}]);
group('string min max', { a: { type: 'string', min: 2, max: 4 } },
  wrap(['', 'a', 'ab', 'abcd', 'abcde', '\u00e9\u00e9', '\ud83d\ude00', '\ud83d\ude00\ud83d\ude00\ud83d\ude00', 'a\u0301']));
group('string length', { a: { type: 'string', length: 3 } }, wrap(['abc', 'ab', 'abcd', '', '\ud83d\ude00a']));
group('string fractional bounds', { a: { type: 'string', min: 1.5, max: 2.5 } }, wrap(['a', 'ab', 'abc']));
group('string empty false', { a: { type: 'string', empty: false, min: 2 } }, wrap(['', 'a', 'ab']));
group('string empty true', { a: { type: 'string', empty: true, min: 2, numeric: true } }, wrap(['', 'a', '12']));
group('string numeric', { a: { type: 'string', numeric: true } },
  wrap(['0', '123', '-5', '1.5', '-0.25', '01', '1.', '.5', '+1', '1e5', 'abc', '', ' 1', '1 ', '\u0661']));
group('string alpha', { a: { type: 'string', alpha: true } }, wrap(['abc', 'ABC', 'a1', '', '\u00e9', 'a b']));
group('string alphanum', { a: { type: 'string', alphanum: true } }, wrap(['abc123', 'a_b', '', 'A9']));
group('string alphadash', { a: { type: 'string', alphadash: true } }, wrap(['a-b_c', 'a b', '', '-']));
group('string hex', { a: { type: 'string', hex: true } }, wrap(['00ff', '00FF', 'abc', '', '0g', 'ab\n']));
group('string singleLine', { a: { type: 'string', singleLine: true } }, wrap(['one line', 'two\nlines', 'cr\ronly', '']));
group('string base64', { a: { type: 'string', base64: true } },
  wrap(['', 'YQ==', 'YWI=', 'YWJj', 'YWJ', 'Y===', 'a\\b/', 'YW Jj', 'YWJj\n']));
group('string contains', { a: { type: 'string', contains: 'needle' } }, wrap(['a needle here', 'needl', '', 'NEEDLE']));
group('string enum', { a: { type: 'string', enum: ['red', 'green', 'blue'] } }, wrap(['red', 'Red', '', 'purple', 5]));
group('string several failures', { a: { type: 'string', min: 5, max: 2, length: 3, alpha: true, alphanum: true, numeric: true } },
  wrap(['ab1', 'abcd', '']));
group('string pattern', { a: { type: 'string', pattern: '^[a-z]+-[0-9]{2,3}$' } },
  wrap(['abc-12', 'abc-1234', 'ABC-12', 'abc-12\n', '\nabc-12', 'x-123']));
group('string pattern flags i', { a: { type: 'string', pattern: '^hello$', patternFlags: 'i' } }, wrap(['HeLLo', 'hello!', 'h\u00e9llo']));
group('string pattern flags m', { a: { type: 'string', pattern: '^b$', patternFlags: 'm' } },
  wrap(['a\nb\nc', 'a\r\nb', 'ab', 'a\u2028b', 'a\u0085b\u0085']));
group('string pattern flags s', { a: { type: 'string', pattern: '^a.b$', patternFlags: 's' } }, wrap(['a\nb', 'axb', 'ab']));
group('string pattern dot', { a: { type: 'string', pattern: '^a.b$' } }, wrap(['a\nb', 'axb', 'a\u2028b', 'a\u0085b', 'a\rb']));
group('string pattern flags gy', { a: { type: 'string', pattern: 'b', patternFlags: 'gy' } }, wrap(['bc', 'abc']));
group('string pattern anywhere', { a: { type: 'string', pattern: 'b+' } }, wrap(['abbc', 'ac']));
group('string pattern dollar', { a: { type: 'string', pattern: 'end$' } }, wrap(['the end', 'the end\n', 'ending']));
group('string pattern whitespace', { a: { type: 'string', pattern: '^\\s+$' } },
  wrap([' \t', '\u00a0', '\u2003', '\ufeff', '\u0085', '\u200b', 'x']));
group('string pattern not whitespace', { a: { type: 'string', pattern: '^[\\S]+$' } }, wrap(['abc', 'a b', 'a\u00a0b']));
group('string pattern classes', { a: { type: 'string', pattern: '^[[\\]a-c&&-]+$' } }, wrap(['[]', 'a&b', 'a-c', 'd', '&&']));
group('string pattern empty class', { a: { type: 'string', pattern: '^[^]+$' } }, wrap(['any\nthing', '']));
group('string pattern never', { a: { type: 'string', pattern: '[]' } }, wrap(['x', '']));
group('string pattern braces', { a: { type: 'string', pattern: '^a{2}x{,}{$' } }, wrap(['aax{,}{', 'ax{,}{', 'aax{,}']));
group('string pattern escapes', { a: { type: 'string', pattern: '^\\a\\-\\x41\\u0042\\0\\cJ\\v\\/$' } },
  wrap(['a-AB\u0000\n\u000b/', 'a-AB']));
group('string pattern octal', { a: { type: 'string', pattern: '^\\101\\8$' } }, wrap(['A8', 'A\\8']));
group('string pattern backreference', { a: { type: 'string', pattern: '^(a+)-\\1$' } }, wrap(['aa-aa', 'aa-a']));
group('string pattern named group', { a: { type: 'string', pattern: '^(?<word>[a-z]+) \\k<word>$' } }, wrap(['go go', 'go no']));
group('string pattern lookaround', { a: { type: 'string', pattern: '^(?=.*[0-9])(?!.*x)(?<=^)\\w+\\b$' } },
  wrap(['abc1', 'abc', 'x1']));
group('string pattern empty', { a: { type: 'string', pattern: '' } }, wrap(['anything', '']));
group('string pattern slash', { a: { type: 'string', pattern: 'a/b[/]' } }, wrap(['a/b/', 'ab']));
group('string pattern lazy', { a: { type: 'string', pattern: '^a+?b*?$' } }, wrap(['aab', 'b']));
group('string optional', { a: { type: 'string', optional: true } }, [{}, { a: null }, { a: 'x' }, { a: 5 }]);
group('string nullable', { a: { type: 'string', nullable: true } }, [{}, { a: null }, { a: 'x' }, { a: 5 }]);
group('string optional nullable', { a: { type: 'string', optional: true, nullable: true } }, [{}, { a: null }, { a: 'x' }]);
group('string nullable false', { a: { type: 'string', nullable: false, optional: false } }, [{}, { a: null }]);
group('string flags not true', { a: { type: 'string', numeric: 'yes', alpha: 1, optional: 'true' } }, [{}, { a: 'x1' }]);

// ---- shorthands --------------------------------------------------------------------------
group('shorthand string', { a: 'string' }, [{}, { a: 'x' }, { a: 1 }, { a: null }]);
group('shorthand string options', { a: 'string|min:3|max:5|numeric' }, wrap(['12', '1234', '123456', 'abc']));
group('shorthand spaces', { a: ' string | min : 3 | optional ' }, [{}, { a: 'ab' }, { a: 'abc' }]);
group('shorthand no-flag', { a: 'string|no-empty' }, wrap(['', 'x']));
group('shorthand number', { a: 'number|integer|min:0|max:1e3' }, wrap([0, -1, 1.5, 1000, 1001, '5']));
group('shorthand number hex bound', { a: 'number|max:0x10' }, wrap([16, 17]));
group('shorthand optional', { a: 'boolean|optional' }, [{}, { a: null }, { a: true }, { a: 'true' }]);
group('shorthand nullable any', { a: 'any|nullable' }, [{}, { a: null }, { a: 0 }]);
group('shorthand array', { a: 'string[]' }, wrap([[], ['x', 'y'], ['x', 1], 'x', [null]]));
group('shorthand array options', { a: 'number[]|min:2' }, wrap([[1], [1, 2], [1, 'x']]));
group('shorthand value text', { a: 'string|contains:abc' }, wrap(['xabcx', 'ab']));

// ---- number ------------------------------------------------------------------------------
group('number type', { a: { type: 'number' } },
  [...wrap([0, -0.5, 1e300, 9007199254740993, '5', '', true, null, [], [5], {}, 'NaN']), {}]);
group('number min max', { a: { type: 'number', min: -1.5, max: 10 } }, wrap([-1.5, -1.6, 10, 10.0001, 0]));
group('number integer', { a: { type: 'number', integer: true } }, wrap([0, 5, -5, 5.5, 1e21, 0.1, -0.0000001]));
group('number equal', { a: { type: 'number', equal: 3 } }, wrap([3, 3.0, 4, '3']));
group('number notEqual', { a: { type: 'number', notEqual: 0 } }, wrap([0, 1, -1]));
group('number positive', { a: { type: 'number', positive: true } }, wrap([1, 0, -1, 0.001]));
group('number negative', { a: { type: 'number', negative: true } }, wrap([-1, 0, 1, -0.001]));
group('number messages', { a: { type: 'number', min: 0.3, max: 1e-7 } }, wrap([0.1, 0.5]));
group('number big messages', { a: { type: 'number', min: 123456789012345680000, max: 1.5e300 } }, wrap([1, 1e301]));
group('number more messages', { a: { type: 'number', min: 5e-324, max: -1e21 } }, wrap([0, 1]));
group('number all options', { a: { type: 'number', min: 10, max: 0, equal: 5, notEqual: 2, integer: true, positive: true, negative: true } },
  wrap([2, 2.5, -3]));
group('number safe integer', { a: { type: 'number', integer: true, min: 0, max: Number.MAX_SAFE_INTEGER } },
  wrap([0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -1]));

// ---- boolean and any ---------------------------------------------------------------------
group('boolean', { a: { type: 'boolean' } }, [...wrap([true, false, 'true', 0, 1, null, [], {}]), {}]);
group('any', { a: { type: 'any' } }, [...wrap([0, '', false, [], {}, 'x', null]), {}]);
group('any nullable', { a: { type: 'any', nullable: true } }, [...wrap([null, 0, {}]), {}]);
group('any optional', { a: { type: 'any', optional: true } }, [...wrap([null, 0]), {}]);

// ---- array -------------------------------------------------------------------------------
group('array type', { a: { type: 'array' } }, [...wrap([[], [1, 'x', null], 'x', 5, {}, null]), {}]);
group('array items', { a: { type: 'array', items: 'string' } }, wrap([['a', 'b'], ['a', 5, true], [null, 'x', null], [[]]]));
group('array items nullable', { a: { type: 'array', items: { type: 'string', nullable: true } } }, wrap([[null, 'x', 5]]));
group('array items optional', { a: { type: 'array', items: { type: 'number', optional: true } } }, wrap([[null, 1, 'x']]));
group('array min max length', { a: { type: 'array', min: 2, max: 3 } }, wrap([[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]]));
group('array length', { a: { type: 'array', length: 2 } }, wrap([[1], [1, 2], [1, 2, 3]]));
group('array empty false', { a: { type: 'array', empty: false } }, wrap([[], [0]]));
group('array empty true', { a: { type: 'array', empty: true, min: 1 } }, wrap([[]]));
group('array contains', { a: { type: 'array', contains: 'x' } }, wrap([['a', 'x'], ['a'], []]));
group('array contains number', { a: { type: 'array', contains: 5 } }, wrap([[5], ['5'], [5.0, 6]]));
group('array unique', { a: { type: 'array', unique: true } },
  wrap([[1, 2, 3], [1, 2, 1, 2, 3, '1'], ['a', 'a', 'a'], [{}, {}], [[1], [1]], [null, null, true, true, 0, -0]]));
group('array enum', { a: { type: 'array', enum: ['x', 'y', 1] } }, wrap([['x', 1], ['x', 'z', '1', null], []]));
group('array all options', { a: { type: 'array', empty: false, min: 2, max: 0, length: 1, contains: 'q', unique: true, enum: ['p'], items: 'number' } },
  wrap([[], ['r', 'r']]));
group('array of objects', {
  list: { type: 'array', items: { $$type: 'object', name: 'string', tags: { type: 'array', items: 'string', optional: true } } }
}, [
  { list: [{ name: 'a' }, { name: 'b', tags: ['x'] }] },
  { list: [{ name: 1 }, null, {}, 'x', { name: 'c', tags: ['ok', 2, null] }] },
  { list: [] }
]);
group('array of arrays', { m: { type: 'array', items: { type: 'array', items: 'number' } } },
  [{ m: [[1, 2], [3]] }, { m: [[1, 'x'], 'y', [null]] }]);
group('root array field', { $$root: true, type: 'array', items: 'string' }, [['a'], ['a', 1], [null], 'x', null, undefined]);

// ---- object ------------------------------------------------------------------------------
group('object long form', { o: { type: 'object', props: { a: 'string', b: { type: 'number', optional: true } } } },
  [{ o: { a: 'x' } }, { o: { a: 1, b: 'y', c: 3 } }, { o: [] }, { o: 'x' }, { o: null }, {}]);
group('object long form strict', { o: { type: 'object', strict: true, props: { a: 'string' } } },
  [{ o: { a: 'x' } }, { o: { a: 'x', b: 1, c: 2 } }, { o: { b: 1 } }, { o: { 2: 1, a: 'x', 1: 1 } }]);
group('object properties over props', { o: { type: 'object', properties: { a: 'string' }, props: { b: 'string' } } },
  [{ o: { a: 'x' } }, { o: { b: 'x' } }]);
group('object without props', { o: { type: 'object' } }, wrap([{}, { a: 1 }, [], 5]).map(({ a }) => ({ o: a })));
group('object min max props', { o: { type: 'object', minProps: 1, maxProps: 2 } },
  [{ o: {} }, { o: { a: 1 } }, { o: { a: 1, b: 2, c: 3 } }]);
group('object min max props with props', { o: { type: 'object', minProps: 2, props: { a: 'any' }, strict: true } },
  [{ o: { a: 1 } }, { o: { a: 1, b: 2 } }]);
group('object shorthand', { value: { $$type: 'object', a: 'string', inner: { $$type: 'object', b: 'number' } } },
  [{ value: { a: 'x', inner: { b: 1 } } }, { value: { a: 'x', inner: { b: 1, c: 2 }, d: 3 } }, { value: { inner: null } }, { value: { a: 'x', inner: [] } }]);
group('object shorthand optional', { value: { $$type: 'object|optional', a: 'string' } }, [{}, { value: null }, { value: {} }]);
group('object shorthand nullable', { value: { $$type: 'object|nullable', a: 'string' } }, [{}, { value: null }]);
group('object shorthand with reserved names', { value: { $$type: 'object', type: 'string', min: 'number', items: 'any' } },
  [{ value: { type: 'x', min: 1, items: null } }, { value: {} }]);
group('top-level strict', { $$strict: true, type: 'string', value: 'any' },
  [{ type: 'x', value: 1 }, { type: 'x', value: 1, key: 'k', nonce: 'n' }, { 1: 0, type: 'x', value: 1, 0: 0 }]);
group('top-level not strict', { type: 'string' }, [{ type: 'x', more: 1 }]);
group('root rule', { $$root: true, type: 'string', min: 2 }, ['ab', 'a', 5, null, undefined]);
group('field paths', {
  'a-b': { $$type: 'object', 'c d': 'number', 'e.f': 'number', $g: 'number', _h: 'number', '9i': 'number', "q'uote": 'number' },
  list: { type: 'array', items: { $$type: 'object', 'x-y': 'string' } }
}, [
  { 'a-b': { 'c d': 'x', 'e.f': 'x', $g: 'x', _h: 'x', '9i': 'x', "q'uote": 'x' }, list: [{ 'x-y': 1 }] },
  {}
]);
group('key order', { b: 'string', 10: 'string', a: 'string', 2: 'string', '02': 'string' }, [{}]);
group('label', { a: { type: 'string', label: 'The A', min: 3 }, b: { $$type: 'object', c: { type: 'number', label: 'Number C' } } },
  [{}, { a: 'x', b: { c: 'y' } }, { a: 5, b: {} }]);
group('messages override', {
  a: { type: 'string', min: 3, messages: { stringMin: 'Too short: {field} has {actual} of {expected}', required: 'Need {field}!' } }
}, [{}, { a: 'x' }, { a: 'xyz' }]);

// ---- enum and equal ----------------------------------------------------------------------
group('enum', { a: { type: 'enum', values: ['x', 1, true, null] } }, [...wrap(['x', 1, 1.0, true, '1', 'true', 2, [], {}, null]), {}]);
group('enum listing', { a: { type: 'enum', values: ['x', [1, [2, null]], { k: 1 }, 1.5, null] } }, wrap(['y', [1, [2, null]], { k: 1 }]));
group('equal strict', { a: { type: 'equal', value: 5, strict: true } }, wrap([5, 5.0, '5', true]));
group('equal loose number', { a: { type: 'equal', value: 5 } },
  wrap([5, '5', ' 5\n', '5.0', '0x5', '0b101', '0o5', '5e0', '+5', 'five', [5], ['5'], [5, 6], true, {}]));
group('equal loose zero', { a: { type: 'equal', value: 0 } }, wrap([0, '', ' ', false, [], [[]], [0], null, '-0', 'Infinity']));
group('equal loose one', { a: { type: 'equal', value: 1 } }, wrap([true, '1', [1], [true], 1]));
group('equal loose string', { a: { type: 'equal', value: '1' } }, wrap(['1', 1, true, [1], ['1'], 1.0, '01']));
group('equal loose boolean', { a: { type: 'equal', value: true } }, wrap([true, 1, '1', ' 1 ', [1], 'true', 2, false]));
group('equal loose object text', { a: { type: 'equal', value: '[object Object]' } }, wrap([{}, { a: 1 }, '[object Object]', []]));
group('equal loose array text', { a: { type: 'equal', value: '1,2' } }, wrap([[1, 2], ['1', '2'], [1, [2]], [1, null, 2], '1,2']));
group('equal loose infinity', { a: { type: 'equal', value: 'Infinity' } }, wrap(['Infinity', 'infinity']));
group('equal null', { a: { type: 'equal', value: null } }, wrap([0, 'null', false]));
group('equal null nullable', { a: { type: 'equal', value: null, nullable: true } }, wrap([null]));
group('equal string strict', { a: { type: 'equal', value: 'yes', strict: true } }, wrap(['yes', 'Yes']));

// ---- is_hex ------------------------------------------------------------------------------
group('is_hex', { a: { type: 'is_hex' } },
  [...wrap(['', 'ab', '00ff', HEX64, 'AB', 'aB', 'abc', '0g', 'gg', ' ab', 'ab ', 5, 0, true, ['ab'], {}, null]), {}]);
group('is_hex nullable', { a: { type: 'is_hex', nullable: true } }, wrap([null, 'ab', 'x']));

// ---- bitcoin_address ---------------------------------------------------------------------
const ADDRESSES = [
  // Bitcoin base58check: P2PKH, P2SH, testnet P2PKH (m/n), testnet P2SH (2)
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn',
  '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc',
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', // bad checksum
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN',
  '0BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  // Dogecoin
  'DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L',
  'A8nwLBNkX8vdTeUHWMeDWDoAyCFyC2h9Hh',
  'nZfyAZmbi7rhgKQ1tNKYKmLbK7jAQDdD3M',
  // BIP-173 / BIP-350 vectors
  'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
  'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
  'BC1SW50QGDZ25J',
  'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
  'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
  'tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', // wrong hrp
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', // bech32 for v1
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', // bech32m for v0
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', // bad checksum
  'bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', // mixed case
  'bc1gmk9yu', // empty program
  'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', // version 17
  'bc1pw5dgrnzv', // program of one byte
  // Solana
  'So11111111111111111111111111111111111111112',
  '4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T',
  '11111111111111111111111111111111',
  'z'.repeat(44),
  '2'.repeat(43),
  'So1111111111111111111111111111111111111111O',
  // BNB Smart Chain / EIP-55
  '0x52908400098527886E0F7030069857D2E4169EE7',
  '0x8617e340b3d01fa5f11f306f4090fd50e238070d',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
  '0X52908400098527886E0F7030069857D2E4169EE7',
  '0x52908400098527886E0F7030069857D2E4169EE',
  // Trac public key
  HEX64,
  HEX64.toUpperCase(),
  'ab'.repeat(31),
  ''
];
group('bitcoin_address', { a: { type: 'bitcoin_address' } }, [...wrap([...ADDRESSES, 5, true, [], {}, null]), {}], {
  oursWhenDifferent: 'Solana addresses are base58 of exactly 32 bytes (upstream: any base58 text of 43 or 44 characters)'
});

// ---- bigint (ours: upstream fails every value) ---------------------------------------------
const BIGINT_REASON = 'bigint fails every value upstream; ours accepts integers and decimal-digit strings';
group('bigint', { a: { type: 'bigint' } },
  [...wrap([0, 123, -5, 1e21, '123', '-5', '007', '-0', '123456789012345678901234567890', '1.5', 1.5, 'abc', '', ' 1', '1 ', '+1', '1e3',
    '0x10', '--1', '-', true, [], [1], {}, null]), {}],
  { ours: BIGINT_REASON });
group('bigint bounds', { a: { type: 'bigint', min: '-100', max: 1000 } },
  wrap([-100, -101, 1000, 1001, '-100', '-101', '1000', '1001', '0001000', '-0000101', 0]), { ours: BIGINT_REASON });
group('bigint huge bounds', { a: { type: 'bigint', min: '123456789012345678901234567890', max: '123456789012345678901234567899' } },
  wrap(['123456789012345678901234567889', '123456789012345678901234567890', '123456789012345678901234567899',
    '123456789012345678901234567900', '1234567890123456789012345678900', 5, -5]), { ours: BIGINT_REASON });
group('bigint optional', { a: { type: 'bigint', optional: true } }, [{}, { a: null }, { a: '1' }], { ours: BIGINT_REASON });

// ---- nested $$strict (ours: ignored upstream) ---------------------------------------------
const STRICT_REASON = '$$strict inside a nested $$type object is honoured (upstream ignores it)';
group('nested strict', {
  value: {
    $$type: 'object',
    $$strict: true,
    dispatch: { $$type: 'object', $$strict: true, type: 'string', value: { type: 'any', nullable: true } },
    note: 'string|optional'
  }
}, [
  { value: { dispatch: { type: 't', value: null } } },
  { value: { dispatch: { type: 't', value: 1, extra: 2 } } },
  { value: { dispatch: { type: 't', value: 1 }, more: 1, other: 2 } },
  { value: { dispatch: { type: 't', value: 1, x: 1 }, note: 'n', y: 2 } },
  { value: { dispatch: { 1: 1, type: 't', value: 1, 0: 0 } } },
  { value: { dispatch: 'x' } }
], { ours: STRICT_REASON, nestedStrict: true });
group('nested strict optional', { value: { $$type: 'object|optional', $$strict: true, a: 'number' } },
  [{}, { value: { a: 1 } }, { value: { a: 1, b: 2 } }], { ours: STRICT_REASON, nestedStrict: true });
group('nested strict in array items', { list: { type: 'array', items: { $$type: 'object', $$strict: true, id: 'number' } } },
  [{ list: [{ id: 1 }, { id: 2, x: 1 }] }], { ours: STRICT_REASON, nestedStrict: true });
group('nested strict false', { value: { $$type: 'object', $$strict: false, a: 'number' } },
  [{ value: { a: 1, b: 2 } }], { ours: STRICT_REASON, nestedStrict: true });

// ---- compile errors ----------------------------------------------------------------------
compileError('unknown type', { a: { type: 'xyz' } });
compileError('unknown shorthand type', { a: 'xyz|min:3' });
compileError('no type', { a: {} });
compileError('numeric type', { a: { type: 5 } });
compileError('optional as a shorthand property', { a: { $$type: 'object', optional: true } });
compileError('unknown items type', { a: { type: 'array', items: 'nope' } });
compileError('unknown nested type', { a: { $$type: 'object', b: { type: 'foo' } } });
compileError('unknown long-form property type', { a: { type: 'object', props: { b: 'bar|optional' } } });

const output = {
  generator: 'generate-vectors.mjs',
  versions,
  cases,
  compileErrors
};
const target = join(dirname(fileURLToPath(import.meta.url)), 'vectors.json');
writeFileSync(target, JSON.stringify(output, null, 1) + '\n');
const ours = cases.filter((c) => c.ours).length;
console.log(`wrote ${cases.length} cases (${ours} with our intended result) and ${compileErrors.length} compile errors to ${target}`);
for (const c of cases.filter((c) => c.ours && c.group === 'bitcoin_address')) {
  console.log('differs from upstream:', JSON.stringify(c.value), 'ours', c.valid, 'upstream', c.upstream.valid);
}
