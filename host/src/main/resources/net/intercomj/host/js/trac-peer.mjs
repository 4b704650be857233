// The 'trac-peer' module of Intercom's GraalJS apps: the Contract, Protocol and Feature classes of
// trac-peer 0.4.8 (spec upstream-contract-subnet-msb.md §1), so that an app written for trac-peer
// runs with its imports unchanged:
//
//     import { Contract, Protocol, Feature } from 'trac-peer';
//
// The host provides the storage (through the Java object below) and calls the contract; the
// classes keep trac-peer's fields, methods, messages and result semantics. What needs the peer's
// network, wallet or clock is absent or throws a clear error (see docs/apps.md, "GraalJS apps").
//
// In the protocol's own context (where the host runs mapTxCommand and customCommand, never a
// contract's), a third Java object reads the subnet for Protocol.get/getSigned and this.api: only
// reads, and only while the host runs customCommand with a subnet.
//
// The same module runs in a feature's context (an app's features/*.js), which has no sandbox for
// clock and randomness, and a second Java object: the subnet access of Feature (append, get,
// getSigned) and the timers (sleep, setTimeout, setInterval) the host waits for.

const host = globalThis.__intercomHost;
// Only in a feature's context; null in a contract's.
const featureHost = globalThis.__intercomFeatureHost ?? null;
// Only in the protocol's own context; null in a contract's and a feature's.
const protocolHost = globalThis.__intercomProtocolHost ?? null;

// Captured before any app code runs, so that an app replacing them cannot change what is stored.
const stringify = JSON.stringify;
const parse = JSON.parse;

// Errors the host records as a deliberate failure of the op (as for an AssertionError).
const failures = new WeakSet();

function notAvailable(what, why) {
    return new Error(what + ' is not available to a GraalJS app' + (why ? ': ' + why : ''));
}

// ---------------------------------------------------------------------------------------------
// assert (what trac-peer hands its contracts as this.assert: Node's assert module, in part)

class AssertionError extends Error {
    constructor(options) {
        super(options.message);
        this.name = 'AssertionError';
        this.code = 'ERR_ASSERTION';
        this.actual = options.actual;
        this.expected = options.expected;
        this.operator = options.operator;
        this.generatedMessage = options.generatedMessage;
    }
}

// Node's util.inspect, for the values an assertion message shows.
function inspect(value) {
    switch (typeof value) {
        case 'string':
            return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
        case 'number':
            return Object.is(value, -0) ? '-0' : String(value);
        case 'bigint':
            return String(value) + 'n';
        case 'undefined':
            return 'undefined';
        case 'function':
            return '[Function: ' + (value.name || '(anonymous)') + ']';
        case 'object':
            if (value === null) {
                return 'null';
            }
            if (typeof value.then === 'function') {
                return 'a Promise';
            }
            try {
                const text = stringify(value);
                return text === undefined ? String(value) : text;
            } catch (e) {
                return Object.prototype.toString.call(value);
            }
        default:
            return String(value);
    }
}

function fail(actual, expected, operator, message, generated) {
    // Node throws an Error given as the message itself; trac-peer then stopped the subnet. Here it
    // fails the op with that error's message, which is what a contract writing it meant.
    if (message instanceof Error) {
        throw new AssertionError({ message: String(message.message), actual, expected, operator, generatedMessage: false });
    }
    const isGenerated = message === undefined || message === null;
    throw new AssertionError({
        message: isGenerated ? generated : String(message),
        actual, expected, operator, generatedMessage: isGenerated
    });
}

function assert(value, message) {
    if (!value) {
        fail(value, true, '==', message, inspect(value) + ' == true');
    }
}
assert.ok = assert;
assert.AssertionError = AssertionError;
assert.fail = function (message) {
    fail(undefined, undefined, 'fail', message, 'Failed');
};
assert.equal = function (actual, expected, message) {
    // eslint-disable-next-line eqeqeq
    if (!(actual == expected || (actual !== actual && expected !== expected))) {
        fail(actual, expected, '==', message, inspect(actual) + ' == ' + inspect(expected));
    }
};
assert.notEqual = function (actual, expected, message) {
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (actual !== actual && expected !== expected)) {
        fail(actual, expected, '!=', message, inspect(actual) + ' != ' + inspect(expected));
    }
};
assert.strictEqual = function (actual, expected, message) {
    if (!Object.is(actual, expected)) {
        fail(actual, expected, 'strictEqual', message,
            'Expected values to be strictly equal:\n\n' + inspect(actual) + ' !== ' + inspect(expected) + '\n');
    }
};
assert.notStrictEqual = function (actual, expected, message) {
    if (Object.is(actual, expected)) {
        fail(actual, expected, 'notStrictEqual', message,
            'Expected "actual" to be strictly unequal to: ' + inspect(expected));
    }
};

