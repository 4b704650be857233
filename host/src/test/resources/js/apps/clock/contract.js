// Test fixture: a GraalJS app with a feature (features/timer.js). The contract stores what the
// timer feature appends, as the sample app's timer_feature handler does.
import { Contract } from 'trac-peer';

export default class ClockContract extends Contract {
    constructor(protocol, options = {}) {
        super(protocol, options);
        const contract = this;
        this.addFeature('timer_feature', async function () {
            if (contract.op.key !== 'currentTime') {
                return;
            }
            contract.assert(Number.isSafeInteger(contract.value), 'currentTime is a whole number of milliseconds');
            await contract.put('app/clock/currentTime', contract.value);
            await contract.put('app/clock/by', contract.address);
        });
    }
}
