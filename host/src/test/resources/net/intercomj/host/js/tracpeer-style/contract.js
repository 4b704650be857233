import {Contract} from 'trac-peer'

/**
 * A contract in trac-peer's own style (as its docs and sample apps write them): register
 * in the constructor, read this.op / this.value, write with await this.put, use the protocol's
 * helpers. Only the import line would differ from a trac-peer app, and for an app importing from
 * 'trac-peer' not even that.
 */
class LedgerContract extends Contract {
    constructor(protocol, options = {}) {
        super(protocol, options);

        this.addFunction('storeSomething');

        this.addSchema('submitSomething', {
            value : {
                $$strict : true,
                $$type: "object",
                op : { type : "string", min : 1, max: 128 },
                some_key : { type : "string", min : 1, max: 128 }
            }
        });

        this.addSchema('mint', {
            value : {
                $$strict : true,
                $$type: "object",
                op : { type : "string", min : 1, max: 128 },
                amount : { type : "string", min : 1, max: 64 }
            }
        });

        this.addSchema('feature_entry', {
            key : { type : "string", min : 1, max: 256 },
            value : { type : "any" }
        });

        this.addFunction('readOnly');

        const _this = this;

        this.addFeature('timer_feature', async function(){
            if(false === _this.check.validateSchema('feature_entry', _this.op)) return;
            if(_this.op.key === 'currentTime') {
                if(null === await _this.get('currentTime')) console.log('timer started at', _this.op.value);
                await _this.put(_this.op.key, _this.op.value);
            }
        });

        this.messageHandler(async function(){
            if(_this.op?.type === 'msg' && typeof _this.op.msg === 'string'){
                const currentTime = await _this.get('currentTime');
                await _this.put('chat_last', {
                    msg: _this.op.msg,
                    address: _this.op.address ?? null,
                    at: currentTime ?? null
                });
            }
            console.log('message triggered contract', _this.op.msg);
        });
    }

    async storeSomething(){
        const something = await this.get('something');

        console.log('is there already something?', something);

        if(null === something) {
            await this.put('something', 'there is something');
        }
    }

    async submitSomething(){
        if(this.value.some_key === 'nothing'){
            return new Error('Cannot be nothing');
        }

        const bigint = this.protocol.safeBigInt("1000000000000000000");
        this.assert(bigint !== null);
        this.assert(typeof bigint === 'bigint');

        const decimal = this.protocol.fromBigIntString(bigint.toString(), 18);
        const bigint_string = this.protocol.toBigIntString(decimal, 18);

        const cloned = this.protocol.safeClone(this.value);
        cloned['timestamp'] = await this.get('currentTime');
        cloned['decimal'] = decimal;
        cloned['bigint_string'] = bigint_string;
        this.assert(cloned !== null);

        const stringified = this.protocol.safeJsonStringify(cloned);
        this.assert(stringified !== null);

        const parsed = this.protocol.safeJsonParse(stringified);
        this.assert(parsed !== undefined);

        await this.put('submitted_by/'+this.address, parsed);
    }

    async mint(){
        const amount = this.protocol.safeBigInt(this.protocol.toBigIntString(this.value.amount, 18));
        this.assert(amount !== null && amount > 0n, 'Invalid amount.');
        const key = 'balances/' + this.address;
        const balance = this.protocol.safeBigInt(await this.get(key) ?? '0');
        const cap = this.protocol.safeBigInt(this.protocol.toBigIntString('1000', 18));
        this.assert(balance + amount <= cap, 'Cap exceeded.');
        await this.put(key, (balance + amount).toString());
        await this.put('supply', this.protocol.fromBigIntString((this.protocol.safeBigInt(await this.get('supply_units') ?? '0') + amount).toString(), 18));
        await this.put('supply_units', (this.protocol.safeBigInt(await this.get('supply_units') ?? '0') + amount).toString());
    }

    async readOnly(){
        const balance = await this.get('balances/' + this.address);
        if(balance === null) return false;
        console.log('balance', this.protocol.fromBigIntString(balance, 18));
    }
}

export default LedgerContract;
