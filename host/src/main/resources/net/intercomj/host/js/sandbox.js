// Runs first in every GraalJS app context, before the trac-peer module and the app's own code.
// A contract must give the same result on every peer, so nothing here may expose this machine's
// clock or random numbers: each of those throws an Error that says so. A Date of a given time
// (new Date(ms), Date.UTC, Date.parse) stays available, as does everything else of the language.
// Host-side settings do the rest: the time zone is UTC and the locale en-US (so date and number
// formatting is the same everywhere), and there is no I/O, no host class lookup, no print/load.
(function () {
    'use strict';

    const TIME = 'time comes from the op (e.g. a feature such as a timer)';
    const RANDOM = 'every peer must compute the same result; derive values from the op (e.g. this.tx)';

    function unavailable(what, why) {
        throw new Error(what + ' is not available in a contract: ' + why);
    }

    function hide(object, name, value) {
        Object.defineProperty(object, name, { value, writable: true, configurable: true, enumerable: false });
    }

    // Date: only with an explicit time.
    const RealDate = Date;
    const SafeDate = function Date(...args) {
        if (new.target === undefined) {
            unavailable('Date()', TIME);
        }
        if (args.length === 0) {
            unavailable('new Date()', TIME);
        }
        return Reflect.construct(RealDate, args, new.target);
    };
    Object.defineProperty(SafeDate, 'prototype', { value: RealDate.prototype, writable: false });
    Object.defineProperty(SafeDate, 'length', { value: RealDate.length });
    hide(SafeDate, 'UTC', RealDate.UTC);
    hide(SafeDate, 'parse', RealDate.parse);
    hide(SafeDate, 'now', function now() {
        unavailable('Date.now', TIME);
    });
    hide(RealDate.prototype, 'constructor', SafeDate);
    hide(globalThis, 'Date', SafeDate);

    hide(Math, 'random', function random() {
        unavailable('Math.random', RANDOM);
    });

    const performance = {};
    hide(performance, 'now', function now() {
        unavailable('performance.now', TIME);
    });
    Object.defineProperty(performance, 'timeOrigin', {
        get() {
            unavailable('performance.timeOrigin', TIME);
        },
        configurable: true
    });
    hide(globalThis, 'performance', performance);

    const crypto = {};
    hide(crypto, 'getRandomValues', function getRandomValues() {
        unavailable('crypto.getRandomValues', RANDOM);
    });
    hide(crypto, 'randomUUID', function randomUUID() {
        unavailable('crypto.randomUUID', RANDOM);
    });
    hide(globalThis, 'crypto', crypto);

    // Intl.DateTimeFormat formats "now" when given no date.
    if (typeof Intl === 'object' && typeof Intl.DateTimeFormat === 'function') {
        const proto = Intl.DateTimeFormat.prototype;
        const formatGetter = Object.getOwnPropertyDescriptor(proto, 'format').get;
        Object.defineProperty(proto, 'format', {
            get() {
                const format = formatGetter.call(this);
                return function (date) {
                    if (date === undefined) {
                        unavailable('Intl.DateTimeFormat format() without a date', TIME);
                    }
                    return format(date);
                };
            },
            configurable: true
        });
        const formatToParts = proto.formatToParts;
        hide(proto, 'formatToParts', function formatToParts_(date) {
            if (date === undefined) {
                unavailable('Intl.DateTimeFormat formatToParts() without a date', TIME);
            }
            return formatToParts.call(this, date);
        });
    }

    // Garbage collection is not the same on every peer, so nothing may observe it.
    delete globalThis.WeakRef;
    delete globalThis.FinalizationRegistry;

    // Java package objects: no class can be looked up through them anyway; Java.type says why.
    for (const name of ['Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu']) {
        delete globalThis[name];
    }
})();