// ---------------------------------------------------------------------------------------------
// Helpers of trac-peer's Protocol (src/utils/types.js), as its semantics are

function safeJsonStringify(value) {
    try {
        return stringify(value);
    } catch (e) {
        console.log(e);
    }
    return null;
}

function safeJsonParse(text) {
    try {
        return parse(text);
    } catch (e) {
        console.log(e);
    }
    return undefined;
}

function safeClone(value) {
    if (typeof value !== 'object') {
        return null;
    }
    const text = safeJsonStringify(value);
    if (text === null) {
        return null;
    }
    const copy = safeJsonParse(text);
    return copy === undefined ? null : copy;
}

// decimals as trac-peer reads them: not a number → 18, else its integer part.
function decimalsOf(decimals) {
    return isNaN(decimals) ? 18 : parseInt(decimals);
}

// The host's SafeValues does the arithmetic, so a JavaScript and a Java app agree.
const MAX_DECIMALS = 1000;

function fromBigIntString(string, decimals) {
    const raw = (string ?? '').toString().trim();
    const d = decimalsOf(decimals);
    if (!Number.isSafeInteger(d) || d > MAX_DECIMALS) {
        return '0';
    }
    return host.fromBigIntString(raw, Math.max(d, 0));
}

function toBigIntString(number, decimals) {
    const raw = (number ?? '').toString().trim();
    const d = decimalsOf(decimals);
    if (!Number.isSafeInteger(d) || d > MAX_DECIMALS) {
        return '0';
    }
    const result = host.toBigIntString(raw, Math.max(d, 0));
    if (result === null) {
        throw new Error('Amount exceeds maximum allowed value (2^128 - 1)');
    }
    return result;
}

// Splits a command line into words the way a shell does: "double quotes" with backslash escapes,
// 'single quotes' taken literally, a backslash escaping the next character, pieces next to each
// other joined. Then drops the command word and reads the rest as --key value pairs.
function splitWords(line) {
    const words = [];
    let word = null;
    let i = 0;
    while (i < line.length) {
        const c = line[i];
        if (/\s/.test(c)) {
            if (word !== null) {
                words.push(word);
                word = null;
            }
            i++;
        } else if (c === '"') {
            let j = i + 1;
            let piece = '';
            while (j < line.length && line[j] !== '"') {
                if (line[j] === '\\' && j + 1 < line.length) {
                    j++;
                }
                piece += line[j];
                j++;
            }
            word = (word ?? '') + piece;
            i = j + 1;
        } else if (c === "'") {
            const end = line.indexOf("'", i + 1);
            const stop = end < 0 ? line.length : end;
            word = (word ?? '') + line.substring(i + 1, stop);
            i = stop + 1;
        } else if (c === '\\' && i + 1 < line.length) {
            word = (word ?? '') + line[i + 1];
            i += 2;
        } else {
            word = (word ?? '') + c;
            i++;
        }
    }
    if (word !== null) {
        words.push(word);
    }
    return words;
}

function parseArgs(cmdline) {
    const words = splitWords(String(cmdline)).slice(1);
    const args = {};
    for (let i = 0; i < words.length; i += 2) {
        const key = words[i].startsWith('--') ? words[i].substring(2) : words[i];
        args[key] = i + 1 < words.length ? words[i + 1] : null;
    }
    return args;
}

// ---------------------------------------------------------------------------------------------
// Check: the contract's schemas (trac-peer's fastest-validator dialect, run by the host)

// A schema as JSON: a RegExp becomes its source (and patternFlags), a function is refused.
function schemaJson(schema, what) {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
        throw new TypeError(what + ': a schema is an object');
    }
    function convert(value, path) {
        if (typeof value === 'function') {
            throw new TypeError(what + ': functions in a schema are not supported (at ' + path + ')');
        }
        if (typeof value === 'bigint') {
            return String(value);
        }
        if (value instanceof RegExp) {
            return value.source;
        }
        if (Array.isArray(value)) {
            return value.map((item, index) => convert(item, path + '[' + index + ']'));
        }
        if (value !== null && typeof value === 'object') {
            const out = {};
            for (const key of Object.keys(value)) {
                out[key] = convert(value[key], path ? path + '.' + key : key);
                if (key === 'pattern' && value[key] instanceof RegExp && value[key].flags && value.patternFlags === undefined) {
                    out.patternFlags = value[key].flags;
                }
            }
            return out;
        }
        return value;
    }
    return stringify(convert(schema, ''));
}

