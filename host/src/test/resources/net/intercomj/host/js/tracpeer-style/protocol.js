import {Protocol} from 'trac-peer'

class LedgerProtocol extends Protocol {
    constructor(peer, base, options = {}) {
        super(peer, base, options);
    }

    async extendApi(){
        this.api.getSampleData = function(){
            return 'Some sample data';
        }
    }

    mapTxCommand(command){
        let obj = { type : '', value : null };
        if(command === 'something'){
            obj.type = 'storeSomething';
            obj.value = null;
            return obj;
        } else if(command === 'read'){
            obj.type = 'readOnly';
            return obj;
        } else {
            const json = this.safeJsonParse(command);
            if(json?.op !== undefined){
                if(json.op === 'do_something'){
                    obj.type = 'submitSomething';
                    obj.value = json;
                    return obj;
                } else if(json.op === 'mint'){
                    obj.type = 'mint';
                    obj.value = json;
                    return obj;
                }
            }
        }
        return null;
    }

    async printOptions(){
        console.log(' ');
        console.log('- Ledger Command List:');
        console.log("- /print | use this flag to print some text to the terminal: '--text \"I am printing\"");
    }

    async customCommand(input) {
        await this.tokenizeInput(input);
        if (this.input.startsWith("/print")) {
            const splitted = this.parseArgs(input);
            console.log(splitted.text);
        }
    }
}

export default LedgerProtocol;
