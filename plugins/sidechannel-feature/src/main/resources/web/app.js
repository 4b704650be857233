// Sidechannel console: a small client of the SC-Bridge this page is served by.
// Every text from the network is shown with textContent, never parsed as HTML.
'use strict';

(() => {
  const MAX_LOG_LINES = 500;

  const $ = (id) => document.getElementById(id);
  const tokenInput = $('token');
  const statusOutput = $('status');
  const peerOutput = $('peer');
  const channelInput = $('channel');
  const messageInput = $('message');
  const channelList = $('channels');
  const log = $('log');
  const sessionControls = [channelInput, $('join'), $('leave'), messageInput, $('send')];

  let socket = null;
  let nextId = 1;
  const pending = new Map(); // request id -> the request, to describe its reply
  const channels = new Set(); // the peer's channels, as far as this page knows

  function setStatus(text) {
    statusOutput.textContent = text;
  }

  function setAuthenticated(authenticated) {
    for (const control of sessionControls) {
      control.disabled = !authenticated;
    }
  }

  function addLog(text, kind) {
    const line = document.createElement('li');
    line.className = kind;
    line.textContent = text;
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    log.append(line);
    while (log.childElementCount > MAX_LOG_LINES) {
      log.firstElementChild.remove();
    }
    if (atBottom) {
      log.scrollTop = log.scrollHeight;
    }
  }

  function show(message) {
    return typeof message === 'string' ? message : JSON.stringify(message);
  }

  function shortKey(key) {
    return typeof key === 'string' && key.length > 0 ? key.slice(0, 8) + '…' : '?';
  }

  function renderChannels() {
    const buttons = [...channels].sort().map((name) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = name;
      button.setAttribute('aria-pressed', String(name === channelInput.value.trim()));
      button.addEventListener('click', () => {
        channelInput.value = name;
        renderChannels();
      });
      return button;
    });
    channelList.replaceChildren(...buttons);
  }

  function request(frame) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      addLog('error: not connected', 'error');
      return;
    }
    const id = nextId++;
    pending.set(id, frame);
    socket.send(JSON.stringify({ id, ...frame }));
  }

  function onFrame(frame) {
    const asked = Number.isInteger(frame.id) ? pending.get(frame.id) : undefined;
    if (asked) {
      pending.delete(frame.id);
    }
    switch (frame.type) {
      case 'hello':
        peerOutput.textContent = frame.peer || '–';
        request({ type: 'auth', token: tokenInput.value });
        break;
      case 'auth_ok':
        setStatus('authenticated');
        setAuthenticated(true);
        request({ type: 'stats' });
        break;
      case 'stats':
        channels.clear();
        for (const name of frame.channels || []) {
          channels.add(String(name));
        }
        renderChannels();
        break;
      case 'joined':
        channels.add(frame.channel);
        renderChannels();
        addLog('joined ' + frame.channel, 'info');
        break;
      case 'left':
        if (frame.ok) {
          channels.delete(frame.channel);
          renderChannels();
          addLog('left ' + frame.channel, 'info');
        } else {
          addLog('not left ' + frame.channel + ' (the entry channel, or not joined)', 'info');
        }
        break;
      case 'sent':
        // The bridge joins a channel before sending on it; the sender gets no echo.
        channels.add(frame.channel);
        renderChannels();
        addLog('[' + frame.channel + '] you: ' + show(asked ? asked.message : ''), 'sent');
        break;
      case 'sidechannel_message':
        addLog('[' + frame.channel + '] ' + shortKey(frame.from) + ': ' + show(frame.message), 'message');
        break;
      case 'error': {
        const about = asked && asked.type !== 'auth' ? ' (' + asked.type + (asked.channel ? ' ' + asked.channel : '') + ')' : '';
        addLog('error: ' + frame.error + about, 'error');
        if (asked && asked.type === 'auth') {
          setStatus(String(frame.error));
        }
        break;
      }
      case 'pong':
        break;
      default:
        addLog(show(frame), 'info');
    }
  }

  function connect() {
    if (socket) {
      socket.close();
    }
    pending.clear();
    channels.clear();
    renderChannels();
    setAuthenticated(false);
    peerOutput.textContent = '–';
    setStatus('connecting…');
    const current = new WebSocket('ws://' + location.host + '/');
    socket = current;
    let opened = false;
    current.addEventListener('open', () => {
      if (socket === current) {
        opened = true;
        setStatus('connected');
      }
    });
    current.addEventListener('message', (event) => {
      if (socket !== current) {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        addLog('error: the bridge sent something that is not JSON', 'error');
        return;
      }
      onFrame(frame);
    });
    current.addEventListener('close', (event) => {
      if (socket !== current) {
        return;
      }
      socket = null;
      setAuthenticated(false);
      if (!opened) {
        setStatus('error: could not connect to the bridge');
      } else {
        setStatus(event.reason ? 'disconnected: ' + event.reason : 'disconnected');
      }
    });
  }

  function selectedChannel() {
    const name = channelInput.value.trim();
    if (!name) {
      addLog('error: enter a channel', 'error');
    }
    return name;
  }

  // A token in the fragment (#token=...) fills the field: the fragment never reaches the server.
  // It is removed from the address bar and the history right away.
  function tokenFromFragment() {
    const token = new URLSearchParams(location.hash.slice(1)).get('token');
    if (token !== null) {
      tokenInput.value = token;
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  $('connect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    connect();
  });
  $('channel-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const channel = selectedChannel();
    if (channel) {
      request({ type: 'join', channel });
    }
  });
  $('leave').addEventListener('click', () => {
    const channel = selectedChannel();
    if (channel) {
      request({ type: 'leave', channel });
    }
  });
  $('send-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const channel = selectedChannel();
    if (channel) {
      request({ type: 'send', channel, message: messageInput.value });
    }
  });
  channelInput.addEventListener('input', renderChannels);
  window.addEventListener('hashchange', tokenFromFragment);
  tokenFromFragment();
})();
