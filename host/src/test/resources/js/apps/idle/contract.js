// Test fixture: an app that is loaded but not pinned; its feature must not run.
import { Contract } from 'trac-peer';

export default class IdleContract extends Contract {
    constructor(protocol, options = {}) {
        super(protocol, options);
        const contract = this;
        this.addFeature('idle_feature', async function () {
            await contract.put('app/idle/ran', contract.value);
        });
    }
}