class Check {
    constructor() {
        this.schemata = {};
    }

    addSchema(type, schema) {
        const text = schemaJson(schema, 'addSchema(type, schema)');
        const problem = host.compileSchema(String(type), text);
        if (problem !== null) {
            throw new Error(problem);
        }
        this.schemata[type] = parse(text);
    }

    hasSchema(type) {
        return this.schemata[type] !== undefined;
    }

    validateSchema(type, op) {
        if (!this.hasSchema(type)) {
            throw new TypeError('validateSchema(type, op): no schema ' + type);
        }
        return host.validateSchema(String(type), stringify(op) ?? 'null') === true;
    }

    // A checking function, as fastest-validator's compile gives: true, or an array of errors.
    compile(schema) {
        const text = schemaJson(schema, 'compile(schema)');
        const problem = host.checkSchema(text);
        if (problem !== null) {
            throw new Error(problem);
        }
        return function (payload) {
            const errors = host.validate(text, stringify(payload) ?? 'null');
            return errors === null ? true : parse(errors);
        };
    }

    validate(compiled, payload) {
        return compiled(payload) === true;
    }
}

// ---------------------------------------------------------------------------------------------
// Contract

// Storage while a call runs: trac-peer's Hyperbee batch, here the host's call.
const storage = Object.freeze({
    async get(key) {
        const text = host.get(String(key));
        return text === null ? null : { key: String(key), value: parse(text) };
    },
    async put(key, value) {
        const text = stringify(value);
        if (text === undefined) {
            throw new TypeError('put(key,value): the value of ' + key + ' is not JSON (' + typeof value + ')');
        }
        host.put(String(key), text);
    },
    async del(key) {
        host.del(String(key));
    }
});

class ReservedKeyError extends Error {
    constructor(message) {
        super(message);
        failures.add(this);
    }
}

export class Contract {
    constructor(protocol, options) {
        this.protocol = protocol;
        this.storage = null;
        this.config = options;
        this.options = options;
        this.is_feature = false;
        this.is_message = false;
        this.features = {};
        this.funcs = {};
        this.metadata = { schemas: {}, functions: {}, features: {} };
        this.message_handler = null;
        this.address = null;
        this.validator_address = null;
        this.tx = null;
        this.op = null;
        this.value = null;
        this.assert = assert;
        this.check = new Check();
    }

    addFunction(type) {
        if (this.features[type] !== undefined || this.check.hasSchema(type)) {
            throw new Error('addFunction(type): The type has been registered already.');
        }
        this.funcs[type] = true;
        this.metadata.functions[type] = { type };
    }

    addSchema(type, schema) {
        if (this.funcs[type] !== undefined || this.features[type] !== undefined) {
            throw new Error('addSchema(type, schema): The type has been registered already.');
        }
        this.check.addSchema(type, schema);
        this.metadata.schemas[type] = safeClone(schema) ?? schema;
    }

    addFeature(type, func) {
        if (this.funcs[type] !== undefined || this.check.hasSchema(type)) {
            throw new Error('addFeature(type, func): The type has been registered already.');
        }
        this.features[type] = func;
        this.metadata.features[type] = { type, name: func?.name ?? null };
    }

    messageHandler(func) {
        this.message_handler = func;
    }

    getRoot() {
        return this.root;
    }

    isFeature() {
        return this.is_feature;
    }

    isMessage() {
        return this.is_message;
    }

    // The host's list, which is trac-peer's plus msg/, umsgl/ and the host's own keys.
    isReservedKey(key) {
        return host.reserved(String(key));
    }

    async get(key) {
        if (this.storage === undefined || this.storage === null) {
            throw new Error('get(key): storage undefined');
        }
        const result = await this.storage.get(key);
        return result === null ? null : result.value;
    }

    async put(key, value) {
        if (this.storage === undefined || this.storage === null) {
            throw new Error('put(key,value): storage undefined');
        }
        if (this.isReservedKey(key)) {
            throw new ReservedKeyError('put(key,value): ' + key + 'is reserved');
        }
        return await this.storage.put(key, value);
    }

    async del(key) {
        if (this.storage === undefined || this.storage === null) {
            throw new Error('del(key): storage undefined');
        }
        if (this.isReservedKey(key)) {
            throw new ReservedKeyError('del(key): ' + key + 'is reserved');
        }
        await this.storage.del(key);
    }

    async emptyPromise() {
        return undefined;
    }
}

// ---------------------------------------------------------------------------------------------
// Protocol

