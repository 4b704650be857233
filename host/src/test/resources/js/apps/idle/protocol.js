import { Protocol } from 'trac-peer';

export default class IdleProtocol extends Protocol {}
