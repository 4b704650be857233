// InterSplit Control Panel: a client of a peer's SC-Bridge (docs/bridge.md) for the InterSplit
// plugin's bridge types (expense_*). Plain JS, no build step, nothing loaded from other sites.
// Every text from the network is shown with textContent, never parsed as HTML.
'use strict';

(() => {
  const MAX_FEED_LINES = 1000;
  const TIMEOUT_MS = 12000;
  const SLOW_TIMEOUT_MS = 20000; // balance, export
  const RESTORE_TIMEOUT_MS = 30000;
  const PERSIST_TIMEOUT_MS = 65000; // an MSB-settled tx takes 10-60 s
  const ADD_USAGE = 'Use: add alice 30 split alice,bob note dinner';

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'),
    peer: $('peer'),
    wsUrl: $('wsUrl'),
    token: $('token'),
    channel: $('channel'),
    joinStatus: $('joinStatus'),
    subscribeStatus: $('subscribeStatus'),
    chatMessage: $('chatMessage'),
    payer: $('payer'),
    amount: $('amount'),
    split: $('split'),
    note: $('note'),
    exportFormat: $('exportFormat'),
    exportButton: $('export'),
    persist: $('persist'),
    restore: $('restore'),
    restoreConfirmed: $('restoreConfirmed'),
    restoreReplace: $('restoreReplace'),
    prompt: $('prompt'),
    balanceView: $('balanceView'),
    exportView: $('exportView'),
    feed: $('feed'),
  };

  let socket = null;
  let authenticated = false;
  let nextId = 1;
  const pending = new Map(); // id -> {type, resolve, reject, timer}
  let persistBusy = false;
  let restoreBusy = false;

  // ---------- feed ----------

  function timestamp() {
    return new Date().toISOString().slice(11, 19); // HH:MM:SS, UTC
  }

  /** Appends `[HH:MM:SS] LEVEL text`; long and multi-line texts are kept whole (the feed scrolls). */
  function log(level, text) {
    const line = document.createElement('li');
    line.className = level.toLowerCase();
    line.textContent = '[' + timestamp() + '] ' + level + ' ' + text;
    const atBottom = ui.feed.scrollTop + ui.feed.clientHeight >= ui.feed.scrollHeight - 8;
    ui.feed.append(line);
    while (ui.feed.childElementCount > MAX_FEED_LINES) {
      ui.feed.firstElementChild.remove();
    }
    if (atBottom) {
      ui.feed.scrollTop = ui.feed.scrollHeight;
    }
  }
  const info = (text) => log('INFO', text);
  const ok = (text) => log('OK', text);
  const fail = (text) => log('ERROR', text);

  function errorText(error) {
    return error instanceof Error ? error.message : String(error);
  }

  function show(value) {
    if (typeof value === 'string') {
      return value;
    }
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }

  // ---------- amounts ----------

  /** Integer cents as `X.XX` (absolute value). */
  function amount(cents) {
    const n = Math.abs(Math.trunc(Number(cents) || 0));
    const whole = Math.floor(n / 100);
    const rest = n % 100;
    return whole + '.' + (rest < 10 ? '0' : '') + rest;
  }

  /** Integer cents as `+X.XX` / `-X.XX` (zero is `+0.00`). */
  function signed(cents) {
    return (Number(cents) < 0 ? '-' : '+') + amount(cents);
  }

  /** The balance summary as lines a person reads: balances, then the settlement plan. */
  function renderSummary(summary) {
    const s = summary || {};
    const lines = [];
    lines.push('channel: ' + (s.channel || '?') + '  entries: ' + (s.eventCount || 0) + '  total: ' + amount(s.totalCents));
    const balances = Array.isArray(s.balances) ? s.balances : [];
    const settlements = Array.isArray(s.settlements) ? s.settlements : [];
    lines.push('balances:');
    if (balances.length === 0) {
      lines.push('  none');
    }
    for (const b of balances) {
      lines.push('  ' + b.member + ': ' + signed(b.cents));
    }
    lines.push('settlements:');
    if (settlements.length === 0) {
      lines.push('  none');
    }
    for (const t of settlements) {
      lines.push('  ' + t.from + ' -> ' + t.to + ': ' + amount(t.amountCents));
    }
    return lines.join('\n');
  }

  // ---------- status ----------

  function setStatus(state) {
    ui.status.textContent = state;
    ui.status.dataset.state = state.replace(/\W+$/, '');
  }

  function setJoinStatus(text) {
    ui.joinStatus.textContent = 'Join: ' + text;
  }

  function setSubscribeStatus(text) {
    ui.subscribeStatus.textContent = 'Subscribe: ' + text;
  }

  function setBusy(button, busy, busyText, idleText) {
    button.disabled = busy;
    button.textContent = busy ? busyText : idleText;
    button.setAttribute('aria-busy', String(busy));
  }

  // ---------- requests ----------

  function rejectAll(reason) {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      pending.delete(id);
      entry.reject(new Error(reason));
    }
  }

  /**
   * Sends `{id, type, ...fields}` and resolves with the reply that echoes the id; an `error`
   * reply rejects with its text, no reply within `timeoutMs` with `Request timeout: <type>`.
   */
  /** Throws the reason a request of `type` cannot be sent now, if there is one. */
  function checkReady(type) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      throw new Error('WebSocket is not connected.');
    }
    if (!authenticated && type !== 'auth') {
      throw new Error('Authenticate first (Connect).');
    }
  }

  function request(type, fields, timeoutMs) {
    try {
      checkReady(type);
    } catch (error) {
      return Promise.reject(error);
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('Request timeout: ' + type));
      }, timeoutMs || TIMEOUT_MS);
      pending.set(id, { type, resolve, reject, timer });
      try {
        socket.send(JSON.stringify({ id, type, ...fields }));
      } catch (error) {
        clearTimeout(timer);
        pending.delete(id);
        reject(error);
      }
    });
  }

  // ---------- connection ----------

  function defaultWsUrl() {
    if (location.host) {
      return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
    }
    return 'ws://127.0.0.1:49222';
  }

  /** A room message as text: InterSplit's own messages readably, anything else as sent (or its JSON). */
  function describeMessage(message) {
    if (message && typeof message === 'object' && message.app === 'expense_split_v1') {
      const e = message.event;
      if (message.type === 'expense_add' && e && typeof e === 'object') {
        return 'expense_add ' + amount(e.amountCents) + ' by ' + e.payer + ' split='
          + (Array.isArray(e.split) ? e.split.join(',') : show(e.split)) + ' note=' + (e.note || '-');
      }
      if (message.type === 'expense_clear') {
        return 'expense_clear (the room was cleared)';
      }
      if (message.type === 'expense_sync_request') {
        return 'expense_sync_request (asks for the room\'s history)';
      }
      if (message.type === 'expense_sync') {
        return 'expense_sync (' + (Array.isArray(message.events) ? message.events.length : 0) + ' events)';
      }
    }
    return show(message);
  }

  function onFrame(current, frame) {
    if (Number.isInteger(frame.id) && pending.has(frame.id)) {
      const entry = pending.get(frame.id);
      pending.delete(frame.id);
      clearTimeout(entry.timer);
      if (frame.type === 'error') {
        entry.reject(new Error(frame.error || 'Request failed.'));
      } else {
        entry.resolve(frame);
      }
      return;
    }
    switch (frame.type) {
      case 'hello':
        ui.peer.textContent = frame.peer || '–';
        info('Hello peer=' + (frame.peer || 'n/a') + ' requiresAuth=' + Boolean(frame.requiresAuth));
        authenticate(current);
        break;
      case 'auth_ok':
        onAuthenticated();
        break;
      case 'error':
        fail(frame.error || 'Request failed.');
        break;
      case 'sidechannel_message':
        info('[' + (frame.channel || '?') + '] ' + (frame.from || 'unknown') + ': ' + describeMessage(frame.message));
        break;
      default:
        info(show(frame));
    }
  }

  function onAuthenticated() {
    if (!authenticated) {
      authenticated = true;
      setStatus('authenticated');
      ok('Authenticated.');
    }
  }

  function authenticate(current) {
    if (socket !== current) {
      return;
    }
    request('auth', { token: ui.token.value }, TIMEOUT_MS)
      .then(() => {
        if (socket === current) {
          onAuthenticated();
        }
      })
      .catch((error) => {
        if (socket === current) {
          setStatus('error');
          fail('Auth failed: ' + errorText(error));
        }
      });
  }

  function connect() {
    const url = ui.wsUrl.value.trim();
    if (!url) {
      fail('WS URL is required.');
      return;
    }
    if (!ui.token.value) {
      fail('SC-Bridge token is required.');
      return;
    }
    closeSocket('reconnecting');
    let current;
    try {
      current = new WebSocket(url);
    } catch (error) {
      setStatus('error');
      fail('Invalid WS URL: ' + errorText(error));
      return;
    }
    socket = current;
    authenticated = false;
    setStatus('connecting...');
    info('Connecting to ' + url + ' ...');
    let opened = false;
    current.addEventListener('open', () => {
      if (socket !== current) {
        return;
      }
      opened = true;
      setStatus('connected');
      setJoinStatus('not joined');
      setSubscribeStatus('inactive');
      // The bridge sends hello first; auth follows it (see onFrame).
    });
    current.addEventListener('message', (event) => {
      if (socket !== current) {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        fail('The bridge sent something that is not JSON.');
        return;
      }
      if (frame && typeof frame === 'object') {
        onFrame(current, frame);
      }
    });
    current.addEventListener('close', (event) => {
      if (socket !== current) {
        return;
      }
      socket = null;
      authenticated = false;
      rejectAll('WebSocket closed.');
      setJoinStatus('disconnected');
      setSubscribeStatus('disconnected');
      if (!opened) {
        setStatus('error');
        fail('Could not connect to ' + url + ' (is the peer running with --sc-bridge 1, and does it allow this page\'s origin ('
          + location.origin + ') with --sc-bridge-origins?)');
      } else {
        setStatus('disconnected');
        info('Disconnected (code ' + event.code + (event.reason ? ', ' + event.reason : '') + ').');
      }
    });
  }

  function closeSocket(why) {
    const current = socket;
    socket = null;
    authenticated = false;
    rejectAll('WebSocket closed.');
    if (current) {
      try {
        current.close(1000, why);
      } catch {
        // already closing
      }
    }
  }

  function disconnect() {
    const had = socket !== null;
    closeSocket('bye');
    setStatus('disconnected');
    setJoinStatus('disconnected');
    setSubscribeStatus('disconnected');
    ui.peer.textContent = '–';
    if (had) {
      info('Disconnected.');
    }
  }

  // ---------- actions ----------

  function channel() {
    const name = ui.channel.value.trim();
    if (!name) {
      throw new Error('Channel is required.');
    }
    return name;
  }

  /** Runs an action, logging what it throws or rejects with as an ERROR line. */
  function run(action) {
    return Promise.resolve()
      .then(action)
      .catch((error) => fail(errorText(error)));
  }

  async function join() {
    const ch = channel();
    setJoinStatus('joining ' + ch + '...');
    try {
      const reply = await request('join', { channel: ch }, TIMEOUT_MS);
      setJoinStatus('joined ' + (reply.channel || ch));
      ok('Joined ' + (reply.channel || ch) + '.');
    } catch (error) {
      setJoinStatus('failed ' + ch);
      throw error;
    }
  }

  async function subscribe() {
    const ch = channel();
    setSubscribeStatus('updating ' + ch + '...');
    try {
      const reply = await request('subscribe', { channel: ch }, TIMEOUT_MS);
      const channels = Array.isArray(reply.channels) ? reply.channels : [];
      setSubscribeStatus(channels.length ? channels.join(', ') : 'none');
      ok('Subscribed: ' + (channels.length ? channels.join(', ') : 'none'));
    } catch (error) {
      setSubscribeStatus('failed ' + ch);
      throw error;
    }
  }

  async function sendChat(text) {
    if (!text.trim()) {
      throw new Error('Message is empty.');
    }
    const ch = channel();
    const reply = await request('send', { channel: ch, message: text }, TIMEOUT_MS);
    ok('[' + (reply.channel || ch) + '] you: ' + text);
  }

  async function addExpense(payer, amountText, split, note) {
    const reply = await request('expense_add', { channel: channel(), payer, amount: amountText, split, note }, TIMEOUT_MS);
    const e = reply.event || {};
    ok('Added ' + amount(e.amountCents) + ' by ' + e.payer + ' split=' + (e.split || []).join(',')
      + ' note=' + (e.note || '-') + ' [' + reply.channel + ']' + (reply.broadcasted ? '' : ' (not broadcast)'));
  }

  async function balance() {
    const ch = channel();
    ui.balanceView.textContent = 'Updating the balance of ' + ch + '...';
    let reply;
    try {
      reply = await request('expense_balance', { channel: ch }, SLOW_TIMEOUT_MS);
    } catch (error) {
      ui.balanceView.textContent = 'Balance failed: ' + errorText(error);
      throw error;
    }
    const text = renderSummary(reply.summary);
    ui.balanceView.textContent = text;
    ok('Balance\n' + text);
  }

  async function exportRoom(format) {
    const reply = await request('expense_export', { channel: channel(), format }, SLOW_TIMEOUT_MS);
    const data = typeof reply.data === 'string' ? reply.data : show(reply.data);
    ui.exportView.value = data;
    ok('Export ' + (reply.format || format) + ' [' + reply.channel + ']\n' + data);
  }

  async function persist() {
    if (persistBusy) {
      info('Persist is already running.');
      return;
    }
    const ch = channel();
    checkReady('expense_persist');
    persistBusy = true;
    setBusy(ui.persist, true, 'Persisting...', 'Persist');
    info('Persisting snapshot... this can take 10-60s.');
    try {
      const reply = await request('expense_persist', { channel: ch, sim: false }, PERSIST_TIMEOUT_MS);
      ok('Persisted tx=' + (reply.tx || 'n/a'));
    } finally {
      persistBusy = false;
      setBusy(ui.persist, false, 'Persisting...', 'Persist');
    }
  }

  async function restore() {
    if (restoreBusy) {
      info('Restore is already running.');
      return;
    }
    const ch = channel();
    const confirmed = ui.restoreConfirmed.checked;
    const replace = ui.restoreReplace.checked;
    checkReady('expense_restore');
    if (replace && !window.confirm('Replace every local entry of "' + ch + '" with the persisted snapshot?\n'
        + 'Entries not yet persisted are lost. Cancel keeps them (untick "replaces" to merge instead).')) {
      info('Restore cancelled: local entries kept.');
      return;
    }
    restoreBusy = true;
    setBusy(ui.restore, true, 'Restoring...', 'Restore');
    info('Restoring snapshot (' + (replace ? 'replace' : 'merge') + ', ' + (confirmed ? 'confirmed state' : 'unconfirmed view') + ')...');
    try {
      const reply = await request('expense_restore', { channel: ch, confirmed, replace }, RESTORE_TIMEOUT_MS);
      ok('Restored added=' + reply.added + ' total=' + reply.total + ' source=' + reply.source);
    } finally {
      restoreBusy = false;
      setBusy(ui.restore, false, 'Restoring...', 'Restore');
    }
  }

  async function clearRoom() {
    const ch = channel();
    checkReady('expense_clear');
    if (!window.confirm('Clear every entry of "' + ch + '" on this peer and the peers in the room?')) {
      info('Clear cancelled.');
      return;
    }
    const reply = await request('expense_clear', { channel: ch }, TIMEOUT_MS);
    ok('Cleared ' + (reply.channel || ch) + '.');
  }

  // ---------- assistant ----------

  const NAME = /^[\p{L}\p{M}\p{N}_.-]+$/u;
  const NUMBER = /^\d+(?:\.\d+)?$/;

  /**
   * Parses `add <payer> <amount> split <a,b,...> [note <text>]`. The payer is the token right
   * after `add`; the amount is the first number after the payer; names may hold any letters.
   * Returns null when the payer, the amount or the split is missing.
   */
  function parseAdd(input) {
    const match = /^add\s+(\S+)(.*)$/isu.exec(input);
    if (!match || !NAME.test(match[1])) {
      return null;
    }
    const payer = match[1];
    let rest = match[2];
    let note = '';
    const noteAt = /(?:^|\s)note(?:\s+|$)/iu.exec(rest);
    if (noteAt) {
      note = rest.slice(noteAt.index + noteAt[0].length).trim();
      rest = rest.slice(0, noteAt.index);
    }
    let amountText = null;
    let split = null;
    const tokens = rest.trim().split(/\s+/u).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.toLowerCase() === 'split' && split === null) {
        // The members: one token `a,b`, or `a, b` / `a ,b` spread over several.
        let members = tokens[++i] || '';
        while (i + 1 < tokens.length && (members.endsWith(',') || tokens[i + 1].startsWith(','))) {
          members += tokens[++i];
        }
        split = members;
      } else if (amountText === null && NUMBER.test(token)) {
        amountText = token;
      }
    }
    if (split === null) {
      return null;
    }
    const members = split.split(',').map((m) => m.trim()).filter(Boolean);
    if (amountText === null || members.length === 0 || !members.every((m) => NAME.test(m))) {
      return null;
    }
    return { payer, amount: amountText, split: members.join(','), note };
  }

  async function runPrompt() {
    const input = ui.prompt.value.trim();
    if (!input) {
      return;
    }
    info('> ' + input);
    const command = input.split(/\s+/u)[0].toLowerCase();
    switch (command) {
      case 'balance':
        return balance();
      case 'persist':
        return persist();
      case 'restore':
        return restore();
      case 'export': {
        const format = (input.split(/\s+/u)[1] || 'text').toLowerCase();
        if (!['text', 'json', 'csv'].includes(format)) {
          throw new Error('Use: export text|json|csv');
        }
        return exportRoom(format);
      }
      case 'send':
        return sendChat(input.replace(/^send\s*/iu, ''));
      case 'add': {
        const parsed = parseAdd(input);
        if (!parsed) {
          throw new Error(ADD_USAGE);
        }
        return addExpense(parsed.payer, parsed.amount, parsed.split, parsed.note);
      }
      case 'help':
        info('Prompts: add <payer> <amount> split <a,b> [note <text>] | balance | persist | restore | export [text|json|csv] | send <text>');
        return undefined;
      default:
        throw new Error('Unknown prompt. Try: add/balance/persist/restore/export/send');
    }
  }

  // ---------- wiring ----------

  function exportLabel() {
    const format = ui.exportFormat.value;
    ui.exportButton.textContent = 'Export ' + (format === 'text' ? 'Text' : format.toUpperCase());
  }

  // A token in the fragment (#token=...) fills the field: the fragment never reaches the server.
  function tokenFromFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    const token = params.get('token');
    if (token !== null) {
      ui.token.value = token;
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  ui.wsUrl.value = defaultWsUrl();
  $('connect').addEventListener('click', connect);
  $('disconnect').addEventListener('click', disconnect);
  $('join').addEventListener('click', () => run(join));
  $('subscribe').addEventListener('click', () => run(subscribe));
  $('sendChat').addEventListener('click', () => run(() => sendChat(ui.chatMessage.value)));
  $('addExpense').addEventListener('click', () => run(() => addExpense(ui.payer.value.trim(), ui.amount.value.trim(),
    ui.split.value.trim(), ui.note.value.trim())));
  $('balance').addEventListener('click', () => run(balance));
  ui.exportButton.addEventListener('click', () => run(() => exportRoom(ui.exportFormat.value)));
  ui.exportFormat.addEventListener('change', exportLabel);
  ui.persist.addEventListener('click', () => run(persist));
  ui.restore.addEventListener('click', () => run(restore));
  $('clear').addEventListener('click', () => run(clearRoom));
  $('runPrompt').addEventListener('click', () => run(runPrompt));
  ui.prompt.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      run(runPrompt);
    }
  });
  ui.exportView.addEventListener('focus', () => ui.exportView.select());
  $('clearFeed').addEventListener('click', () => ui.feed.replaceChildren());
  window.addEventListener('hashchange', tokenFromFragment);
  tokenFromFragment();
  exportLabel();
})();