export class Protocol {
    constructor(peer, base, options) {
        this.api = new ProtocolApi(peer, options);
        apiProtocols.set(this.api, this);
        this.base = base;
        this.peer = peer;
        this.config = options;
        this.options = options;
        this.input = null;
        this.tokenized_input = null;
        this.features = {};
        this.fromBigIntString = fromBigIntString;
        this.toBigIntString = toBigIntString;
        this.safeJsonStringify = safeJsonStringify;
        this.safeJsonParse = safeJsonParse;
        this.safeClone = safeClone;
    }

    featMaxBytes() {
        return 4096;
    }

    txMaxBytes() {
        return 4096;
    }

    msgMaxBytes() {
        return 8192;
    }

    // 32 random bytes as hex. Only outside consensus (the protocol's own context, where the host
    // gives the randomness): a contract must give the same result on every peer.
    generateNonce() {
        const nonce = protocolHost === null ? null : protocolHost.randomHex(32);
        if (nonce === null) {
            throw notAvailable('generateNonce() in a contract', 'a nonce is random, and a contract must give the same'
                + ' result on every peer; the host makes the nonces of transactions');
        }
        return nonce;
    }

    safeBigInt(value) {
        try {
            return BigInt(value);
        } catch (e) {
            return null;
        }
    }

    parseArgs(cmdline) {
        return parseArgs(cmdline);
    }

    async addFeature(key, feature) {
        feature.key = key;
        this.features[key] = feature;
    }

    getError(value) {
        if (value === false) {
            return new Error('Error');
        }
        if (value === null || value === undefined) {
            return null;
        }
        if (typeof value === 'object' && value.stack !== undefined && value.message !== undefined) {
            return value;
        }
        return null;
    }

    mapTxCommand(command) {
        return null;
    }

    async tokenizeInput(input) {
        this.input = input;
        if (typeof input === 'string') {
            this.tokenized_input = input.split(' ').map(word => word.trim());
        }
    }

    async tx(subject, sim = false, surrogate = null) {
        throw notAvailable('Protocol.tx()', 'the host sends transactions (/tx --command)');
    }

    async broadcastTransaction(obj, sim = false, surrogate = null) {
        throw notAvailable('Protocol.broadcastTransaction()', 'the host sends transactions (/tx --command)');
    }

    async simulateTransaction(validatorPubKey, obj, surrogate = null) {
        throw notAvailable('Protocol.simulateTransaction()', 'the host runs simulations');
    }

    async generateTx() {
        throw notAvailable('Protocol.generateTx()', 'the host makes transactions');
    }

    async customCommand(input) {
    }

    async printOptions() {
    }

    async extendApi() {
    }

    // The value at key in the subnet's confirmed view, or null.
    async getSigned(key) {
        return protocolRead('Protocol.getSigned()', key, true);
    }

    // The value at key in the subnet's unconfirmed view (what this peer knows of), or null.
    async get(key) {
        return protocolRead('Protocol.get()', key, false);
    }
}

function protocolRead(what, key, signed) {
    if (protocolHost === null) {
        throw new Error(what + ' is not available here: only the protocol reads the subnet, in its customCommand;'
            + ' a contract reads the state of its op with this.get(key)');
    }
    const text = signed ? protocolHost.getSigned(String(key)) : protocolHost.get(String(key));
    const result = parse(text);
    if (result.error !== undefined) {
        throw new Error(what + ': ' + result.error);
    }
    return result.value === undefined ? null : result.value;
}

// ---------------------------------------------------------------------------------------------
// ProtocolApi (protocol.api): trac-peer's read methods over the protocol's get/getSigned. Each
// "signed" reader reads the confirmed view when signed is true (the default), the unconfirmed one
// when it is false, and nothing (its default) otherwise, as the original. An app adds its own
// methods in extendApi(). What needs the RPC or a transaction is left out and throws.

// api → its protocol (set by the Protocol constructor), so that an app's own get/getSigned count.
const apiProtocols = new WeakMap();

function utf8Length(text) {
    let length = 0;
    for (const c of String(text)) {
        const code = c.codePointAt(0);
        length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    }
    return length;
}

export class ProtocolApi {
    constructor(peer, options = {}) {
        this.peer = peer;
        this.api_tx_exposed = options?.api_tx_exposed === true;
        this.api_msg_exposed = options?.api_msg_exposed === true;
        this.options = options;
    }

    _protocol() {
        const protocol = apiProtocols.get(this) ?? this.peer?.protocol?.instance ?? this.peer?.protocol_instance;
        if (protocol === undefined || protocol === null) {
            throw new Error('ProtocolApi: no protocol instance');
        }
        return protocol;
    }

