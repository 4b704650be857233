// The sample GraalJS app's protocol: the part outside consensus, which turns what a user types
// into the contract's operations. Written as for trac-peer; Intercom provides 'trac-peer'.
import { Protocol } from 'trac-peer';

export default class SampleProtocol extends Protocol {
    // /tx --command "<text>": the text becomes the operation {type, value} the contract runs, or
    // null when it means nothing to this app.
    mapTxCommand(command) {
        const text = String(command).trim();
        const words = text.split(/\s+/);
        switch (words[0]) {
            case 'bump':
                return words.length === 1 ? { type: 'bump', value: null } : null;
            case 'forge':
                return { type: 'forge', value: null };
            case 'spend':
                return words.length === 2 ? { type: 'spend', value: { amount: Number(words[1]) } } : null;
            case 'note':
                return words.length >= 3 ? { type: 'note', value: { title: words[1], text: words.slice(2).join(' ') } } : null;
            default:
                break;
        }
        // Or the operation itself as JSON: {"type": "note", "value": {...}}.
        if (text.startsWith('{')) {
            const op = this.safeJsonParse(text);
            if (op !== undefined && op !== null && typeof op.type === 'string' && op.value !== undefined) {
                return { type: op.type, value: op.value };
            }
        }
        return null;
    }

    // Read methods for clients go on this.api (served once the host has its RPC).
    async extendApi() {
        this.api.operations = function () {
            return ['bump', 'note', 'spend', 'forge'];
        };
    }

    // trac-peer calls this for terminal lines no built-in command matched. Intercom's terminal does
    // not pass lines to it yet; its output goes to the log.
    async customCommand(input) {
        if (input.startsWith('/sample')) {
            console.log('sample app, arguments:', JSON.stringify(this.parseArgs(input)));
        }
    }

    async printOptions() {
        console.log('- /tx --command "bump" | "note <title> <text>" | "spend <points>" | "forge"');
    }
}
