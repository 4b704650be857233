import { Protocol } from 'trac-peer';

export default class ClockProtocol extends Protocol {}