    async _read(key, signed) {
        if (signed === true) {
            return await this._protocol().getSigned(key);
        }
        if (signed === false) {
            return await this._protocol().get(key);
        }
        return null;
    }

    getPeerValidatorAddress() {
        return null;
    }

    // The subnet's bootstrap key as hex (trac-peer gave a Buffer), or null.
    getPeerBootstrap() {
        return protocolHost === null ? null : protocolHost.subnetBootstrap();
    }

    getPeerMsbBootstrap() {
        return protocolHost === null ? null : protocolHost.msbBootstrap();
    }

    getPeerWriterKey() {
        return protocolHost === null ? null : protocolHost.writerKey();
    }

    generateNonce() {
        return this._protocol().generateNonce();
    }

    prepareMessage(msg, address, reply_to = null, attachments = []) {
        if (typeof msg !== 'string') throw new Error('Msg must be a string');
        if (utf8Length(stringify(address)) !== 66) throw new Error('Address too large.');
        if (reply_to !== null && isNaN(parseInt(reply_to))) throw new Error('Reply to not a number.');
        if (!Array.isArray(attachments)) throw new Error('attachments must be an array.');
        if (attachments.length > 20) throw new Error('Too many attachments');
        for (let i = 0; i < attachments.length; i++) {
            if (typeof attachments[i] !== 'string') throw new Error('Attachment at index ' + i + ' is not a string.');
        }
        const prepared = {
            dispatch: {
                type: 'msg',
                msg,
                address,
                attachments,
                deleted_by: null,
                reply_to: reply_to !== null ? parseInt(reply_to) : null,
                pinned: false,
                pin_id: null
            }
        };
        if (utf8Length(stringify(prepared)) > this._protocol().msgMaxBytes()) throw new Error('Message too large.');
        return prepared;
    }

    msgExposed() {
        return this.api_msg_exposed === true;
    }

    txExposed() {
        return this.api_tx_exposed === true;
    }

    prepareTxCommand(command) {
        return this._protocol().mapTxCommand(command);
    }

    async post(prepared_message, signature, nonce) {
        throw notAvailable('api.post()', 'use /post or the RPC');
    }

    async generateTx(address, command_hash, nonce) {
        throw notAvailable('api.generateTx()', 'use /tx or the RPC');
    }

    async tx(tx, prepared_command, address, signature, nonce, sim = false) {
        throw notAvailable('api.tx()', 'use /tx or the RPC');
    }

    async getAdmin(signed = true) {
        return (await this._read('admin', signed)) ?? null;
    }

    async getWhitelistEnabled(signed = true) {
        return (await this._read('wlst', signed)) ?? false;
    }

    async getWhitelistStatus(address, signed = true) {
        return (await this._read('wl/' + address, signed)) ?? false;
    }

    async getModStatus(address, signed = true) {
        return (await this._read('mod/' + address, signed)) ?? false;
    }

    async getMuteStatus(address, signed = true) {
        return (await this._read('mtd/' + address, signed)) ?? false;
    }

    async getAutoAddWritersStatus(signed = true) {
        const status = await this._read('auto_add_writers', signed);
        return status !== null && status !== undefined ? status === 'on' : false;
    }

    async getChatStatus(signed = true) {
        const status = await this._read('chat_status', signed);
        return status !== null && status !== undefined ? status === 'on' : false;
    }

    async getAddressFromNick(nick, signed = true) {
        return await this._read('kcin/' + nick, signed);
    }

    async getNick(address, signed = true) {
        return await this._read('nick/' + address, signed);
    }

    async getPinnedMessageLength(signed = true) {
        return (await this._read('pnl', signed)) ?? 0;
    }

    async getPinnedMessage(index, signed = true) {
        const pin = await this._read('pni/' + parseInt(index), signed);
        if (pin === null || pin === undefined) {
            return null;
        }
        return await this.getMessage(pin.msg, signed);
    }

    async getDeletedMessageLength(signed = true) {
        return (await this._read('delml', signed)) ?? 0;
    }

    async getDeletedMessage(index, signed = true) {
        const id = await this._read('delm/' + parseInt(index), signed);
        if (id === null || id === undefined) {
            return null;
        }
        return await this.getMessage(id, signed);
    }

    async getMessageLength(signed = true) {
        return (await this._read('msgl', signed)) ?? 0;
    }

    async getMessage(index, signed = true) {
        return await this._read('msg/' + parseInt(index), signed);
    }

    async getUserMessageLength(address, signed = true) {
        return (await this._read('umsgl/' + address, signed)) ?? 0;
    }

