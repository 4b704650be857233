// The sample GraalJS app's contract: the deterministic part every peer of a subnet runs when it
// applies the subnet's ops. Written as for trac-peer; Intercom provides the 'trac-peer' module.
//
// Rules of the game (the host enforces the first ones):
// - no clock, no random numbers, no I/O: Date.now(), new Date(), Math.random() throw. Time and
//   outside data come in through the op, e.g. through a feature (see timer_feature below);
// - each call may run at most ten million statements;
// - read and write only through this.get / this.put / this.del, and only under app/<your app>/;
//   the subnet's own keys (admin, msg/..., txi/..., ...) are refused;
// - fail an op with this.assert(condition, message): the transaction is indexed with that
//   message as its error, a chat message is not posted, and every write of the call is dropped;
// - never change this.op or this.value: copy them first (this.protocol.safeClone).
import { Contract } from 'trac-peer';

// Every key this app writes starts with this.
const KEY = 'app/sample/';

export default class SampleContract extends Contract {
    constructor(protocol, options = {}) {
        super(protocol, options);

        // A function without a schema runs on any input; this one takes none.
        this.addFunction('bump');

        // A function whose dispatch {type, value} a schema checks first. A transaction that does
        // not match is not indexed at all ("Invalid schema."). $$strict: true refuses properties
        // the schema does not list.
        this.addSchema('note', {
            value: {
                $$type: 'object',
                $$strict: true,
                title: { type: 'string', min: 1, max: 64 },
                text: { type: 'string', max: 2000 }
            }
        });

        this.addSchema('spend', {
            value: {
                $$type: 'object',
                $$strict: true,
                amount: { type: 'number', integer: true, positive: true }
            }
        });

        // Shows that a contract cannot write the subnet's own keys: it always fails.
        this.addFunction('forge');

        // Feature data: a feature registered as 'timer' appends {key: 'currentTime', value: <ms>},
        // signed by the subnet's admin, and the peers run this handler for it. A feature handler is
        // called without `this`, so it reaches the contract through `contract`.
        const contract = this;
        this.addFeature('timer_feature', async function () {
            if (contract.op.key !== 'currentTime') {
                return;
            }
            contract.assert(Number.isSafeInteger(contract.value), 'currentTime is a whole number of milliseconds');
            await contract.put(KEY + 'currentTime', contract.value);
        });

        // The chat hook: runs for every chat message before it is posted; failing refuses it.
        this.messageHandler(async function () {
            this.assert(!String(this.op.msg).toLowerCase().includes('spam'), 'no spam here');
            await this.put(KEY + 'lastMessage', {
                msg: this.op.msg,
                address: this.address,
                at: await this.get(KEY + 'currentTime')
            });
        });
    }

    // /tx --command "bump": counts the sender's bumps, three at most.
    async bump() {
        const key = KEY + 'bumps/' + this.address;
        const count = (await this.get(key)) ?? 0;
        // A number as the message: the transaction's error is the number 429.
        this.assert(count < 3, 429);
        await this.put(key, count + 1);
    }

    // /tx --command "note <title> <text>": keeps a note, with who wrote it and the timer's time.
    async note() {
        const note = this.protocol.safeClone(this.value);
        note.by = this.address;
        note.at = await this.get(KEY + 'currentTime');
        await this.put(KEY + 'notes/' + this.value.title, note);
    }

    // /tx --command "spend <points>": takes points from the sender's balance (100 to start with).
    async spend() {
        const key = KEY + 'balance/' + this.address;
        const balance = (await this.get(key)) ?? 100;
        this.assert(this.value.amount <= balance, 'insufficient balance');
        await this.put(key, balance - this.value.amount);
    }

    // /tx --command "forge": fails with "put(key,value): msg/0is reserved" (trac-peer's text).
    async forge() {
        await this.put('msg/0', { msg: 'forged', address: this.address });
    }
}
