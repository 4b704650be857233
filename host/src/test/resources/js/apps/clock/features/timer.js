// trac-peer's timer feature (intercom's features/timer), with a short interval for the tests: the
// subnet's admin appends the time, and the contract's timer_feature handler stores it.
import { Feature } from 'trac-peer';

export default class Timer extends Feature {
    constructor(peer, options = {}) {
        super(peer, options);
        this.update_interval = 100;
        this.ticks = 0;
    }

    async start(options = {}) {
        while (true) {
            const appended = await this.append('currentTime', Date.now());
            if (this.ticks++ === 0) {
                console.log('first append by ' + this.peer.wallet.publicKey + ': ' + appended);
            }
            await this.sleep(this.update_interval);
        }
    }

    async stop(options = {}) {
        console.log('timer stopped on ' + this.peer.wallet.publicKey);
    }
}