    // umsg/<address>/<i> holds the key "msg/<n>" of the message. (trac-peer read msg/NaN here, so
    // its getUserMessage always gave null.)
    async getUserMessage(address, index, signed = true) {
        const ref = await this._read('umsg/' + address + '/' + parseInt(index), signed);
        if (ref === null || ref === undefined) {
            return null;
        }
        if (typeof ref === 'string' && ref.startsWith('msg/')) {
            return await this.getMessage(ref.substring('msg/'.length), signed);
        }
        return await this.getMessage(ref, signed);
    }

    async getTxLength(signed = true) {
        return (await this._read('txl', signed)) ?? 0;
    }

    async getTx(index, signed = true) {
        return await this._read('txi/' + parseInt(index), signed);
    }

    async getTxData(tx, signed = true) {
        const index = await this._read('tx/' + tx, signed);
        if (index === null || index === undefined) {
            return null;
        }
        return await this.getTx(index, signed);
    }

    async getUserTxLength(address, signed = true) {
        return (await this._read('utxl/' + address, signed)) ?? 0;
    }

    async getUserTx(address, index, signed = true) {
        const txIndex = await this._read('utxi/' + address + '/' + parseInt(index), signed);
        if (txIndex === null || txIndex === undefined) {
            return null;
        }
        return await this.getTx(txIndex, signed);
    }
}

// ---------------------------------------------------------------------------------------------
// Timers of a feature's context. Kept here; the host asks when the next one is due, waits for it
// on the feature's own thread (outside the context), then has the due ones run. A contract's
// context has none.

const timers = new Map();
let lastTimerId = 0;
// Captured now, so a feature replacing Date.now cannot upset its timers. (In a contract's context
// it is the sandbox's, which throws; timers are never used there.)
const clockNow = Date.now;

function addTimer(callback, ms, args, repeat) {
    if (typeof callback !== 'function') {
        throw new TypeError('The "callback" argument must be of type function. Received ' + inspect(callback));
    }
    // As Node: a delay that is not a number from 1 to 2^31-1 ms is 1 ms.
    let delay = Number(ms);
    if (!(delay >= 1 && delay <= 2147483647)) {
        delay = 1;
    }
    delay = Math.trunc(delay);
    const id = ++lastTimerId;
    timers.set(id, { due: clockNow() + delay, delay, callback, args, repeat });
    return id;
}

function clearTimer(id) {
    timers.delete(Number(id));
}

function nextTimerDelay() {
    let next = -1;
    for (const timer of timers.values()) {
        if (next < 0 || timer.due < next) {
            next = timer.due;
        }
    }
    return next < 0 ? -1 : Math.max(0, next - clockNow());
}

// Runs every timer that is due, earliest first; an interval is due again its delay later.
function runTimers() {
    const now = clockNow();
    const due = [];
    for (const [id, timer] of timers) {
        if (timer.due <= now) {
            due.push([id, timer]);
        }
    }
    due.sort((a, b) => a[1].due - b[1].due || a[0] - b[0]);
    const errors = [];
    for (const [id, timer] of due) {
        if (timers.get(id) !== timer) {
            continue; // cleared by an earlier callback
        }
        if (timer.repeat) {
            timer.due = now + timer.delay;
        } else {
            timers.delete(id);
        }
        try {
            timer.callback(...timer.args);
        } catch (error) {
            errors.push(errorText(error));
        }
    }
    return stringify(errors);
}

if (featureHost !== null) {
    const define = (name, value) =>
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
    define('setTimeout', function setTimeout(callback, ms, ...args) {
        return addTimer(callback, ms, args, false);
    });
    define('setInterval', function setInterval(callback, ms, ...args) {
        return addTimer(callback, ms, args, true);
    });
    define('clearTimeout', function clearTimeout(id) {
        clearTimer(id);
    });
    define('clearInterval', function clearInterval(id) {
        clearTimer(id);
    });
}

// ---------------------------------------------------------------------------------------------
// Feature

function featureOnly(what) {
    if (featureHost === null) {
        throw new Error(what + ' is not available here: only a running feature (features/*.js) has it, not a contract'
            + ' or protocol');
    }
}

// The host's answer {value} | {} | {error} as the value, null, or a thrown Error.
function answer(text) {
    const result = parse(text);
    if (result.error !== undefined) {
        throw new Error(result.error);
    }
    return result.value === undefined ? null : result.value;
}

export class Feature {
    constructor(peer, options) {
        this.peer = peer;
        this.key = '';
        this.config = options;
        this.options = options;
    }

