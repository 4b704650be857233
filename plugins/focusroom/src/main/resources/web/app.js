// FocusRoom proof dashboard: two SC-Bridge connections (host and joiner), the room controls,
// the one-click proof flow, the countdown, the checklist, stats, history and a JSON export.
// Written for this project from the behaviour described in the spec (§1.9), with the original's
// defects fixed: pending requests are kept per side (W-D1), an error reply rejects (W-D2),
// streaks are fetched after the session ends (W-D3), everything from the network is shown
// with textContent (W-D4), a session appears once in the history (W-D5), and shortcuts are
// plain keys outside text fields instead of browser shortcuts.
'use strict';

(() => {
  const REQUEST_TIMEOUT_MS = 8000;
  const HEARTBEAT_MS = 30000;
  const STATUS_REFRESH_MS = 10000;
  const RECONNECT_DELAYS_MS = [2000, 4000, 6000];
  const SYNC_WAIT_MS = 45000;
  const STEPS = ['hostConnected', 'joinerConnected', 'joinerJoined', 'hostStarted', 'joinerCheckedIn', 'sessionEnded'];

  const $ = (id) => document.getElementById(id);

  // ---- state

  function newSide(name) {
    return { name, ws: null, ready: false, nextId: 1, pending: new Map(), manual: false, attempts: 0,
      lastPong: 0, hello: null, timer: null };
  }
  const sides = { host: newSide('host'), joiner: newSide('joiner') };
  const steps = {};
  let room = null;            // the room panel's object (a focus_status room)
  let stats = null;
  const sessionHistory = [];   // newest first, one entry per session
  const events = [];           // every frame received but hello/auth_ok, for the export
  let flowRunning = false;
  const endWaiters = [];
  let soundOn = false;
  let audio = null;

  // ---- log

  function log(side, dir, text, data) {
    const item = document.createElement('li');
    const line = document.createElement('div');
    line.textContent = '[' + new Date().toLocaleTimeString() + '] [' + side + '] ' + dir + ' ' + text;
    item.appendChild(line);
    if (data !== undefined) {
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify(data, null, 2);
      item.appendChild(pre);
    }
    $('log').appendChild(item);
    $('log').scrollTop = $('log').scrollHeight;
  }

  // ---- connections

  function setStatus(side, text) {
    $(side.name + '-status').textContent = text;
  }

  function toggle(side) {
    if (side.ws) {
      side.manual = true;
      side.ws.close();
      return;
    }
    side.manual = false;
    side.attempts = 0;
    connect(side);
  }

  function connect(side) {
    const url = $(side.name + '-url').value.trim();
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      setStatus(side, 'bad URL: ' + e.message);
      return;
    }
    side.ws = ws;
    setStatus(side, 'connecting…');
    $(side.name + '-connect').textContent = 'Disconnect';
    ws.onmessage = (event) => onFrame(side, event.data);
    ws.onclose = () => onClose(side, ws);
    ws.onerror = () => log(side.name, '!', 'connection error');
  }

  function onClose(side, ws) {
    if (side.ws !== ws) {
      return;
    }
    side.ws = null;
    side.ready = false;
    for (const [, pending] of side.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error('disconnected'));
    }
    side.pending.clear();
    setStatus(side, 'disconnected');
    $(side.name + '-connect').textContent = 'Connect';
    setStep(side.name + 'Connected', false);
    updateBanner();
    updateDot(side);
    if (!side.manual && side.attempts < RECONNECT_DELAYS_MS.length) {
      const delay = RECONNECT_DELAYS_MS[side.attempts++];
      log('sys', '·', side.name + ' reconnecting in ' + delay / 1000 + ' s (attempt ' + side.attempts + ')');
      setTimeout(() => {
        if (!side.ws && !side.manual) {
          connect(side);
        }
      }, delay);
    }
  }

  function onFrame(side, text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch (e) {
      log(side.name, '←', 'not JSON: ' + String(text).slice(0, 200));
      return;
    }
    if (frame.type === 'pong') {
      side.lastPong = Date.now();
      updateDot(side);
      return;
    }
    if (frame.type !== 'hello' && frame.type !== 'auth_ok') {
      events.push({ at: new Date().toISOString(), side: side.name, type: frame.type, eventType: frame.eventType || null, data: frame });
    }
    log(side.name, '←', frame.type, frame);
    if (frame.type === 'hello') {
      side.hello = frame;
      $(side.name + '-key').textContent = shortKey(frame.peer);
      $(side.name + '-addr').textContent = frame.address ? String(frame.address).slice(0, 24) + '…' : '–';
      side.ws.send(JSON.stringify({ type: 'auth', token: $(side.name + '-token').value }));
      return;
    }
    if (frame.type === 'auth_ok') {
      side.ready = true;
      side.attempts = 0;
      side.lastPong = Date.now();
      setStatus(side, 'connected + authed');
      setStep(side.name + 'Connected', true);
      updateBanner();
      updateDot(side);
      return;
    }
    if (Number.isInteger(frame.id) && side.pending.has(frame.id)) {
      const pending = side.pending.get(frame.id);
      side.pending.delete(frame.id);
      clearTimeout(pending.timer);
      if (frame.type === 'error') {
        pending.reject(new Error(frame.error || 'error'));
      } else {
        pending.resolve(frame);
      }
      return;
    }
    if (!side.ready && frame.type === 'error') {
      setStatus(side, String(frame.error || 'error'));
      return;
    }
    if (frame.type === 'focus_event') {
      onFocusEvent(side, frame);
    }
  }

  function request(sideName, type, fields) {
    const side = sides[sideName];
    if (!side.ready || !side.ws) {
      return Promise.reject(new Error(sideName + ' is not connected'));
    }
    const id = side.nextId++;
    const message = Object.assign({ id, type }, fields || {});
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        side.pending.delete(id);
        reject(new Error('timeout: ' + type));
      }, REQUEST_TIMEOUT_MS);
      side.pending.set(id, { resolve, reject, timer });
      log(sideName, '→', type, message);
      side.ws.send(JSON.stringify(message));
    });
  }

  function updateBanner() {
    const banner = $('readiness');
    const host = sides.host.ready;
    const joiner = sides.joiner.ready;
    banner.className = 'banner' + (host && joiner ? ' ready' : host || joiner ? ' partial' : '');
    banner.textContent = host && joiner ? 'Both peers connected and ready.'
      : host ? 'Host connected' : joiner ? 'Joiner connected'
        : 'No peers connected: start two peers with --sc-bridge 1 and connect both cards.';
  }

  function updateDot(side) {
    const dot = $(side.name + '-dot');
    if (!side.ready) {
      dot.className = 'dot';
      return;
    }
    const age = Date.now() - side.lastPong;
    dot.className = 'dot ' + (age < 35000 ? 'green' : age < 65000 ? 'amber' : 'red');
  }

  // ---- room panel

  function shortKey(key) {
    const text = String(key || '');
    return text.length > 12 ? text.slice(0, 8) + '…' + text.slice(-4) : text || '–';
  }

  function mmss(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  function renderRoom() {
    const panel = $('room-panel');
    if (!room) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    $('room-name').textContent = room.room;
    const badge = $('room-status');
    badge.textContent = room.status;
    badge.className = 'badge ' + room.status;
    $('room-goal').textContent = room.goal || '–';
    $('room-host').textContent = shortKey(room.host);
    const chips = $('room-participants');
    chips.replaceChildren(...(room.participants || []).map((key) => {
      const chip = document.createElement('span');
      chip.textContent = shortKey(key);
      chip.title = key;
      return chip;
    }));
    const checkins = room.checkins || [];
    const last = checkins[checkins.length - 1];
    $('room-checkin').textContent = last ? shortKey(last.who) + ': "' + last.status + '"' : '–';
    tickCountdown();
  }

  function tickCountdown() {
    if (!room) {
      return;
    }
    const countdown = $('countdown');
    const note = $('countdown-note');
    if (room.status === 'active' && Number.isFinite(room.endsAt)) {
      const remaining = room.endsAt - Date.now();
      countdown.textContent = mmss(remaining);
      countdown.parentElement.className = 'countdown' + (remaining < 120000 ? ' low' : '');
      const ends = new Date(room.endsAt);
      note.textContent = 'remaining · ends ' + String(ends.getHours()).padStart(2, '0') + ':'
        + String(ends.getMinutes()).padStart(2, '0');
    } else {
      countdown.textContent = '0:00';
      countdown.parentElement.className = 'countdown';
      note.textContent = room.status === 'ended' ? 'ended (' + (room.endedReason || '') + ')' : '';
    }
  }

  async function refreshRoom() {
    const side = sides.host.ready ? 'host' : sides.joiner.ready ? 'joiner' : null;
    if (!side) {
      return;
    }
    try {
      const reply = await request(side, 'focus_status', { room: roomName() });
      if (reply.room && !Array.isArray(reply.room)) {
        room = reply.room;
        renderRoom();
      }
    } catch (e) {
      log('sys', '!', 'status failed: ' + e.message);
    }
  }

  // ---- checklist, stats, history

  function setStep(name, done) {
    steps[name] = done;
    $('step-' + name).classList.toggle('done', done);
    $('checklist-count').textContent = STEPS.filter((s) => steps[s]).length + '/' + STEPS.length;
  }

  function showStats(value) {
    if (!value) {
      return;
    }
    stats = value;
    $('stats-card').hidden = false;
    $('stat-planned').textContent = mmss(value.plannedDurationMs);
    $('stat-actual').textContent = mmss(value.actualDurationMs);
    $('stat-peers').textContent = String(value.participantCount);
    $('stat-checkins').textContent = String(value.checkinCount);
    const percent = value.plannedDurationMs > 0
      ? Math.round(value.actualDurationMs / value.plannedDurationMs * 100) : 100;
    const bar = $('stat-bar');
    bar.style.width = Math.min(100, percent) + '%';
    bar.className = 'meter-bar' + (value.actualDurationMs > value.plannedDurationMs ? ' over' : '');
    $('stat-percent').textContent = percent + '%';
  }

  function addHistory(entry) {
    const key = entry.session || entry.room + '@' + entry.endedAt;
    if (sessionHistory.some((e) => (e.session || e.room + '@' + e.endedAt) === key)) {
      return;
    }
    sessionHistory.unshift(entry);
    const item = document.createElement('li');
    const s = entry.stats || {};
    item.textContent = entry.room + ' — "' + (entry.goal || '') + '" — ' + entry.endedReason + ' at '
      + entry.endedAt + ' — ' + mmss(s.actualDurationMs || 0) + ' of ' + mmss(s.plannedDurationMs || 0)
      + ', ' + (s.participantCount || 0) + ' peers, ' + (s.checkinCount || 0) + ' check-ins';
    $('history').prepend(item);
  }

  function sessionEnded(payload, reason) {
    setStep('sessionEnded', true);
    showStats(payload.stats);
    addHistory({ room: payload.room, goal: room && room.room === payload.room ? room.goal : '',
      session: payload.session || null, endedAt: new Date().toISOString(), endedReason: reason, stats: payload.stats });
    beep(330);
    while (endWaiters.length) {
      endWaiters.shift()();
    }
  }

  function onFocusEvent(side, frame) {
    const payload = frame.payload || {};
    if (payload.room !== roomName()) {
      return;
    }
    switch (frame.eventType) {
      case 'session_start':
        beep(660);
        break;
      case 'session_checkin':
        beep(880);
        break;
      case 'session_end':
        sessionEnded(payload, 'manual');
        break;
      case 'session_expired':
        sessionEnded(payload, 'timer');
        break;
      default:
        break;
    }
    refreshRoom();
  }

  // ---- actions

  function roomName() {
    return $('room').value.trim();
  }

  function minutes() {
    const value = parseInt($('minutes').value, 10);
    return Number.isFinite(value) && value > 0 ? value : 25;
  }

  const actions = {
    join: async () => {
      await request('joiner', 'focus_join', { room: roomName() });
      setStep('joinerJoined', true);
    },
    start: async () => {
      await request('host', 'focus_start', { room: roomName(), minutes: minutes(), goal: $('goal').value });
      setStep('hostStarted', true);
    },
    checkin: async () => {
      await request('joiner', 'focus_checkin', { room: roomName(), status: $('note').value });
      setStep('joinerCheckedIn', true);
    },
    status: async () => {
      const reply = await request('host', 'focus_status', { room: roomName() });
      if (reply.room && !Array.isArray(reply.room)) {
        room = reply.room;
        renderRoom();
      }
    },
    extend: async () => {
      await request('host', 'focus_extend', { room: roomName(), minutes: 5 });
    },
    end: async () => {
      const reply = await request('host', 'focus_end', { room: roomName(), summary: $('summary').value });
      sessionEnded({ room: reply.room, stats: reply.stats, session: room && room.session }, 'manual');
    },
    rooms: async () => {
      await request('host', 'focus_rooms', {});
    },
    streaks: async () => {
      const reply = await request('host', 'focus_streaks', {});
      $('streaks-line').textContent = 'Streaks: ' + (reply.streaks || [])
        .map((s) => shortKey(s.peer) + ' ' + s.sessions).join(', ');
    },
  };

  async function act(name) {
    try {
      await actions[name]();
      await refreshRoom();
    } catch (e) {
      log('sys', '!', name + ' failed: ' + e.message);
      throw e;
    }
  }

  /** Resolves once the joiner's view of the room is active (the host's start reached it). */
  async function joinerSeesActive() {
    const deadline = Date.now() + SYNC_WAIT_MS;
    while (Date.now() < deadline) {
      const reply = await request('joiner', 'focus_status', { room: roomName() });
      if (reply.room && reply.room.status === 'active') {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the joiner did not see the session start within ' + SYNC_WAIT_MS / 1000 + ' s');
  }

  async function runFlow() {
    if (flowRunning) {
      return;
    }
    flowRunning = true;
    const button = $('run-flow');
    button.classList.add('running');
    button.textContent = 'Running Proof Flow…';
    try {
      await act('join');
      await act('start');
      await joinerSeesActive();
      await act('checkin');
      await act('status');
      await act('rooms');
      log('sys', '·', 'Proof flow commands sent — waiting for the session to end (timer expiry or End session)...');
      if (!steps.sessionEnded) {
        await new Promise((resolve) => endWaiters.push(resolve));
      }
      await act('streaks');
      log('sys', '·', 'Proof flow complete.');
    } catch (e) {
      log('sys', '!', 'Proof flow stopped: ' + e.message);
    } finally {
      flowRunning = false;
      button.classList.remove('running');
      button.textContent = 'Run Proof Flow';
    }
  }

  function reset() {
    for (const step of ['joinerJoined', 'hostStarted', 'joinerCheckedIn', 'sessionEnded']) {
      setStep(step, false);
    }
    room = null;
    stats = null;
    renderRoom();
    $('stats-card').hidden = true;
  }

  // ---- export, sound, theme

  function exportJson() {
    const peer = (side) => side.hello ? { key: side.hello.peer, address: side.hello.address } : null;
    const data = {
      exportedAt: new Date().toISOString(),
      peers: { host: peer(sides.host), joiner: peer(sides.joiner) },
      room,
      stats,
      proofSteps: Object.fromEntries(STEPS.map((s) => [s, Boolean(steps[s])])),
      events,
      sessionHistory,
    };
    const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    link.download = 'focus-proof-' + stamp + '.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function beep(frequency) {
    if (!soundOn) {
      return;
    }
    try {
      audio = audio || new AudioContext();
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.05;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + 0.15);
    } catch (e) {
      // No audio device: sound is a nicety.
    }
  }

  async function copyLog() {
    const text = $('log').innerText;
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
  }

  // ---- wiring

  function init() {
    const served = location.protocol === 'http:' || location.protocol === 'https:';
    $('host-url').value = served ? (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/'
      : 'ws://127.0.0.1:49222';
    $('joiner-url').value = 'ws://127.0.0.1:49223';
    // Tokens (and URLs) may come in the fragment, which no server sees; then they leave the address bar.
    const params = new URLSearchParams(location.hash.slice(1));
    for (const [key, input] of [['host', 'host-token'], ['joiner', 'joiner-token'], ['hostUrl', 'host-url'],
      ['joinerUrl', 'joiner-url'], ['room', 'room']]) {
      if (params.get(key) !== null) {
        $(input).value = params.get(key);
      }
    }
    if (location.hash) {
      history.replaceState(null, '', location.pathname + location.search);
    }
    $('host-connect').addEventListener('click', () => toggle(sides.host));
    $('joiner-connect').addEventListener('click', () => toggle(sides.joiner));
    for (const button of document.querySelectorAll('[data-action]')) {
      button.addEventListener('click', () => act(button.dataset.action).catch(() => {}));
    }
    $('run-flow').addEventListener('click', runFlow);
    $('reset').addEventListener('click', reset);
    $('export').addEventListener('click', exportJson);
    $('copy-log').addEventListener('click', copyLog);
    $('clear-log').addEventListener('click', () => $('log').replaceChildren());
    $('theme').addEventListener('click', () => {
      const dark = document.documentElement.dataset.theme !== 'light';
      document.documentElement.dataset.theme = dark ? 'light' : 'dark';
      $('theme').textContent = dark ? 'Dark theme' : 'Light theme';
    });
    $('sound').addEventListener('click', () => {
      soundOn = !soundOn;
      $('sound').textContent = 'Sound: ' + (soundOn ? 'on' : 'off');
      $('sound').setAttribute('aria-pressed', String(soundOn));
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat
        || (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable))) {
        return;
      }
      const key = event.key.toLowerCase();
      if (key === 'p') {
        runFlow();
      } else if (key === 'r') {
        reset();
      } else if (key === 'd') {
        exportJson();
      } else if (key === 's') {
        act('status').catch(() => {});
      } else {
        return;
      }
      event.preventDefault();
    });
    setInterval(() => {
      for (const side of Object.values(sides)) {
        if (side.ready && side.ws) {
          side.ws.send(JSON.stringify({ type: 'ping' }));
        }
      }
    }, HEARTBEAT_MS);
    setInterval(() => Object.values(sides).forEach(updateDot), STATUS_REFRESH_MS);
    setInterval(tickCountdown, 1000);
    updateBanner();
    setStep('hostConnected', false);
  }

  init();
})();
