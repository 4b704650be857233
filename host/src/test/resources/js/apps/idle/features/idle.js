import { Feature } from 'trac-peer';

export default class Idle extends Feature {
    async start() {
        console.log('the idle feature runs');
        await this.append('ran', Date.now());
    }
}