    // The value at key in the subnet's confirmed view, or null.
    async getSigned(key) {
        featureOnly('Feature.getSigned()');
        return answer(featureHost.getSigned(String(key)));
    }

    // The value at key in the subnet's unconfirmed view (what this peer knows of), or null.
    async get(key) {
        featureOnly('Feature.get()');
        return answer(featureHost.get(String(key)));
    }

    // Appends {key, value} as feature data of this.key, signed by this peer, for the contract's
    // '<this.key>_feature' handler. Only the subnet's admin appends (the others' data would not
    // apply); anywhere else it appends nothing and returns false. true once appended.
    async append(key, value) {
        featureOnly('Feature.append()');
        const text = stringify(value);
        if (text === undefined) {
            throw new TypeError('append(key, value): the value of ' + key + ' is not JSON (' + typeof value + ')');
        }
        const problem = featureHost.append(String(this.key), String(key), text);
        if (problem === null) {
            return true;
        }
        if (problem === '') {
            return false;
        }
        throw new Error(problem);
    }

    async start(options = {}) {
        throw new Error('Not implemented: start(options = {})');
    }

    async stop(options = {}) {
        throw new Error('Not implemented: stop(options = {})');
    }

    // Resolves after ms milliseconds; the host waits on the feature's own thread meanwhile. When
    // the feature is stopped, a pending sleep never resolves.
    async sleep(ms) {
        featureOnly('Feature.sleep()');
        return new Promise(resolve => addTimer(resolve, ms, [], false));
    }
}

// ---------------------------------------------------------------------------------------------
// The host's side: how it builds the app and runs a call. Handed to the host through a global it
// removes at once; not part of the module's exports.

function clearCall(contract) {
    contract.address = null;
    contract.validator_address = null;
    contract.is_message = false;
    contract.is_feature = false;
    contract.tx = null;
    contract.op = null;
    contract.value = null;
    contract.storage = null;
}

// Tracks a promise (or value) to the end of the host's call, when the job queue has run.
function settle(result) {
    const box = { state: 'pending', value: undefined, error: undefined };
    Promise.resolve(result).then(
        value => {
            box.state = 'fulfilled';
            box.value = value;
        },
        error => {
            box.state = 'rejected';
            box.error = error;
        });
    return box;
}

function errorText(error) {
    try {
        if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
            const name = error.name === undefined ? 'Error' : String(error.name);
            return error.message === undefined ? name : name + ': ' + String(error.message);
        }
        return 'uncaught ' + inspect(error);
    } catch (e) {
        return 'uncaught value that cannot be printed';
    }
}

function isFailure(error) {
    try {
        return failures.has(error)
            || (error !== null && typeof error === 'object' && error.constructor?.name === 'AssertionError');
    } catch (e) {
        return false;
    }
}

function describeRejection(error) {
    if (isFailure(error)) {
        return { outcome: 'failure', message: String(error.message) };
    }
    return { outcome: 'error', message: errorText(error) };
}

function standIns(options) {
    const base = { writable: false, key: null };
    const peer = {
        base,
        config: options,
        wallet: { publicKey: null, secretKey: null, address: null },
        protocol: { instance: null },
        contract: { instance: null }
    };
    return { peer, base };
}

const driver = Object.freeze({
    newProtocol(ProtocolClass, optionsText) {
        if (typeof ProtocolClass !== 'function') {
            throw new TypeError('protocol.js must export its Protocol class as default (export default class ... extends Protocol)');
        }
        const options = parse(optionsText);
        const { peer, base } = standIns(options);
        const protocol = new ProtocolClass(peer, base, options);
        peer.protocol.instance = protocol;
        return protocol;
    },

    extendApi(protocol) {
        return settle(protocol.extendApi());
    },

    newContract(ContractClass, protocol, optionsText) {
        if (typeof ContractClass !== 'function') {
            throw new TypeError('contract.js must export its Contract class as default (export default class ... extends Contract)');
        }
        const contract = new ContractClass(protocol, parse(optionsText));
        if (!(contract instanceof Contract)) {
            throw new TypeError('the class contract.js exports does not extend Contract from trac-peer');
        }
        protocol.peer.contract.instance = contract;
        return contract;
    },

    // What the constructor registered, as trac-peer's execute would dispatch it.
    registrations(contract) {
        const schemas = Object.keys(contract.check.schemata);
        const functions = Object.keys(contract.funcs).filter(type => !contract.check.hasSchema(type));
        const withMethod = type => contract[type] !== undefined;
        return stringify({
            schemas: schemas.filter(withMethod),
            functions: functions.filter(withMethod),
            withoutMethod: schemas.concat(functions).filter(type => !withMethod(type)),
            features: Object.keys(contract.features).filter(type => contract.features[type] !== undefined),
            messageHandler: typeof contract.message_handler === 'function'
        });
    },

    // Starts one call: sets the call's fields and calls the function, handler or hook.
    run(contract, kind, type, opText, valueText, address, validatorAddress, tx) {
        clearCall(contract);
        contract.is_feature = kind === 'feature';
        contract.is_message = kind === 'msg';
        contract.address = address;
        contract.validator_address = validatorAddress;
        contract.tx = tx;
        contract.op = parse(opText);
        contract.value = parse(valueText);
        contract.storage = storage;
        let result;
        try {
            if (kind === 'feature') {
                // trac-peer calls a feature handler as a property of contract.features.
                result = contract.features[type]();
            } else if (kind === 'msg') {
                result = contract.message_handler();
            } else {
                result = contract[type]();
            }
        } catch (error) {
            result = Promise.reject(error);
        }
        return settle(result);
    },

    // Ends the call once the job queue has run: clears the fields, says how it went.
    finish(contract, kind, box) {
        clearCall(contract);
        if (box.state === 'pending') {
            return { outcome: 'pending', message: null };
        }
        if (box.state === 'rejected') {
            return describeRejection(box.error);
        }
        // trac-peer's getError: a function or chat hook returning false or an Error failed.
        const value = box.value;
        if (kind !== 'feature') {
            if (value === false) {
                return { outcome: 'failure', message: 'Error' };
            }
            if (value !== null && typeof value === 'object' && value.stack !== undefined && value.message !== undefined) {
                return { outcome: 'failure', message: String(value.message) };
            }
        }
        return { outcome: 'ok', message: null };
    },

    describe(box) {
        if (box.state === 'rejected') {
            return describeRejection(box.error);
        }
        return { outcome: box.state === 'pending' ? 'pending' : 'ok', message: null };
    },

    // Protocol.mapTxCommand's result as {type, value} JSON, or why it cannot be one.
    mapTxCommand(protocol, command) {
        const obj = protocol.mapTxCommand(command);
        if (obj === null || obj === undefined) {
            return { command: null, problem: null };
        }
        if (typeof obj !== 'object' || typeof obj.type !== 'string' || obj.value === undefined) {
            return { command: null, problem: 'mapTxCommand returned ' + inspect(obj) + ', not {type: string, value}' };
        }
        try {
            const text = stringify({ type: obj.type, value: obj.value });
            if (!('value' in parse(text))) {
                return { command: null, problem: 'the value mapTxCommand returned is not JSON (' + typeof obj.value + ')' };
            }
            return { command: text, problem: null };
        } catch (e) {
            return { command: null, problem: 'the value mapTxCommand returned is not JSON: ' + errorText(e) };
        }
    },

    customCommand(protocol, input) {
        let result;
        try {
            result = protocol.customCommand(input);
        } catch (error) {
            result = Promise.reject(error);
        }
        return settle(result);
    },

    // A feature: new FeatureClass(peer, options), with key the file's name unless the constructor
    // set one.
    newFeature(FeatureClass, file, name, optionsText) {
        if (typeof FeatureClass !== 'function') {
            throw new TypeError(file + ' must export its Feature class as default (export default class ... extends Feature)');
        }
        const options = parse(optionsText);
        const peer = {
            config: options,
            wallet: { publicKey: featureHost.publicKey(), address: featureHost.address() },
            base: {
                get writable() {
                    return featureHost.isWritable();
                }
            }
        };
        const feature = new FeatureClass(peer, options);
        if (!(feature instanceof Feature)) {
            throw new TypeError('the class ' + file + ' exports does not extend Feature from trac-peer');
        }
        if (feature.key === '' || feature.key === undefined || feature.key === null) {
            feature.key = name;
        }
        return feature;
    },

    featureKey(feature) {
        return String(feature.key);
    },

    // feature.start() or feature.stop(), tracked as a host call's result.
    startFeature(feature) {
        let result;
        try {
            result = feature.start({});
        } catch (error) {
            result = Promise.reject(error);
        }
        return settle(result);
    },

    stopFeature(feature) {
        let result;
        try {
            result = feature.stop({});
        } catch (error) {
            result = Promise.reject(error);
        }
        return settle(result);
    },

    // ms until the next timer is due (0 if one is), -1 when there is none.
    nextTimer() {
        return nextTimerDelay();
    },

    // Runs the due timers; the errors their callbacks threw, as a JSON array of strings.
    runTimers() {
        return runTimers();
    }
});

globalThis.__intercomDriver = driver;
